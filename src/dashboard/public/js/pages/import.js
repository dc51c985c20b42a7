// @ts-check
import { ApiError, get, request } from '../api.js';
import { announce, h } from '../dom.js';
import { count } from '../format.js';
import { language } from '../i18n.js';
import { card, emptyState, errorState, field, pageHeader } from '../ui.js';
import {
  checkColumns,
  columnsParam,
  contentType,
  estimateRows,
  formatOf,
  previewCsv,
  previewJson,
  progressPercent,
} from './import-file.js';
import { importHistory } from './import-history.js';
import { IMPORT_TYPES, t, typeName } from './import-words.js';

/** Bytes of a file read for the preview and the row estimate; a larger file is estimated. */
const READ_AHEAD_BYTES = 8 * 1024 * 1024;
const POLL_MS = 600;

/**
 * @typedef {import('./import-file.js').Column} Column
 * @typedef {import('./import-file.js').FileFormat} FileFormat
 * @typedef {{ line: number, details: { field: string, reason: string, code: string }[] }} RowError
 * @typedef {{
 *   id: string, type: string, status?: string, rows: number, created: number, updated: number,
 *   unchanged: number, refused: number, rowsStored?: number, errors: RowError[],
 *   errorsTruncated?: boolean, dryRun?: boolean,
 * }} ImportAnswer
 * @typedef {{ file: File, format: FileFormat, header: string[], estimate: number }} Chosen
 */

/** @type {import('../app.js').Page['render']} */
export async function render(container, { session }) {
  container.append(pageHeader(t('title'), { subtitle: t('subtitle') }));
  if (!session.canWrite) {
    container.append(emptyState(t('managersOnly'), t('managersOnlyDetail')));
    return;
  }
  const history = importHistory();
  const form = uploadForm(() => void history.reload());
  container.append(form, history.element);
  await history.reload();
}

/**
 * @param {() => void} onImported
 * @returns {HTMLElement}
 */
