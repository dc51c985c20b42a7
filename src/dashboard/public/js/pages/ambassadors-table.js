// @ts-check
import { h } from '../dom.js';
import { count, money, percent, toNumber } from '../format.js';
import { memberLink, tierBadge } from '../ui.js';
import { SORTS } from './ambassadors-filters.js';

/**
 * GET /api/v1/advocates: a page of the ranking (amounts are decimal strings).
 * @typedef {import('../ui.js').MemberRef & { tags?: string[] }} RankedMember
 * @typedef {{
 *   member?: RankedMember | null,
 *   tier?: string | null,
 *   components?: Record<string, string | null>,
 *   engagement?: number | null,
 *   influenceShare?: number | null,
 *   change?: unknown,
 * }} RankingRow
 * @typedef {{
 *   items: RankingRow[],
 *   nextCursor?: string | null,
 *   total?: number,
 *   currency?: string,
 * }} RankingPage
 */

/**
 * The change since the previous period, signed; an object names its figures.
 * @param {unknown} change a figure, or an object with `extendedValue` or `value`
 * @param {string} currency
 */
function changeCell(change, currency) {
  const amount = toNumber(
    typeof change === 'object' && change !== null
      ? (/** @type {{ extendedValue?: unknown, value?: unknown }} */ (change).extendedValue ??
          /** @type {{ extendedValue?: unknown, value?: unknown }} */ (change).value)
      : change,
  );
  if (amount === null) return h('span', { class: 'muted' }, '—');
  const sign = amount > 0 ? '+' : amount < 0 ? '−' : '±';
  return h(
    'span',
    { class: amount > 0 ? 'delta up' : amount < 0 ? 'delta down' : 'delta' },
    `${sign}${money(Math.abs(amount), currency)}`,
  );
}

/**
 * @param {RankingPage} page
 * @param {import('./ambassadors-filters.js').Filters} filters
 * @param {number} offset the rank before the page's first row
 * @param {string} currency
 * @returns {HTMLElement}
 */
export function rankingTable(page, filters, offset, currency) {
  const columns = [
    { label: '#', class: 'rank' },
    { label: 'Member' },
    { label: 'Tier' },
    { label: 'Extended value', numeric: true, sort: 'extendedValue' },
    { label: 'Spend', numeric: true, hide: true },
    { label: 'Referral', numeric: true, hide: true },
    { label: 'Influence', numeric: true, sort: 'influence' },
    { label: 'Engagement', numeric: true, sort: 'engagement' },
    { label: 'Influence share', numeric: true, hide: true, sort: 'influenceShare' },
    { label: 'Change', numeric: true, sort: 'growth' },
  ];
  const active = filters.sort || 'extendedValue';
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Ranking' },
    h(
      'table',
      { class: 'data ranking', id: 'ranking' },
      h(
        'caption',
        { class: 'visually-hidden' },
        `Members ranked by ${SORTS.find((sort) => sort.id === active)?.label ?? active}`,
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((column) =>
            h(
              'th',
              {
                scope: 'col',
                class:
                  [column.numeric ? 'num' : '', column.hide ? 'hide-phone' : '', column.class ?? '']
                    .join(' ')
                    .trim() || undefined,
                'aria-sort': column.sort === active ? 'descending' : undefined,
              },
              column.label,
            ),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        page.items.map((row, index) => {
          const member = row.member ?? {};
          const components = row.components ?? {};
          /**
           * @param {string} label
           * @param {import('../dom.js').Child} content
           * @param {{ hide?: boolean, amount?: string | null }} [options]
           */
          const metric = (label, content, { hide = false, amount } = {}) =>
            h(
              'td',
              {
                class: `num metric${hide ? ' hide-phone' : ''}`,
                'data-label': label,
                dataset: amount === undefined ? undefined : { amount },
              },
              content,
            );
          return h(
            'tr',
            { dataset: { memberId: member.id } },
            h('td', { class: 'rank' }, String(offset + index + 1)),
            h(
              'td',
              { class: 'member-cell' },
              memberLink(member),
              h(
                'span',
                { class: 'member-sub' },
                [member.email, ...(member.tags ?? []).map((tag) => `#${tag}`)]
                  .filter(Boolean)
                  .join(' · '),
              ),
            ),
            h('td', { class: 'tier-cell' }, tierBadge(row.tier)),
            metric('Extended value', h('strong', {}, money(components.extendedValue, currency)), {
              amount: components.extendedValue,
            }),
            metric('Spend', money(components.spend, currency), { hide: true }),
            metric('Referral', money(components.referral, currency), { hide: true }),
            metric('Influence', money(components.influence, currency)),
            metric('Engagement', count(row.engagement)),
            metric(
              'Influence share',
              row.influenceShare === null || row.influenceShare === undefined
                ? '—'
                : percent(row.influenceShare, 0),
              { hide: true },
            ),
            metric('Change', changeCell(row.change, currency)),
          );
        }),
      ),
    ),
  );
}
