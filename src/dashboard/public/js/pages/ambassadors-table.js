// @ts-check
import { h } from '../dom.js';
import { count, date, money, percent, toNumber } from '../format.js';
import { memberLink, tierBadge } from '../ui.js';
import { DEFAULT_SORT, SORTS } from './ambassadors-filters.js';

/**
 * GET /api/v1/advocates: a page of the ranking (amounts are decimal strings).
 * @typedef {import('../ui.js').MemberRef & { tags?: string[] }} RankedMember
 * @typedef {{
 *   member?: RankedMember | null,
 *   tier?: string | null,
 *   tierReason?: TierReason | null,
 *   reasons?: string[],
 *   pAlive?: number | null,
 *   lastActivityAt?: string | null,
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
 * @typedef {{ threshold: string, required: string | number, actual: string | number | null }} Threshold
 * @typedef {{ text: string, next: { tier: string, missing: Threshold[] } | null }} TierReason
 */

/** @type {Record<string, string>} */
const THRESHOLDS = {
  minAdvocacyValue: 'advocacy value',
  minExtendedValue: 'extended value',
  minInfluence: 'influence',
  minEngagement: 'engagement',
  maxRecencyDays: 'active within',
};

/**
 * What the next tier up misses, short enough for the tier column; the full reason in `title`.
 * @param {TierReason} reason
 * @param {string} currency
 */
function nextTier(reason, currency) {
  if (!reason.next) return 'Top tier';
  /** @param {Threshold} check */
  const missing = (check) => {
    const label = THRESHOLDS[check.threshold] ?? check.threshold;
    if (check.threshold === 'maxRecencyDays')
      return `${label} ${check.required} days (${check.actual === null ? 'no activity' : `last ${check.actual} days ago`})`;
    const show = (/** @type {string | number | null} */ value) =>
      typeof value === 'string' ? money(value, currency) : count(value);
    return `${label} ${show(check.required)} (has ${show(check.actual)})`;
  };
  return `Next, ${reason.next.tier}: ${reason.next.missing.map(missing).join(', ')}`;
}

/**
 * The change since the previous period, signed; an object names its figures.
 * @param {unknown} change a figure, or an object with `advocacyValue`, `extendedValue` or `value`
 * @param {string} currency
 * @param {'advocacyValue' | 'extendedValue'} figure which change an object's figures give
 */
function changeCell(change, currency, figure) {
  const figures = /** @type {Record<string, unknown>} */ (
    typeof change === 'object' && change !== null ? change : {}
  );
  const amount = toNumber(
    typeof change === 'object' && change !== null ? (figures[figure] ?? figures.value) : change,
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
  const active = filters.sort || DEFAULT_SORT;
  const atRisk = filters.segment === 'at-risk';
  // The change shown follows the ranking: extended value when that is what ranks, else advocacy.
  const changeOf =
    active === 'extendedValue' || active === 'growth' ? 'extendedValue' : 'advocacyValue';
  const columns = [
    { label: '#', class: 'rank' },
    { label: 'Member and why' },
    { label: 'Tier' },
    { label: 'Advocacy value', numeric: true, sort: 'advocacy' },
    { label: 'Extended value', numeric: true, sort: 'extendedValue' },
    { label: 'Spend value (margin)', numeric: true, hide: true, sort: 'spend' },
    { label: 'Referral', numeric: true, hide: true, sort: 'referral' },
    { label: 'Influence', numeric: true, hide: true, sort: 'influence' },
    { label: 'Engagement', numeric: true, sort: 'engagement' },
    ...(atRisk
      ? [
          { label: 'P(alive)', numeric: true },
          { label: 'Last activity', numeric: true },
        ]
      : []),
    {
      label: changeOf === 'advocacyValue' ? 'Advocacy change' : 'Change',
      numeric: true,
      sort: changeOf === 'advocacyValue' ? 'advocacyGrowth' : 'growth',
    },
  ];
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
              row.reasons?.length
                ? h(
                    'ul',
                    { class: 'reasons' },
                    row.reasons.map((reason) => h('li', {}, reason)),
                  )
                : null,
            ),
            h(
              'td',
              { class: 'tier-cell' },
              tierBadge(row.tier),
              row.tierReason
                ? h(
                    'span',
                    { class: 'tier-why', title: row.tierReason.text },
                    nextTier(row.tierReason, currency),
                  )
                : null,
            ),
            metric('Advocacy value', h('strong', {}, money(components.advocacyValue, currency)), {
              amount: components.advocacyValue,
            }),
            metric('Extended value', money(components.extendedValue, currency), {
              amount: components.extendedValue,
            }),
            metric('Spend value (margin)', money(components.spend, currency), { hide: true }),
            metric('Referral', money(components.referral, currency), { hide: true }),
            metric('Influence', money(components.influence, currency), { hide: true }),
            metric('Engagement', count(row.engagement)),
            ...(atRisk
              ? [
                  metric(
                    'P(alive)',
                    row.pAlive === null || row.pAlive === undefined ? '—' : percent(row.pAlive, 0),
                  ),
                  metric(
                    'Last activity',
                    row.lastActivityAt ? date(row.lastActivityAt, { withYear: true }) : '—',
                  ),
                ]
              : []),
            metric(
              changeOf === 'advocacyValue' ? 'Advocacy change' : 'Change',
              changeCell(row.change, currency, changeOf),
            ),
          );
        }),
      ),
    ),
  );
}