function uploadForm(onImported) {
  const type = h(
    'select',
    { id: 'import-type', name: 'type' },
    IMPORT_TYPES.map((name) => h('option', { value: name }, typeName(name))),
  );
  const file = /** @type {HTMLInputElement} */ (
    h('input', {
      id: 'import-file',
      type: 'file',
      accept: '.csv,.txt,.ndjson,.jsonl,.json',
      'aria-describedby': 'import-file-hint',
    })
  );
  const locale = h(
    'select',
    { id: 'import-locale' },
    h('option', { value: 'en', selected: language() === 'en' }, t('localeEn')),
    h('option', { value: 'it', selected: language() === 'it' }, t('localeIt')),
  );
  const charset = h(
    'select',
    { id: 'import-charset', 'aria-describedby': 'import-charset-hint' },
    h('option', { value: 'utf-8' }, 'UTF-8'),
    h('option', { value: 'windows-1252' }, 'Windows-1252'),
  );
  const checkButton = h('button', { type: 'button', class: 'button', disabled: true }, t('check'));
  const startButton = h(
    'button',
    { type: 'button', class: 'button button-primary', disabled: true },
    t('start'),
  );
  const previewSlot = h('div', { id: 'import-preview' });
  const columnsSlot = h('div', { id: 'import-columns' });
  const resultSlot = h('div', { id: 'import-result', 'aria-live': 'polite' });

  /** @type {Chosen | null} */
  let chosen = null;
  /** @type {Column[]} */
  let columns = [];
  /** @type {Record<string, string>} */
  let mapping = {};

  async function refresh() {
    resultSlot.replaceChildren();
    chosen = null;
    const selected = file.files?.[0];
    columns = (await get(`/api/v1/import/${type.value}/columns`).catch(() => null))?.columns ?? [];
    if (!selected) return showColumns();
    const format = formatOf(selected.name);
    if (!format) {
      previewSlot.replaceChildren(
        h('p', { class: 'form-error', role: 'alert' }, t('unknownFormat')),
      );
      return showColumns();
    }
    const head = await selected.slice(0, READ_AHEAD_BYTES).text();
    const preview = format === 'csv' ? previewCsv(head) : previewJson(head, format);
    const readAll = selected.size <= READ_AHEAD_BYTES;
    const estimate = readAll
      ? estimateRows(head, format)
      : Math.round((estimateRows(head, format) * selected.size) / READ_AHEAD_BYTES);
    chosen = { file: selected, format, header: preview.header, estimate };
    mapping = Object.fromEntries(preview.header.map((name) => [name, name]));
    previewSlot.replaceChildren(previewTable(selected.name, preview));
    showColumns();
  }

  function showColumns() {
    const header = chosen?.format === 'csv' ? chosen.header : [];
    const check = checkColumns(header, columns, mapping);
    const fine =
      Boolean(chosen) &&
      (chosen?.format !== 'csv' || (!check.unknown.length && !check.missing.length));
    checkButton.toggleAttribute('disabled', !fine);
    startButton.toggleAttribute('disabled', !fine);
    if (!chosen || chosen.format !== 'csv') return columnsSlot.replaceChildren();
    columnsSlot.replaceChildren(
      mappingTable(header, columns, mapping, (from, to) => {
        mapping[from] = to;
        showColumns();
      }),
      h(
        'p',
        { class: fine ? 'import-ok' : 'form-error', role: fine ? undefined : 'alert' },
        [
          check.unknown.length ? t('unknownColumns', { names: check.unknown.join(', ') }) : '',
          check.missing.length ? t('missingColumns', { names: check.missing.join(', ') }) : '',
        ]
          .filter(Boolean)
          .join(' ') || t('columnsOk'),
      ),
    );
  }

  /** @param {boolean} dryRun */
  async function send(dryRun) {
    if (!chosen) return;
    const run = chosen;
    checkButton.setAttribute('disabled', '');
    startButton.setAttribute('disabled', '');
    const importId = window.crypto.randomUUID();
    const bar = /** @type {HTMLProgressElement} */ (
      h('progress', { max: 100, value: 0, 'aria-label': t('progress') })
    );
    const note = h('p', { class: 'muted' }, dryRun ? t('checking') : t('importing'));
    resultSlot.replaceChildren(h('div', { class: 'import-progress' }, bar, note));
    const poll = window.setInterval(async () => {
      const job = await get(`/api/v1/imports/${importId}`).catch(() => null);
      if (!job) return;
      const stored = job.rowsStored ?? 0;
      bar.value = progressPercent(stored, run.estimate, false);
      note.textContent = t('progressText', { stored: count(stored), total: count(run.estimate) });
    }, POLL_MS);
    try {
      /** @type {ImportAnswer} */
      const answer = await request('POST', `/api/v1/import/${type.value}`, {
        query: {
          importId,
          dryRun: dryRun ? 'true' : undefined,
          locale: run.format === 'csv' ? locale.value : undefined,
          columns: run.format === 'csv' ? columnsParam(mapping) : undefined,
        },
        file: { body: run.file, type: contentType(run.format, charset.value) },
      });
      resultSlot.replaceChildren(resultView(answer, dryRun));
      announce(dryRun ? t('checked') : t('done'));
      if (!dryRun) onImported();
    } catch (error) {
      resultSlot.replaceChildren(refusalView(error));
    } finally {
      window.clearInterval(poll);
      showColumns();
    }
  }

  type.addEventListener('change', () => void refresh());
  file.addEventListener('change', () => void refresh());
  checkButton.addEventListener('click', () => void send(true));
  startButton.addEventListener('click', () => void send(false));
  void refresh();

  return card(
    t('chooseFile'),
    { id: 'import-upload' },
    h(
      'div',
      { class: 'import-grid' },
      field(t('type'), type, { id: 'import-type' }),
      field(t('file'), file, { id: 'import-file', hint: t('fileHint') }),
      field(t('locale'), locale, { id: 'import-locale' }),
      field(t('charset'), charset, { id: 'import-charset', hint: t('charsetHint') }),
    ),
    previewSlot,
    columnsSlot,
    h('div', { class: 'import-actions' }, checkButton, startButton),
    resultSlot,
  );
}

/**
 * @param {string} name
 * @param {import('./import-file.js').Preview} preview
 * @returns {HTMLElement}
 */
