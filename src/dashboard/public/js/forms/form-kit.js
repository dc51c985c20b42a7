// @ts-check
import { ApiError, request } from '../api.js';
import { announce, h } from '../dom.js';
import { language, messages } from '../i18n.js';
import { problemText } from './form-errors.js';
import { moneyExample } from './money-input.js';

/**
 * The parts every logging form shares: labelled fields with a hint and an error slot tied to
 * the control (aria-describedby, aria-invalid), the form's own checks and the API's refusals
 * shown next to the field they name, a summary announced to screen readers, an Idempotency-Key
 * per distinct body (a double click stores one record), and a success note linking the record.
 * @typedef {import('../dom.js').Child} Child
 * @typedef {import('./form-body.js').Problem & { reason?: string }} Problem
 * @typedef {import('./form-body.js').Built} Built
 * @typedef {{ value: string, label: string }} Choice
 * @typedef {{
 *   name: string,
 *   label: string,
 *   type?: string,
 *   required?: boolean,
 *   hint?: Child,
 *   choices?: Choice[],
 *   value?: string,
 *   rows?: number,
 *   attributes?: Record<string, unknown>,
 *   wide?: boolean,
 * }} FieldSpec
 */

export const t = messages({
  en: {
    required: 'required',
    save: 'Save',
    saving: 'Saving…',
    problems: ({ count }) =>
      count === 1 ? 'One field needs a change:' : `${count} fields need a change:`,
    refusedNoField: 'Halo refused this:',
    saved: 'Saved.',
    unchanged: 'Already stored, unchanged.',
    viewRecord: 'View the stored record',
    choose: 'Choose…',
  },
  it: {
    required: 'obbligatorio',
    save: 'Salva',
    saving: 'Salvataggio…',
    problems: ({ count }) =>
      count === 1 ? 'Un campo va corretto:' : `${count} campi vanno corretti:`,
    refusedNoField: 'Halo ha rifiutato:',
    saved: 'Salvato.',
    unchanged: 'Già registrato, senza modifiche.',
    viewRecord: 'Apri il record salvato',
    choose: 'Scegli…',
  },
});

/**
 * 32 random hex digits; crypto.getRandomValues works on plain http too (randomUUID does not).
 * @returns {string}
 */
