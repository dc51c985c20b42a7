// @ts-check
import { apiUrl, get } from '../api.js';
import { h } from '../dom.js';
import { count, humanize } from '../format.js';
import { badge, emptyState, errorState, loading, pageHeader } from '../ui.js';
import {
  SEGMENTS,
  SORTS,
  filterForm,
  hashFor,
  segmentTabs,
  tierStrip,
} from './ambassadors-filters.js';
import { rankingTable } from './ambassadors-table.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    exportCsv: 'Export CSV',
    loadingRanking: 'Loading the ranking',
    previous: '← Previous',
    next: 'Next →',
    nobody: 'Nobody matches these filters.',
    widen: 'Widen the filters, or recompute values if nobody has one yet.',
    range: '{first}–{last} of {total}',
    orderedBy: 'Ordered by {sort}',
    none: '0 of {total}',
    theRanking: 'the ranking',
    tierBadge: 'Tier: {tier}',
    title: 'Ambassadors',
    subtitle:
      'Members ranked by advocacy value: what they are worth through others (the customers they bring, the purchases they influence, their ideas). Extended value adds their own spend.',
  },
  it: {
    exportCsv: 'Esporta CSV',
    loadingRanking: 'Caricamento della classifica',
    previous: '← Precedenti',
    next: 'Successivi →',
    nobody: 'Nessuno corrisponde a questi filtri.',
    widen: 'Allarga i filtri, oppure ricalcola i valori se nessuno ne ha ancora uno.',
    range: '{first}–{last} di {total}',
    orderedBy: 'In ordine di {sort}',
    none: '0 di {total}',
    theRanking: 'la classifica',
    tierBadge: 'Livello: {tier}',
    title: 'Ambasciatori',
    subtitle:
      'Membri in classifica per valore di advocacy: quanto valgono attraverso gli altri (i clienti che portano, gli acquisti che influenzano, le loro idee). Il valore esteso aggiunge la loro spesa.',
  },
});

const PAGE_SIZE = 25;
const FILTERS = [
  'q',
  'sort',
  'segment',
  'tier',
  'tag',
  'platform',
  'channel',
  'minPurchases',
  'activeSince',
  'basis',
  'from',
  'to',
];

/**
 * @param {URLSearchParams} params
 * @returns {import('./ambassadors-filters.js').Filters}
 */
function readFilters(params) {
  return Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
}

/** @type {import('../app.js').Page['render']} */
export async function render(container, { params, session }) {
  const filters = readFilters(params);
  const currency = session.baseCurrency ?? 'EUR';
  /** @type {import('./ambassadors-filters.js').Tiers} */
  const tiers = await get('/api/v1/advocates/tiers').catch(() => null);
  const results = h('div', {
    class: 'stack',
    id: 'ranking-results',
    'aria-live': 'polite',
    'aria-busy': 'true',
  });
  const exportLink = h(
    'a',
    { class: 'button button-secondary', download: 'advocates.csv' },
    t('exportCsv'),
  );
  /** @type {(string | undefined)[]} */
  const cursors = [undefined];
  let pageIndex = 0;

  async function load() {
    const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
    exportLink.setAttribute('href', apiUrl('/api/v1/advocates', { ...query, format: 'csv' }));
    results.setAttribute('aria-busy', 'true');
    results.replaceChildren(loading(t('loadingRanking')));
    try {
      /** @type {import('./ambassadors-table.js').RankingPage} */
      const page = await get('/api/v1/advocates', {
        ...query,
        limit: PAGE_SIZE,
        cursor: cursors[pageIndex],
      });
      cursors[pageIndex + 1] = page.nextCursor ?? undefined;
      // The order the API applied (a segment has its own): the form and the count say it.
      const sortLabel = SORTS.find((option) => option.id === page.sort)?.label;
      const sortSelect = /** @type {HTMLSelectElement | null} */ (
        document.getElementById('filter-sort')
      );
      if (sortSelect && page.sort) sortSelect.value = page.sort;
      const offset = pageIndex * PAGE_SIZE;
      const previous = h(
        'button',
        { type: 'button', class: 'button button-quiet', disabled: pageIndex === 0 },
        t('previous'),
      );
      const next = h(
        'button',
        { type: 'button', class: 'button button-quiet', disabled: !page.nextCursor },
        t('next'),
      );
      previous.addEventListener('click', () => {
        pageIndex -= 1;
        void load();
      });
      next.addEventListener('click', () => {
        pageIndex += 1;
        void load();
      });
      results.replaceChildren(
        page.items.length
          ? rankingTable(page, filters, offset, page.currency ?? currency)
          : emptyState(t('nobody'), t('widen')),
        h(
          'div',
          { class: 'pager' },
          h(
            'p',
            { class: 'muted', id: 'ranking-count' },
            page.items.length
              ? t('range', {
                  first: count(offset + 1),
                  last: count(offset + page.items.length),
                  total: count(page.total),
                })
              : t('none', { total: count(page.total ?? 0) }),
          ),
          sortLabel
            ? h(
                'p',
                { class: 'muted', id: 'ranking-order' },
                t('orderedBy', { sort: sortLabel.toLowerCase() }),
              )
            : null,
          h('div', { class: 'pager-buttons' }, previous, next),
        ),
      );
    } catch (error) {
      results.replaceChildren(errorState(error, t('theRanking')));
    }
    results.setAttribute('aria-busy', 'false');
  }

  const navigation = h('div', { class: 'stack' });
  function refreshNavigation() {
    const segment = SEGMENTS.find((item) => item.id === filters.segment) ?? SEGMENTS[0];
    navigation.replaceChildren(
      .../** @type {HTMLElement[]} */ (
        [
          tierStrip(tiers, filters, currency),
          segmentTabs(filters),
          h(
            'p',
            { class: 'segment-note' },
            segment.note,
            filters.tier ? ' ' : '',
            filters.tier ? badge(t('tierBadge', { tier: humanize(filters.tier) }), 'accent') : null,
          ),
        ].filter(Boolean)
      ),
    );
  }
  refreshNavigation();
  container.append(
    pageHeader(t('title'), {
      subtitle: t('subtitle'),
      actions: exportLink,
    }),
    navigation,
    filterForm(filters, tiers, (next) => {
      Object.assign(filters, next);
      window.history.replaceState(null, '', hashFor(filters));
      cursors.length = 1;
      pageIndex = 0;
      refreshNavigation();
      void load();
    }),
    results,
  );
  await load();
}
