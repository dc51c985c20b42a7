// @ts-check
import { count, date, humanize, money } from '../format.js';
import { field } from '../ui.js';
import { h } from '../dom.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    seg_all: 'All members',
    seg_all_note: 'Everyone with a value, ranked.',
    seg_gems: 'Hidden gems',
    seg_gems_note: 'Top influence with below-median spend: the people a spend-only CLV misses.',
    seg_rising: 'Rising',
    seg_rising_note: 'The largest growth of influence over the period.',
    seg_risk: 'At risk',
    seg_risk_note: 'Advocates whose activity stopped or whose P(alive) fell.',
    seg_new: 'New ambassadors',
    seg_new_note: 'Crossed into the top tier in the period.',
    sort_advocacy: 'Advocacy value',
    sort_extendedValue: 'Extended value',
    sort_referral: 'Referral value',
    sort_influence: 'Influence value',
    sort_knowledge: 'Knowledge value',
    sort_spend: 'Spend value (margin)',
    sort_engagement: 'Engagement',
    sort_influenceShare: 'Influence share',
    sort_advocacyGrowth: 'Advocacy growth in the period',
    sort_growth: 'Extended value growth in the period',
    last30: 'Last 30 days',
    last90: 'Last 90 days',
    last12m: 'Last 12 months',
    tiers: 'Tiers',
    noTierYet: 'No tier yet',
    belowEvery: 'below every threshold',
    ruleAdvocacy: 'advocacy ≥ {amount}',
    ruleValue: 'value ≥ {amount}',
    ruleInfluence: 'influence ≥ {amount}',
    ruleEngagement: 'engagement ≥ {count}',
    ruleActive: 'active in {days} days',
    everyoneElse: 'everyone else',
    measuredModeled: 'Measured + modeled',
    measuredOnly: 'Measured only',
    anyTier: 'Any tier',
    filterRanking: 'Filter the ranking',
    search: 'Search',
    searchPlaceholder: 'Name, email or ID',
    sortBy: 'Sort by',
    tier: 'Tier',
    tag: 'Tag',
    egVip: 'e.g. vip',
    platform: 'Platform',
    egInstagram: 'e.g. instagram',
    acquiredVia: 'Acquired via',
    egReferral: 'e.g. referral',
    minPurchases: 'Min. purchases',
    activeSince: 'Active since',
    changeOver: 'Change over',
    valueBasis: 'Value basis',
    reset: 'Reset',
    applyFilters: 'Apply filters',
    segments: 'Segments',
  },
  it: {
    seg_all: 'Tutti i membri',
    seg_all_note: 'Tutti quelli con un valore, in classifica.',
    seg_gems: 'Gemme nascoste',
    seg_gems_note:
      'Molta influenza e spesa sotto la mediana: le persone che sfuggono a un CLV basato solo sulla spesa.',
    seg_rising: 'In crescita',
    seg_rising_note: 'La maggiore crescita di influenza nel periodo.',
    seg_risk: 'A rischio',
    seg_risk_note: 'Sostenitori la cui attività si è fermata o la cui P(attivo) è calata.',
    seg_new: 'Nuovi ambasciatori',
    seg_new_note: 'Entrati nel livello più alto nel periodo.',
    sort_advocacy: 'Valore di advocacy',
    sort_extendedValue: 'Valore esteso',
    sort_referral: 'Valore delle segnalazioni',
    sort_influence: "Valore dell'influenza",
    sort_knowledge: 'Valore della conoscenza',
    sort_spend: 'Valore della spesa (margine)',
    sort_engagement: 'Coinvolgimento',
    sort_influenceShare: 'Quota di influenza',
    sort_advocacyGrowth: 'Crescita del valore di advocacy nel periodo',
    sort_growth: 'Crescita del valore esteso nel periodo',
    last30: 'Ultimi 30 giorni',
    last90: 'Ultimi 90 giorni',
    last12m: 'Ultimi 12 mesi',
    tiers: 'Livelli',
    noTierYet: 'Ancora nessun livello',
    belowEvery: 'sotto ogni soglia',
    ruleAdvocacy: 'advocacy ≥ {amount}',
    ruleValue: 'valore ≥ {amount}',
    ruleInfluence: 'influenza ≥ {amount}',
    ruleEngagement: 'coinvolgimento ≥ {count}',
    ruleActive: 'attivi negli ultimi {days} giorni',
    everyoneElse: 'tutti gli altri',
    measuredModeled: 'Misurato + stimato',
    measuredOnly: 'Solo misurato',
    anyTier: 'Qualsiasi livello',
    filterRanking: 'Filtra la classifica',
    search: 'Cerca',
    searchPlaceholder: 'Nome, email o ID',
    sortBy: 'Ordina per',
    tier: 'Livello',
    tag: 'Tag',
    egVip: 'es. vip',
    platform: 'Piattaforma',
    egInstagram: 'es. instagram',
    acquiredVia: 'Acquisito tramite',
    egReferral: 'es. referral',
    minPurchases: 'Acquisti minimi',
    activeSince: 'Attivo dal',
    changeOver: 'Variazione su',
    valueBasis: 'Base del valore',
    reset: 'Azzera',
    applyFilters: 'Applica i filtri',
    segments: 'Segmenti',
  },
});

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
/** @typedef {Parameters<typeof t>[0]} Key */

