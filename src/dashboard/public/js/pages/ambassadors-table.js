// @ts-check
import { h } from '../dom.js';
import { count, date, decimal, money, percent, toNumber } from '../format.js';
import { memberLink, tierBadge } from '../ui.js';
import { DEFAULT_SORT, SORTS } from './ambassadors-filters.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    th_minAdvocacyValue: 'advocacy value',
    th_minExtendedValue: 'extended value',
    th_minInfluence: 'influence',
    th_minEngagement: 'engagement',
    th_maxRecencyDays: 'active within',
    topTier: 'Top tier',
    recency: '{label} {required} days ({since})',
    noActivity: 'no activity',
    lastDaysAgo: 'last {days} days ago',
    has: '{label} {required} (has {actual})',
    next: 'Next, {tier}: {missing}',
    member: 'Member and why',
    tier: 'Tier',
    advocacy: 'Advocacy value',
    extended: 'Extended value',
    spend: 'Spend value (margin)',
    referral: 'Referral',
    influence: 'Influence',
    engagement: 'Engagement',
    pAlive: 'P(alive)',
    lastActivity: 'Last activity',
    advocacyChange: 'Advocacy change',
    change: 'Change',
    ranking: 'Ranking',
    rankedBy: 'Members ranked by {sort}',
  },
  it: {
    th_minAdvocacyValue: 'valore di advocacy',
    th_minExtendedValue: 'valore esteso',
    th_minInfluence: 'influenza',
    th_minEngagement: 'coinvolgimento',
    th_maxRecencyDays: 'attivo entro',
    topTier: 'Livello più alto',
    recency: '{label} {required} giorni ({since})',
    noActivity: 'nessuna attività',
    lastDaysAgo: 'ultima {days} giorni fa',
    has: '{label} {required} (ha {actual})',
    next: 'Prossimo, {tier}: {missing}',
    member: 'Membro e motivo',
    tier: 'Livello',
    advocacy: 'Valore di advocacy',
    extended: 'Valore esteso',
    spend: 'Valore della spesa (margine)',
    referral: 'Segnalazioni',
    influence: 'Influenza',
    engagement: 'Coinvolgimento',
    pAlive: 'P(attivo)',
    lastActivity: 'Ultima attività',
    advocacyChange: 'Variazione advocacy',
    change: 'Variazione',
    ranking: 'Classifica',
    rankedBy: 'Membri in classifica per {sort}',
  },
});

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
 *   sort?: string,
 * }} RankingPage
 */

/**
 * @typedef {{ threshold: string, required: string | number, actual: string | number | null }} Threshold
 * @typedef {{ text: string, next: { tier: string, missing: Threshold[] } | null }} TierReason
 */

/** @param {string} threshold */
function thresholdName(threshold) {
  const key = /** @type {Parameters<typeof t>[0]} */ (`th_${threshold}`);
  return key in t.catalog.en ? t(key) : threshold;
}

/**
 * What the next tier up misses, short enough for the tier column; the full reason in `title`.
 * @param {TierReason} reason
 * @param {string} currency
 */
function nextTier(reason, currency) {
  if (!reason.next) return t('topTier');
  /** @param {Threshold} check */
  const missing = (check) => {
    const label = thresholdName(check.threshold);
    if (check.threshold === 'maxRecencyDays')
      return t('recency', {
        label,
        required: count(check.required),
        since:
          check.actual === null ? t('noActivity') : t('lastDaysAgo', { days: count(check.actual) }),
      });
    const show = (/** @type {string | number | null} */ value) =>
      typeof value === 'string' ? money(value, currency) : count(value);
    return t('has', { label, required: show(check.required), actual: show(check.actual) });
  };
  return t('next', {
    tier: reason.next.tier,
    missing: reason.next.missing.map(missing).join(', '),
  });
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
    { label: t('member') },
    { label: t('tier') },
    { label: t('advocacy'), numeric: true, sort: 'advocacy' },
    { label: t('extended'), numeric: true, sort: 'extendedValue' },
    { label: t('spend'), numeric: true, hide: true, sort: 'spend' },
    { label: t('referral'), numeric: true, hide: true, sort: 'referral' },
    { label: t('influence'), numeric: true, hide: true, sort: 'influence' },
    { label: t('engagement'), numeric: true, sort: 'engagement' },
    ...(atRisk
      ? [
          { label: t('pAlive'), numeric: true },
          { label: t('lastActivity'), numeric: true },
        ]
      : []),
    {
      label: changeOf === 'advocacyValue' ? t('advocacyChange') : t('change'),
      numeric: true,
      sort: changeOf === 'advocacyValue' ? 'advocacyGrowth' : 'growth',
    },
  ];
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': t('ranking') },
    h(
      'table',
      { class: 'data ranking', id: 'ranking' },
      h(
        'caption',
        { class: 'visually-hidden' },
        t('rankedBy', { sort: SORTS.find((sort) => sort.id === active)?.label ?? active }),
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
                member.email ? breakableEmail(member.email) : null,
                member.email && member.tags?.length ? ' · ' : '',
                (member.tags ?? []).map((tag) => `#${tag}`).join(' · '),
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
            metric(t('advocacy'), h('strong', {}, money(components.advocacyValue, currency)), {
              amount: components.advocacyValue,
            }),
            metric(t('extended'), money(components.extendedValue, currency), {
              amount: components.extendedValue,
            }),
            metric(t('spend'), money(components.spend, currency), { hide: true }),
            metric(t('referral'), money(components.referral, currency), { hide: true }),
            metric(t('influence'), money(components.influence, currency), { hide: true }),
            metric(t('engagement'), decimal(row.engagement, 1)),
            ...(atRisk
              ? [
                  metric(
                    t('pAlive'),
                    row.pAlive === null || row.pAlive === undefined ? '—' : percent(row.pAlive, 0),
                  ),
                  metric(
                    t('lastActivity'),
                    row.lastActivityAt ? date(row.lastActivityAt, { withYear: true }) : '—',
                  ),
                ]
              : []),
            metric(
              changeOf === 'advocacyValue' ? t('advocacyChange') : t('change'),
              changeCell(row.change, currency, changeOf),
            ),
          );
        }),
      ),
    ),
  );
}

/**
 * An email that a narrow column breaks after its @ or before a dot, never inside a word.
 * @param {string} email
 * @returns {import('../dom.js').Leaf[]}
 */
export function breakableEmail(email) {
  const at = email.lastIndexOf('@');
  if (at < 0) return [email];
  const [first, ...rest] = email.slice(at + 1).split('.');
  return [
    email.slice(0, at + 1),
    h('wbr'),
    first,
    ...rest.flatMap((part) => [h('wbr'), `.${part}`]),
  ];
}
