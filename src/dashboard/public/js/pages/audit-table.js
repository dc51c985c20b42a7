// @ts-check
import { h } from '../dom.js';
import { badge } from '../ui.js';
import { hashFor } from './audit-filters.js';
import { actionText, actorText, detailsText, shortId, when } from './audit-words.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    everything: 'Everything done to record {id}',
    noAnswer: 'no answer',
    done: 'Done',
    refused: 'Refused',
    when: 'When',
    who: 'Who',
    what: 'What',
    records: 'Records',
    from: 'From',
    outcome: 'Outcome',
    entries: 'Audit entries',
    caption: 'Audit entries, newest first',
  },
  it: {
    everything: 'Tutto ciò che è stato fatto al record {id}',
    noAnswer: 'nessuna risposta',
    done: 'Eseguito',
    refused: 'Rifiutato',
    when: 'Quando',
    who: 'Chi',
    what: 'Cosa',
    records: 'Record',
    from: 'Da',
    outcome: 'Esito',
    entries: 'Voci del registro',
    caption: 'Voci del registro, dalle più recenti',
  },
});

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
            'aria-label': t('everything', { id }),
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
  const status = entry.statusCode === null ? t('noAnswer') : String(entry.statusCode);
  return h(
    'span',
    { class: 'audit-outcome' },
    badge(
      entry.outcome === 'success' ? t('done') : t('refused'),
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
  const columns = [t('when'), t('who'), t('what'), t('records'), t('from'), t('outcome')];
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('entries') },
    h(
      'table',
      { class: 'data audit stack-on-phone', id: 'audit-entries' },
      h('caption', { class: 'visually-hidden' }, t('caption')),
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
              { 'data-label': t('who') },
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
              { 'data-label': t('what') },
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
            h('td', { 'data-label': t('records') }, recordsCell(entry, filters)),
            h(
              'td',
              { 'data-label': t('from'), class: 'mono' },
              entry.remoteAddress ?? h('span', { class: 'muted' }, '—'),
            ),
            h('td', { 'data-label': t('outcome') }, outcomeCell(entry)),
          );
        }),
      ),
    ),
  );
}