/**
 * An option whose label (and note) are read in the current language each time they are shown.
 * @template {object} Option
 * @param {Option} option
 * @param {Key} label
 * @param {Key} [note]
 * @returns {Option & { readonly label: string, readonly note: string }}
 */
function labelled(option, label, note) {
  return Object.defineProperties(/** @type {any} */ ({ ...option }), {
    label: { get: () => t(label), enumerable: true },
    note: { get: () => (note ? t(note) : ''), enumerable: true },
  });
}

export const SEGMENTS = [
  labelled({ id: '' }, 'seg_all', 'seg_all_note'),
  labelled({ id: 'hidden-gems' }, 'seg_gems', 'seg_gems_note'),
  labelled({ id: 'rising' }, 'seg_rising', 'seg_rising_note'),
  labelled({ id: 'at-risk' }, 'seg_risk', 'seg_risk_note'),
  labelled({ id: 'new-ambassadors' }, 'seg_new', 'seg_new_note'),
];

export const SORTS = [
  'advocacy',
  'extendedValue',
  'referral',
  'influence',
  'knowledge',
  'spend',
  'engagement',
  'influenceShare',
  'advocacyGrowth',
  'growth',
].map((id) => labelled({ id }, /** @type {Key} */ (`sort_${id}`)));

/** The API's default order: by advocacy value. */
export const DEFAULT_SORT = 'advocacy';

/** How far back "change" and the segments look; the API compares with the period before. */
const PERIODS = [
  labelled({ days: '' }, 'last30'),
  labelled({ days: '90' }, 'last90'),
  labelled({ days: '365' }, 'last12m'),
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
    { class: 'tier-strip', 'aria-label': t('tiers') },
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
          h('span', { class: 'tier-card-name' }, t('noTierYet')),
          h('span', { class: 'tier-card-count' }, count(tiers.untiered)),
          h('span', { class: 'tier-card-rule' }, t('belowEvery')),
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
    parts.push(
      t('ruleAdvocacy', { amount: money(rules.minAdvocacyValue, currency, { compact: true }) }),
    );
  if (rules.minExtendedValue)
    parts.push(
      t('ruleValue', { amount: money(rules.minExtendedValue, currency, { compact: true }) }),
    );
  if (rules.minInfluence)
    parts.push(
      t('ruleInfluence', { amount: money(rules.minInfluence, currency, { compact: true }) }),
    );
  if (rules.minEngagement !== undefined && rules.minEngagement !== null)
    parts.push(t('ruleEngagement', { count: count(rules.minEngagement) }));
  if (rules.maxRecencyDays !== undefined && rules.maxRecencyDays !== null)
    parts.push(t('ruleActive', { days: count(rules.maxRecencyDays) }));
  return parts.join(', ') || t('everyoneElse');
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
    h('option', { value: '' }, t('measuredModeled')),
    h('option', { value: 'measured', selected: filters.basis === 'measured' }, t('measuredOnly')),
  );
  const tier = h(
    'select',
    { id: 'filter-tier', name: 'tier' },
    h('option', { value: '' }, t('anyTier')),
    (tiers?.items ?? []).map((item) =>
      h('option', { value: item.name, selected: filters.tier === item.name }, humanize(item.name)),
    ),
  );
  const form = h(
    'form',
    { class: 'toolbar', role: 'search', 'aria-label': t('filterRanking') },
    h(
      'div',
      { class: 'filters' },
      h(
        'div',
        { class: 'field field-search' },
        h('label', { for: 'filter-q' }, t('search')),
        input('q', { type: 'search', placeholder: t('searchPlaceholder') }),
      ),
      field(t('sortBy'), sort, { id: 'filter-sort' }),
      field(t('tier'), tier, { id: 'filter-tier' }),
      field(t('tag'), input('tag', { placeholder: t('egVip') }), { id: 'filter-tag' }),
      field(t('platform'), input('platform', { placeholder: t('egInstagram') }), {
        id: 'filter-platform',
      }),
      field(t('acquiredVia'), input('channel', { placeholder: t('egReferral') }), {
        id: 'filter-channel',
      }),
      field(
        t('minPurchases'),
        input('minPurchases', { type: 'number', min: 0, step: 1, inputmode: 'numeric' }),
        { id: 'filter-minPurchases' },
      ),
      field(t('activeSince'), input('activeSince', { type: 'date' }), { id: 'filter-activeSince' }),
      field(t('changeOver'), period, { id: 'filter-period' }),
      wide(field(t('valueBasis'), basis, { id: 'filter-basis' })),
      h(
        'div',
        { class: 'filter-actions' },
        h(
          'a',
          { class: 'button button-quiet', href: hashFor({ segment: filters.segment }) },
          t('reset'),
        ),
        h('button', { type: 'submit', class: 'button button-primary' }, t('applyFilters')),
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
    { 'aria-label': t('segments') },
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

/**
 * A field whose choices are long ("Measured + modeled"): a whole row where columns are narrow.
 * @param {HTMLElement} element
 * @returns {HTMLElement}
 */
function wide(element) {
  element.classList.add('field-wide');
  return element;
}
