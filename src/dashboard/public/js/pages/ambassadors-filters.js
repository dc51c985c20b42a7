// @ts-check
import { count, date, humanize, money } from '../format.js';
import { field } from '../ui.js';
import { h } from '../dom.js';

/**
 * The ranking's segments, sorts, tiers and filter form; every choice lives in the URL.
 * @typedef {Record<string, string>} Filters the ranking's query, '' for a filter not in force
 * @typedef {{
 *   minAdvocacyValue?: string | number | null,
 *   minExtendedValue?: string | number | null,
 *   minInfluence?: string | number | null,
 *   minEngagement?: number | null,
 *   maxRecencyDays?: number | null,
 * }} TierRules
 * @typedef {TierRules & { name: string, count?: number, thresholds?: TierRules }} Tier
 * @typedef {{ items: Tier[], untiered?: number } | null} Tiers GET /api/v1/advocates/tiers, null when it failed
 */
export const SEGMENTS = [
  { id: '', label: 'All members', note: 'Everyone with a value, ranked.' },
  {
    id: 'hidden-gems',
    label: 'Hidden gems',
    note: 'Top influence with below-median spend: the people a spend-only CLV misses.',
  },
  { id: 'rising', label: 'Rising', note: 'The largest growth of influence over the period.' },
  {
    id: 'at-risk',
    label: 'At risk',
    note: 'Advocates whose activity stopped or whose P(alive) fell.',
  },
  {
    id: 'new-ambassadors',
    label: 'New ambassadors',
    note: 'Crossed into the top tier in the period.',
  },
];

export const SORTS = [
  { id: 'advocacy', label: 'Advocacy value' },
  { id: 'extendedValue', label: 'Extended value' },
  { id: 'referral', label: 'Referral value' },
  { id: 'influence', label: 'Influence value' },
  { id: 'knowledge', label: 'Knowledge value' },
  { id: 'spend', label: 'Spend value (margin)' },
  { id: 'engagement', label: 'Engagement' },
  { id: 'influenceShare', label: 'Influence share' },
  { id: 'advocacyGrowth', label: 'Advocacy growth in the period' },
  { id: 'growth', label: 'Extended value growth in the period' },
];

/** The API's default order: by advocacy value. */
export const DEFAULT_SORT = 'advocacy';

/** How far back "change" and the segments look; the API compares with the period before. */
const PERIODS = [
  { days: '', label: 'Last 30 days' },
  { days: '90', label: 'Last 90 days' },
  { days: '365', label: 'Last 12 months' },
];

/** @param {Filters} filters */
function periodDays(filters) {
  if (!filters.from) return '';
  const days = Math.round((Date.now() - new Date(filters.from).getTime()) / 86_400_000);
  return (
    PERIODS.find((period) => period.days && Math.abs(Number(period.days) - days) <= 1)?.days ?? ''
  );
}

/**
 * The period a link set (a digest's `from` and `to`) when it is none of the presets, in words
 * ("Nov 1 – Nov 30, 2026"), so that the page says which period its changes cover.
 * @param {Filters} filters
 */
function customPeriod(filters) {
  if (!filters.from || (!filters.to && periodDays(filters) !== '')) return '';
  const start = new Date(filters.from).getTime();
  const end = filters.to ? new Date(filters.to).getTime() : Date.now();
  if (Number.isNaN(start) || Number.isNaN(end)) return '';
  // Without `to`, 30 days back from today is the default preset.
  if (!filters.to && Math.abs((end - start) / 86_400_000 - 30) <= 1) return '';
  const last = new Date(end - 1).toISOString();
  return `${date(new Date(start).toISOString(), { withYear: false })} – ${date(last)}`;
}

/** @param {Filters} filters */
export function hashFor(filters) {
  const query = new URLSearchParams(Object.entries(filters).filter(([, value]) => value !== ''));
  const search = query.toString();
  return `#/ambassadors${search ? `?${search}` : ''}`;
}

/**
 * @param {Tiers} tiers
 * @param {Filters} filters
 * @param {string} currency
 */
export function tierStrip(tiers, filters, currency) {
  if (!tiers?.items?.length) return null;
  return h(
    'nav',
    { class: 'tier-strip', 'aria-label': 'Tiers' },
    tiers.items.map((tier) => {
      const current = filters.tier === tier.name;
      return h(
        'a',
        {
          class: 'tier-card',
          href: hashFor({ ...filters, tier: current ? '' : tier.name }),
          'aria-current': current ? 'true' : undefined,
        },
        h('span', { class: 'tier-card-name' }, humanize(tier.name)),
        h('span', { class: 'tier-card-count' }, count(tier.count)),
        h('span', { class: 'tier-card-rule' }, tierRule(tier, currency)),
      );
    }),
    tiers.untiered
      ? h(
          'div',
          { class: 'tier-card untiered' },
          h('span', { class: 'tier-card-name' }, 'No tier yet'),
          h('span', { class: 'tier-card-count' }, count(tiers.untiered)),
          h('span', { class: 'tier-card-rule' }, 'below every threshold'),
        )
      : null,
  );
}

/**
 * @param {Tier} tier
 * @param {string} currency
 */
