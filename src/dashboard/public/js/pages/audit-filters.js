// @ts-check
import { h } from '../dom.js';
import { field } from '../ui.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    'member.erase': 'Erasures',
    'member.export': 'Exports',
    'member.merge': 'Merges',
    'referral.approve': 'Referral approvals',
    'import.create': 'Imports',
    'apiKey.create': 'Keys created',
    'apiKey.revoke': 'Keys revoked',
    'session.signIn': 'Dashboard sign-ins',
    'auth.failed': 'Failed authentications',
    'member.create': 'Members created',
    'purchase.create': 'Purchases recorded',
    anyKey: 'Any key',
    revoked: ', revoked',
    anything: 'Anything',
    recordTitle: 'A record’s id (a UUID), as the API and the member page show it',
    filterLog: 'Filter the audit log',
    key: 'Key',
    what: 'What',
    recordId: 'Record id',
    recordHint: 'Everything done to one record: a member, a purchase, a key…',
    fromUtc: 'From (UTC)',
    toUtc: 'To (UTC, inclusive)',
    reset: 'Reset',
    applyFilters: 'Apply filters',
  },
  it: {
    'member.erase': 'Cancellazioni',
    'member.export': 'Esportazioni',
    'member.merge': 'Unioni',
    'referral.approve': 'Segnalazioni approvate',
    'import.create': 'Importazioni',
    'apiKey.create': 'Chiavi create',
    'apiKey.revoke': 'Chiavi revocate',
    'session.signIn': 'Accessi alla dashboard',
    'auth.failed': 'Autenticazioni non riuscite',
    'member.create': 'Membri creati',
    'purchase.create': 'Acquisti registrati',
    anyKey: 'Qualsiasi chiave',
    revoked: ', revocata',
    anything: 'Qualsiasi cosa',
    recordTitle: "L'id di un record (un UUID), come lo mostrano l'API e la pagina del membro",
    filterLog: 'Filtra il registro attività',
    key: 'Chiave',
    what: 'Cosa',
    recordId: 'Id del record',
    recordHint: 'Tutto ciò che è stato fatto a un record: un membro, un acquisto, una chiave…',
    fromUtc: 'Dal (UTC)',
    toUtc: 'Al (UTC, incluso)',
    reset: 'Azzera',
    applyFilters: 'Applica i filtri',
  },
});

/**
 * The audit log's filters, kept in the page's hash so that a filtered view can be shared.
 * @typedef {{ keyId: string, recordId: string, action: string, from: string, to: string }} AuditFilters
 * @typedef {{ id: string, name: string, prefix: string, revokedAt: string | null }} KeyOption
 */

export const FILTER_NAMES = /** @type {const} */ (['keyId', 'recordId', 'action', 'from', 'to']);

/** The verbs an admin looks for most, in the order they are asked about. */
const ACTIONS = /** @type {const} */ ([
  'member.erase',
  'member.export',
  'member.merge',
  'referral.approve',
  'import.create',
  'apiKey.create',
  'apiKey.revoke',
  'session.signIn',
  'auth.failed',
  'member.create',
  'purchase.create',
]);

/**
 * @param {URLSearchParams} params
 * @returns {AuditFilters}
 */
export function readFilters(params) {
  return /** @type {AuditFilters} */ (
    Object.fromEntries(FILTER_NAMES.map((name) => [name, params.get(name) ?? '']))
  );
}

/**
 * @param {Partial<AuditFilters>} filters
 * @returns {string}
 */
export function hashFor(filters) {
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value) query.set(name, value);
  }
  const search = query.toString();
  return `#/audit${search ? `?${search}` : ''}`;
}

/**
 * The date inputs give a day; `to` is the last day shown, so the API's exclusive end is the next.
 * @param {AuditFilters} filters
 * @returns {Record<string, string>}
 */
export function apiQuery(filters) {
  /** @type {Record<string, string>} */
  const query = {};
  if (filters.keyId) query.keyId = filters.keyId;
  if (filters.recordId) query.recordId = filters.recordId.trim().toLowerCase();
  if (filters.action) query.action = filters.action;
  if (filters.from) query.from = filters.from;
  if (filters.to) {
    const end = new Date(`${filters.to}T00:00:00Z`);
    end.setUTCDate(end.getUTCDate() + 1);
    query.to = end.toISOString().slice(0, 10);
  }
  return query;
}

/**
 * @param {AuditFilters} filters
 * @param {KeyOption[]} keys
 * @param {(next: AuditFilters) => void} onApply
 * @returns {HTMLFormElement}
 */
export function filterForm(filters, keys, onApply) {
  const key = h(
    'select',
    { id: 'audit-key', name: 'keyId' },
    h('option', { value: '' }, t('anyKey')),
    keys.map((option) =>
      h(
        'option',
        { value: option.id, selected: filters.keyId === option.id },
        `${option.name} (${option.prefix}…)${option.revokedAt ? t('revoked') : ''}`,
      ),
    ),
  );
  const action = h(
    'select',
    { id: 'audit-action', name: 'action' },
    h('option', { value: '' }, t('anything')),
    ACTIONS.map((value) => h('option', { value, selected: filters.action === value }, t(value))),
    filters.action && !ACTIONS.some((value) => value === filters.action)
      ? h('option', { value: filters.action, selected: true }, filters.action)
      : null,
  );
  const record = h('input', {
    id: 'audit-record',
    name: 'recordId',
    type: 'text',
    value: filters.recordId,
    placeholder: 'e.g. 0193a6f2-9c1e-…',
    autocomplete: 'off',
    spellcheck: 'false',
    pattern: '\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*',
    title: t('recordTitle'),
    'aria-describedby': 'audit-record-hint',
  });
  const from = h('input', { id: 'audit-from', name: 'from', type: 'date', value: filters.from });
  const to = h('input', { id: 'audit-to', name: 'to', type: 'date', value: filters.to });
  const form = h(
    'form',
    { class: 'toolbar', role: 'search', 'aria-label': t('filterLog') },
    h(
      'div',
      { class: 'filters' },
      field(t('key'), key, { id: 'audit-key' }),
      field(t('what'), action, { id: 'audit-action' }),
      field(t('recordId'), record, {
        id: 'audit-record',
        hint: t('recordHint'),
      }),
      field(t('fromUtc'), from, { id: 'audit-from' }),
      field(t('toUtc'), to, { id: 'audit-to' }),
      h(
        'div',
        { class: 'filter-actions' },
        h('a', { class: 'button button-quiet', href: hashFor({}) }, t('reset')),
        h('button', { type: 'submit', class: 'button button-primary' }, t('applyFilters')),
      ),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    onApply(
      /** @type {AuditFilters} */ (
        Object.fromEntries(FILTER_NAMES.map((name) => [name, String(data.get(name) ?? '').trim()]))
      ),
    );
  });
  return form;
}