function previewTable(name, preview) {
  return h(
    'div',
    { class: 'stack' },
    h('h3', {}, t('preview')),
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('preview') },
      h(
        'table',
        { class: 'preview-table' },
        h('caption', { class: 'visually-hidden' }, t('previewCaption', { file: name })),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            preview.header.map((column) => h('th', { scope: 'col' }, column)),
          ),
        ),
        h(
          'tbody',
          {},
          preview.rows.map((row) =>
            h(
              'tr',
              {},
              row.map((cell) => h('td', {}, cell)),
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * @param {string[]} header
 * @param {Column[]} columns
 * @param {Record<string, string>} mapping
 * @param {(from: string, to: string) => void} onChange
 * @returns {HTMLElement}
 */
function mappingTable(header, columns, mapping, onChange) {
  return h(
    'div',
    { class: 'stack' },
    h('h3', {}, t('columns')),
    h('p', { class: 'muted' }, t('columnsIntro')),
    h(
      'table',
      { class: 'mapping-table' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, t('fileColumn')),
          h('th', { scope: 'col' }, t('haloColumn')),
        ),
      ),
      h(
        'tbody',
        {},
        header.map((name, index) => {
          const select = h(
            'select',
            { id: `import-map-${index}`, 'aria-label': `${t('haloColumn')}: ${name}` },
            h('option', { value: '' }, t('notAField')),
            columns.map((column) =>
              h(
                'option',
                { value: column.name, selected: mapping[name] === column.name },
                column.required ? `${column.name} (${t('required')})` : column.name,
              ),
            ),
          );
          select.addEventListener('change', () =>
            onChange(name, /** @type {HTMLSelectElement} */ (select).value),
          );
          return h('tr', {}, h('th', { scope: 'row' }, name), h('td', {}, select));
        }),
      ),
    ),
  );
}

/**
 * @param {ImportAnswer} answer
 * @param {boolean} dryRun
 * @returns {HTMLElement}
 */
function resultView(answer, dryRun) {
  const aborted = answer.status === 'aborted';
  return h(
    'div',
    { class: 'stack import-result' },
    h('p', { class: 'empty-title' }, dryRun ? t('checked') : aborted ? t('aborted') : t('done')),
    h(
      'p',
      {},
      t('counts', {
        rows: count(answer.rows),
        created: count(answer.created),
        updated: count(answer.updated),
        unchanged: count(answer.unchanged),
        refused: count(answer.refused),
      }),
    ),
    answer.refused ? errorsView(answer) : null,
  );
}

/**
 * @param {ImportAnswer} answer
 * @returns {HTMLElement}
 */
function errorsView(answer) {
  const shown = answer.errors.slice(0, 20);
  return h(
    'div',
    { class: 'stack' },
    h('h3', {}, t('errorsTitle')),
    answer.refused > shown.length
      ? h(
          'p',
          { class: 'muted' },
          t('errorsMore', { shown: count(shown.length), total: count(answer.refused) }),
        )
      : null,
    h(
      'div',
      { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('errorsTitle') },
      h(
        'table',
        {},
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t('line')),
            h('th', { scope: 'col' }, t('field')),
            h('th', { scope: 'col' }, t('reason')),
          ),
        ),
        h(
          'tbody',
          {},
          shown.flatMap((error) =>
            error.details.map((detail) =>
              h(
                'tr',
                {},
                h('td', { class: 'num' }, String(error.line)),
                h('td', {}, detail.field),
                h('td', {}, detail.reason),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      'a',
      { href: `/api/v1/imports/${encodeURIComponent(answer.id)}/errors`, download: '' },
      t('downloadErrors'),
    ),
  );
}

/**
 * @param {unknown} error
 * @returns {HTMLElement}
 */
function refusalView(error) {
  if (!(error instanceof ApiError) || !error.details.length) return errorState(error, t('file'));
  const details = /** @type {{ field?: string, reason?: string }[]} */ (error.details);
  return h(
    'div',
    { class: 'error-state', role: 'alert' },
    h('p', { class: 'empty-title' }, t('failed')),
    h('p', {}, error.message),
    h(
      'ul',
      {},
      details.map((detail) => h('li', {}, `${detail.field ?? ''}: ${detail.reason ?? ''}`)),
    ),
  );
}
