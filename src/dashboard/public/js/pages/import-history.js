// @ts-check
import { del, get } from '../api.js';
import { announce, h } from '../dom.js';
import { count, dateTime } from '../format.js';
import { badge, card, emptyState, errorState, loading } from '../ui.js';
import { t, typeName } from './import-words.js';

/**
 * GET /api/v1/imports: the latest imports, newest first.
 * @typedef {{
 *   id: string, type: string, status: string, rows: number, created: number, refused: number,
 *   dryRun?: boolean, startedAt: string,
 * }} ImportRun
 * @typedef {Record<string, number>} CountsByType
 */

const STATUS_WORDS = /** @type {const} */ ({
  running: 'statusRunning',
  succeeded: 'statusSucceeded',
  failed: 'statusFailed',
  aborted: 'statusAborted',
  undone: 'statusUndone',
});

/**
 * @param {string} status
 * @returns {string}
 */
function statusWord(status) {
  const key = STATUS_WORDS[/** @type {keyof typeof STATUS_WORDS} */ (status)];
  return key ? t(key) : status;
}

/**
 * The sum of an undo's counts by record type ({members: 3, purchases: 12} → 15).
 * @param {CountsByType | number | undefined} counts
 * @returns {number}
 */
export function total(counts) {
  if (typeof counts === 'number') return counts;
  return Object.values(counts ?? {}).reduce((sum, value) => sum + (Number(value) || 0), 0);
}

/** The history card, and a way to load it again after an import. */
export function importHistory() {
  const body = h('div', { id: 'import-history-body', 'aria-live': 'polite' });
  const element = card(
    t('history'),
    { id: 'import-history', description: t('historyIntro') },
    body,
  );

  async function reload() {
    body.replaceChildren(loading(t('loadingHistory')));
    try {
      const page = await get('/api/v1/imports', { limit: 20 });
      /** @type {ImportRun[]} */
      const runs = page?.items ?? [];
      body.replaceChildren(runs.length ? historyTable(runs, reload) : emptyState(t('noImports')));
    } catch (error) {
      body.replaceChildren(errorState(error, t('history')));
    }
  }
  return { element, reload };
}

/**
 * @param {ImportRun[]} runs
 * @param {() => Promise<void>} reload
 * @returns {HTMLElement}
 */
function historyTable(runs, reload) {
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('history') },
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          [t('started'), t('type'), t('status'), t('rows'), t('created'), t('refused'), ''].map(
            (label) => h('th', { scope: 'col' }, label),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        runs.map((run) =>
          h(
            'tr',
            { dataset: { importId: run.id } },
            h('td', {}, dateTime(run.startedAt)),
            h('td', {}, typeName(/** @type {any} */ (run.type))),
            h(
              'td',
              {},
              badge(statusWord(run.status), run.status === 'succeeded' ? 'good' : 'muted'),
              run.dryRun ? badge(t('dryRun')) : null,
            ),
            h('td', { class: 'num' }, count(run.rows)),
            h('td', { class: 'num' }, count(run.created)),
            h('td', { class: 'num' }, count(run.refused)),
            h('td', {}, undoButton(run, reload)),
          ),
        ),
      ),
    ),
  );
}

/**
 * @param {ImportRun} run
 * @param {() => Promise<void>} reload
 * @returns {HTMLElement | null}
 */
function undoButton(run, reload) {
  if (run.dryRun || run.status === 'undone' || run.status === 'running' || !run.created)
    return null;
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button button-quiet',
      'aria-label': t('undoLabel', {
        type: typeName(/** @type {any} */ (run.type)),
        date: dateTime(run.startedAt),
      }),
    },
    t('undo'),
  );
  button.addEventListener('click', async () => {
    if (!window.confirm(t('undoConfirm'))) return;
    button.setAttribute('disabled', '');
    try {
      const answer = await del(`/api/v1/imports/${encodeURIComponent(run.id)}`);
      announce(
        t('undone', { deleted: count(total(answer?.deleted)), kept: count(total(answer?.kept)) }),
      );
      await reload();
    } catch (error) {
      button.replaceWith(errorState(error, t('undo')));
    }
  });
  return button;
}
