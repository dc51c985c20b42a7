// @ts-check
import { apiUrl, get } from '../api.js';
import { h } from '../dom.js';
import { count, humanize } from '../format.js';
import { badge, emptyState, errorState, loading, pageHeader } from '../ui.js';
import { SEGMENTS, filterForm, hashFor, segmentTabs, tierStrip } from './ambassadors-filters.js';
import { rankingTable } from './ambassadors-table.js';

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
    'Export CSV',
  );
  /** @type {(string | undefined)[]} */
  const cursors = [undefined];
  let pageIndex = 0;

  async function load() {
    const query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
    exportLink.setAttribute('href', apiUrl('/api/v1/advocates', { ...query, format: 'csv' }));
    results.setAttribute('aria-busy', 'true');
    results.replaceChildren(loading('Loading the ranking'));
    try {
      /** @type {import('./ambassadors-table.js').RankingPage} */
      const page = await get('/api/v1/advocates', {
        ...query,
        limit: PAGE_SIZE,
        cursor: cursors[pageIndex],
      });
      cursors[pageIndex + 1] = page.nextCursor ?? undefined;
      const offset = pageIndex * PAGE_SIZE;
      const previous = h(
        'button',
        { type: 'button', class: 'button button-quiet', disabled: pageIndex === 0 },
        '← Previous',
      );
      const next = h(
        'button',
        { type: 'button', class: 'button button-quiet', disabled: !page.nextCursor },
        'Next →',
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
          : emptyState(
              'Nobody matches these filters.',
              'Widen the filters, or recompute values if nobody has one yet.',
            ),
        h(
          'div',
          { class: 'pager' },
          h(
            'p',
            { class: 'muted', id: 'ranking-count' },
            page.items.length
              ? `${count(offset + 1)}–${count(offset + page.items.length)} of ${count(page.total)}`
              : `0 of ${count(page.total ?? 0)}`,
          ),
          h('div', { class: 'pager-buttons' }, previous, next),
        ),
      );
    } catch (error) {
      results.replaceChildren(errorState(error, 'the ranking'));
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
            filters.tier ? badge(`Tier: ${humanize(filters.tier)}`, 'accent') : null,
          ),
        ].filter(Boolean)
      ),
    );
  }
  refreshNavigation();
  container.append(
    pageHeader('Ambassadors', {
      subtitle:
        'Members ranked by advocacy value: what they are worth through others (the customers they bring, the purchases they influence, their ideas). Extended value adds their own spend.',
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