function tierRule(tier, currency) {
  const rules = tier.thresholds ?? tier;
  const parts = [];
  if (rules.minAdvocacyValue)
    parts.push(`advocacy ≥ ${money(rules.minAdvocacyValue, currency, { compact: true })}`);
  if (rules.minExtendedValue)
    parts.push(`value ≥ ${money(rules.minExtendedValue, currency, { compact: true })}`);
  if (rules.minInfluence)
    parts.push(`influence ≥ ${money(rules.minInfluence, currency, { compact: true })}`);
  if (rules.minEngagement !== undefined && rules.minEngagement !== null)
    parts.push(`engagement ≥ ${rules.minEngagement}`);
  if (rules.maxRecencyDays !== undefined && rules.maxRecencyDays !== null)
    parts.push(`active in ${rules.maxRecencyDays} days`);
  return parts.join(', ') || 'everyone else';
}

/**
 * @param {Filters} filters
 * @param {Tiers} tiers
 * @param {(next: Filters) => void} onApply
 * @returns {HTMLFormElement}
 */
export function filterForm(filters, tiers, onApply) {
  /**
   * @param {string} name
   * @param {import('../dom.js').Props} [props]
   */
  const input = (name, props = {}) =>
    h('input', { id: `filter-${name}`, name, value: filters[name], ...props });
  const sort = h(
    'select',
    { id: 'filter-sort', name: 'sort' },
    SORTS.map((option) =>
      h(
        'option',
        { value: option.id, selected: (filters.sort || DEFAULT_SORT) === option.id },
        option.label,
      ),
    ),
  );
  const custom = customPeriod(filters);
  const period = h(
    'select',
    { id: 'filter-period', name: 'period' },
    PERIODS.map((option) =>
      h(
        'option',
        { value: option.days, selected: !custom && periodDays(filters) === option.days },
        option.label,
      ),
    ),
    custom ? h('option', { value: 'custom', selected: true }, custom) : null,
  );
  const basis = h(
    'select',
    { id: 'filter-basis', name: 'basis' },
    h('option', { value: '' }, 'Measured + modeled'),
    h('option', { value: 'measured', selected: filters.basis === 'measured' }, 'Measured only'),
  );
  const tier = h(
    'select',
    { id: 'filter-tier', name: 'tier' },
    h('option', { value: '' }, 'Any tier'),
    (tiers?.items ?? []).map((item) =>
      h('option', { value: item.name, selected: filters.tier === item.name }, humanize(item.name)),
    ),
  );
  const form = h(
    'form',
    { class: 'toolbar', role: 'search', 'aria-label': 'Filter the ranking' },
    h(
      'div',
      { class: 'filters' },
      h(
        'div',
        { class: 'field field-search' },
        h('label', { for: 'filter-q' }, 'Search'),
        input('q', { type: 'search', placeholder: 'Name, email or ID' }),
      ),
      field('Sort by', sort, { id: 'filter-sort' }),
      field('Tier', tier, { id: 'filter-tier' }),
      field('Tag', input('tag', { placeholder: 'e.g. vip' }), { id: 'filter-tag' }),
      field('Platform', input('platform', { placeholder: 'e.g. instagram' }), {
        id: 'filter-platform',
      }),
      field('Acquired via', input('channel', { placeholder: 'e.g. referral' }), {
        id: 'filter-channel',
      }),
      field(
        'Min. purchases',
        input('minPurchases', { type: 'number', min: 0, step: 1, inputmode: 'numeric' }),
        { id: 'filter-minPurchases' },
      ),
      field('Active since', input('activeSince', { type: 'date' }), { id: 'filter-activeSince' }),
      field('Change over', period, { id: 'filter-period' }),
      field('Value basis', basis, { id: 'filter-basis' }),
      h(
        'div',
        { class: 'filter-actions' },
        h(
          'a',
          { class: 'button button-quiet', href: hashFor({ segment: filters.segment }) },
          'Reset',
        ),
        h('button', { type: 'submit', class: 'button button-primary' }, 'Apply filters'),
      ),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const next = { ...filters };
    for (const name of [
      'q',
      'sort',
      'tier',
      'tag',
      'platform',
      'channel',
      'minPurchases',
      'activeSince',
      'basis',
    ])
      next[name] = String(data.get(name) ?? '').trim();
    const days = String(data.get('period') ?? '');
    // A period that came with the link (a digest's) stays until another is chosen.
    if (days !== 'custom') {
      next.from = days
        ? new Date(Date.now() - Number(days) * 86_400_000).toISOString().slice(0, 10)
        : '';
      next.to = '';
    }
    if (next.sort === 'extendedValue') next.sort = '';
    onApply(next);
  });
  return form;
}

/** @param {Filters} filters */
export function segmentTabs(filters) {
  return h(
    'nav',
    { 'aria-label': 'Segments' },
    h(
      'ul',
      { class: 'tabs' },
      SEGMENTS.map((segment) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: hashFor({ ...filters, segment: segment.id }),
              'aria-current': filters.segment === segment.id ? 'page' : undefined,
            },
            segment.label,
          ),
        ),
      ),
    ),
  );
}
