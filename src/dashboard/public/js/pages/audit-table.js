// @ts-check
import { h } from '../dom.js';
import { badge } from '../ui.js';
import { hashFor } from './audit-filters.js';
import { actionText, actorText, detailsText, shortId, when } from './audit-words.js';

/**
 * The audit page's table: when, who, what, records, from where, outcome. On a phone each entry
 * is a card (stack-on-phone); on a laptop the table scrolls in its own frame if it must.
 * @typedef {import('./audit-words.js').AuditEntry} AuditEntry
 */

/**
 * @param {AuditEntry} entry
 * @param {import('./audit-filters.js').AuditFilters} filters
 */
function recordsCell(entry, filters) {
  if (!entry.recordIds.length) return h('span', { class: 'muted' }, '—');
  return h(
    'ul',
    { class: 'audit-records' },
    entry.recordIds.map((id) =>
      h(
        'li',
        {},
        h(
          'a',
          {
            href: hashFor({ ...filters, recordId: id }),
            class: 'mono',
            title: id,
            'aria-label': `Everything done to record ${id}`,
          },
          shortId(id),
        ),
      ),
    ),
  );
}

/**
 * @param {AuditEntry} entry
 */
function outcomeCell(entry) {
  const status = entry.statusCode === null ? 'no answer' : String(entry.statusCode);
  return h(
    'span',
    { class: 'audit-outcome' },
    badge(
      entry.outcome === 'success' ? 'Done' : 'Refused',
      entry.outcome === 'success' ? 'good' : 'bad',
    ),
    h('span', { class: 'muted small' }, status),
  );
}

/**
 * @param {AuditEntry[]} entries
 * @param {import('./audit-filters.js').AuditFilters} filters
 * @returns {HTMLElement}
 */
export function auditTable(entries, filters) {
  const columns = ['When', 'Who', 'What', 'Records', 'From', 'Outcome'];
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Audit entries' },
    h(
      'table',
      { class: 'data audit stack-on-phone', id: 'audit-entries' },
      h('caption', { class: 'visually-hidden' }, 'Audit entries, newest first'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((label) => h('th', { scope: 'col' }, label)),
        ),
      ),
      h(
        'tbody',
        {},
        entries.map((entry) => {
          const actor = actorText(entry.actor);
          const details = detailsText(entry.details);
          return h(
            'tr',
            { dataset: { entryId: entry.id, action: entry.action } },
            h(
              'th',
              { scope: 'row', class: 'audit-when' },
              h('time', { datetime: entry.at }, when(entry.at)),
            ),
            h(
              'td',
              { 'data-label': 'Who' },
              h(
                'div',
                { class: 'audit-lines' },
                h(
                  'span',
                  {},
                  entry.actor.keyId
                    ? h(
                        'a',
                        { href: hashFor({ ...filters, keyId: entry.actor.keyId }) },
                        actor.name,
                      )
                    : actor.name,
                ),
                h('span', { class: 'muted small' }, actor.how),
              ),
            ),
            h(
              'td',
              { 'data-label': 'What' },
              h(
                'div',
                { class: 'audit-lines' },
                h('span', {}, actionText(entry.action)),
                details ? h('span', { class: 'small' }, details) : null,
                entry.route
                  ? h(
                      'span',
                      { class: 'muted small mono' },
                      `${entry.method ?? ''} ${entry.route}`.trim(),
                    )
                  : null,
              ),
            ),
            h('td', { 'data-label': 'Records' }, recordsCell(entry, filters)),
            h(
              'td',
              { 'data-label': 'From', class: 'mono' },
              entry.remoteAddress ?? h('span', { class: 'muted' }, '—'),
            ),
            h('td', { 'data-label': 'Outcome' }, outcomeCell(entry)),
          );
        }),
      ),
    ),
  );
}