export function newIdempotencyKey() {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * POSTs that keep one Idempotency-Key while the body stays the same: a second click, or a retry
 * after a lost answer, gets the first record back instead of storing another.
 * @returns {(path: string, body: unknown) => Promise<{ record: any, created: boolean }>}
 */
export function idempotentPost() {
  /** @type {string | null} */
  let lastBody = null;
  let key = newIdempotencyKey();
  return async (path, body) => {
    const text = JSON.stringify(body);
    if (text !== lastBody) {
      key = newIdempotencyKey();
      lastBody = text;
    }
    const response = await request('POST', path, {
      body,
      headers: { 'Idempotency-Key': key },
      withStatus: true,
    });
    return { record: response.data, created: response.status === 201 };
  };
}

/**
 * A labelled control with its hint and error slot.
 * @param {string} formId
 * @param {FieldSpec} spec
 * @returns {HTMLDivElement}
 */
export function fieldBlock(formId, spec) {
  const id = `${formId}-${spec.name}`;
  const hintId = spec.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const common = {
    id,
    name: spec.name,
    required: spec.required,
    'aria-describedby': [hintId, errorId].filter(Boolean).join(' '),
    ...spec.attributes,
  };
  /** @type {HTMLElement} */
  let control;
  if (spec.choices)
    control = h(
      'select',
      common,
      spec.required ? null : h('option', { value: '' }, t('choose')),
      spec.choices.map((choice) =>
        h('option', { value: choice.value, selected: choice.value === spec.value }, choice.label),
      ),
    );
  else if (spec.type === 'textarea')
    control = h('textarea', { ...common, rows: spec.rows ?? 4 }, spec.value ?? '');
  else control = h('input', { type: spec.type ?? 'text', value: spec.value ?? '', ...common });
  return h(
    'div',
    { class: `field form-field${spec.wide ? ' field-wide' : ''}`, dataset: { field: spec.name } },
    h(
      'label',
      { for: id },
      spec.label,
      spec.required ? h('span', { class: 'label-note' }, ` (${t('required')})`) : null,
    ),
    control,
    spec.hint ? h('p', { class: 'field-hint', id: hintId }, spec.hint) : null,
    h('p', { class: 'field-error', id: errorId }),
  );
}

/**
 * The form's named controls as strings (checkboxes "true"/"").
 * @param {HTMLFormElement} form
 * @returns {Record<string, string>}
 */
export function readState(form) {
  /** @type {Record<string, string>} */
  const state = {};
  for (const element of form.elements) {
    const control = /** @type {HTMLInputElement} */ (element);
    if (!control.name || control.type === 'submit' || control.type === 'button') continue;
    state[control.name] =
      control.type === 'checkbox' ? (control.checked ? 'true' : '') : control.value;
  }
  return state;
}

/**
 * The problems an API refusal names, with its code for sentences that depend on it.
 * @param {unknown} error
 * @returns {{ problems: Problem[], code: string | null, message: string }}
 */
export function refusal(error) {
  if (!(error instanceof ApiError))
    return { problems: [], code: null, message: /** @type {Error} */ (error)?.message ?? '' };
  const details = /** @type {{ field?: string, code?: string, reason?: string }[]} */ (
    error.details ?? []
  );
  return {
    problems: details.map((detail) => ({
      field: detail.field ?? '',
      code: detail.code ?? error.code ?? '',
      reason: detail.reason,
    })),
    code: error.code,
    message: error.message,
  };
}

/**
 * @param {HTMLFormElement} form
 */
export function clearProblems(form) {
  for (const slot of form.querySelectorAll('.field-error')) slot.textContent = '';
  for (const control of form.querySelectorAll('[aria-invalid]'))
    control.removeAttribute('aria-invalid');
  const summary = form.querySelector('.form-summary');
  if (summary) summary.replaceChildren();
}

/**
 * Each problem next to its field (API field names mapped through `aliases`); those naming no
 * field of the form go to the summary. The summary is an alert, so the problems are read out,
 * and the first field in error takes the focus.
 * @param {HTMLFormElement} form
 * @param {Problem[]} problems
 * @param {{ aliases?: Record<string, string>, code?: string | null, message?: string }} [options]
 */
export function showProblems(form, problems, { aliases = {}, code = null, message } = {}) {
  clearProblems(form);
  const summary = /** @type {HTMLElement} */ (form.querySelector('.form-summary'));
  /** @type {HTMLElement | null} */
  let first = null;
  const list = h('ul', {});
  for (const problem of problems) {
    const base = problem.field.split('.')[0];
    const name = aliases[problem.field] ?? aliases[base] ?? base;
    const text = problemText(problem, code);
    const block = form.querySelector(`[data-field="${globalThis.CSS.escape(name)}"]`);
    const control = block?.querySelector('input, select, textarea');
    const slot = block?.querySelector('.field-error');
    if (block && control && slot) {
      slot.textContent = slot.textContent ? `${slot.textContent} ${text}` : text;
      control.setAttribute('aria-invalid', 'true');
      first ??= /** @type {HTMLElement} */ (control);
      const label = block.querySelector('label')?.firstChild?.textContent ?? name;
      list.append(
        h(
          'li',
          {},
          h('a', { href: `#${control.id}`, dataset: { focus: control.id } }, label),
          `: ${text}`,
        ),
      );
    } else list.append(h('li', {}, text));
  }
  if (!problems.length && (code || message))
    list.append(h('li', {}, problemText({ code: code ?? '', reason: message }, code)));
  summary.replaceChildren(
    h('p', {}, problems.length ? t('problems', { count: problems.length }) : t('refusedNoField')),
    list,
  );
  for (const link of summary.querySelectorAll('a[data-focus]'))
    link.addEventListener('click', (event) => {
      event.preventDefault();
      document.getElementById(/** @type {HTMLElement} */ (link).dataset.focus ?? '')?.focus();
    });
  first?.focus();
}

/**
 * A form that builds its body, checks it, sends it and says what happened.
 * @param {{
 *   id: string,
 *   fields: Child,
 *   submitLabel?: string,
 *   build: (state: Record<string, string>) => Built,
 *   send: (body: Record<string, unknown>) => Promise<{ text: string, links?: Child }>,
 *   aliases?: Record<string, string>,
 *   className?: string,
 * }} options
 * @returns {HTMLFormElement}
 */
export function writeForm({ id, fields, submitLabel, build, send, aliases, className = '' }) {
  const submit = h(
    'button',
    { type: 'submit', class: 'button button-primary' },
    submitLabel ?? t('save'),
  );
  const done = h('div', { class: 'form-success', role: 'status' });
  const form = h(
    'form',
    { id, class: `log-form ${className}`.trim(), novalidate: true },
    h('div', { class: 'form-summary', role: 'alert' }),
    h('div', { class: 'form-grid' }, fields),
    h('div', { class: 'form-actions' }, submit),
    done,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.dataset.busy === 'true') return;
    done.replaceChildren();
    const { body, problems } = build(readState(form));
    if (problems.length) return showProblems(form, problems, { aliases });
    clearProblems(form);
    form.dataset.busy = 'true';
    form.setAttribute('aria-busy', 'true');
    submit.textContent = t('saving');
    try {
      const outcome = await send(body);
      done.replaceChildren(h('p', {}, outcome.text, ' ', outcome.links ?? null));
      announce(outcome.text);
    } catch (error) {
      const { problems: refused, code, message } = refusal(error);
      showProblems(form, refused, { aliases, code, message });
    } finally {
      delete form.dataset.busy;
      form.removeAttribute('aria-busy');
      submit.textContent = submitLabel ?? t('save');
    }
  });
  return form;
}

/**
 * A link to a record's page (or its JSON in the API when it has no page).
 * @param {string} href
 * @param {string} [label]
 * @returns {HTMLAnchorElement}
 */
export function recordLink(href, label = t('viewRecord')) {
  return h('a', { href, class: 'record-link' }, label);
}

/**
 * An amount typed as the dashboard's language writes it, and its currency beside it: the pair
 * every form with money shows (an event's cost, a referral's reward).
 * @param {string} formId
 * @param {{ amount: string, currency: string, label: string, currencyLabel: string, hint: (example: string) => string, value: string }} spec
 * @returns {HTMLDivElement[]}
 */
export function moneyFields(formId, spec) {
  return [
    fieldBlock(formId, {
      name: spec.amount,
      label: spec.label,
      hint: spec.hint(moneyExample(language())),
      attributes: { inputmode: 'decimal', autocomplete: 'off' },
    }),
    fieldBlock(formId, {
      name: spec.currency,
      label: spec.currencyLabel,
      value: spec.value,
      attributes: { maxlength: 3, autocapitalize: 'characters', class: 'input-short' },
    }),
  ];
}
