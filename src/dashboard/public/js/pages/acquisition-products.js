// @ts-check
import { apiUrl, get } from '../api.js';
import { h } from '../dom.js';
import { count, money, percent } from '../format.js';
import { card, emptyState, errorState, loading } from '../ui.js';
import { metricsTable } from './acquisition-tables.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    product: 'Product',
    firstProduct: 'First product',
    noProduct: 'No product recorded',
    category: 'Category',
    firstCategory: 'First category',
    noCategory: 'No category recorded',
    valued: '{count} valued',
    tooRecent: 'too recent',
    ofTotal: '{retained} of {eligible}',
    young:
      '{count} customers first bought less than {days} days ago: they count, but not in retention yet.',
    noValue:
      '{count} have no value yet (they bought after the last recompute) and are left out of the means.',
    withheld: '{count} object to profiling: counted, their value withheld.',
    nobody: 'Nobody has ordered yet.',
    appear: 'Customers appear here, grouped by what they bought first, once orders are recorded.',
    byProduct: 'Long-term value by first product',
    byCategory: 'Long-term value by first category',
    customers: 'Customers',
    avgExtended: 'Avg. extended value',
    avgSpend: 'Avg. spend (margin)',
    avgAdvocacy: 'Avg. advocacy value',
    boughtAgain: 'Bought again within {days} days',
    allCustomers: 'All customers',
    downloadCsv: 'Download CSV',
    groupBy: 'Group customers by',
    loading: 'Loading value by first product',
    theValue: 'value by first product',
    description:
      'All customers to date, whatever the period above, grouped by what they bought first, with the average of their current values: extended = spend (margin) + advocacy (referrals, influence, ideas). Bought again: the share who ordered again within a year of their first order, among those who first bought at least a year ago.',
  },
  it: {
    product: 'Prodotto',
    firstProduct: 'Primo prodotto',
    noProduct: 'Nessun prodotto registrato',
    category: 'Categoria',
    firstCategory: 'Prima categoria',
    noCategory: 'Nessuna categoria registrata',
    valued: '{count} con un valore',
    tooRecent: 'troppo recente',
    ofTotal: '{retained} su {eligible}',
    young:
      '{count} clienti hanno acquistato per la prima volta meno di {days} giorni fa: sono contati, ma non ancora nella fidelizzazione.',
    noValue:
      "{count} non hanno ancora un valore (hanno acquistato dopo l'ultimo ricalcolo) e sono esclusi dalle medie.",
    withheld: '{count} si oppongono alla profilazione: contati, con il valore non mostrato.',
    nobody: 'Nessuno ha ancora ordinato.',
    appear:
      'I clienti compaiono qui, raggruppati per ciò che hanno acquistato per primo, quando ci sono ordini registrati.',
    byProduct: 'Valore a lungo termine per primo prodotto',
    byCategory: 'Valore a lungo termine per prima categoria',
    customers: 'Clienti',
    avgExtended: 'Valore esteso medio',
    avgSpend: 'Spesa media (margine)',
    avgAdvocacy: 'Valore di advocacy medio',
    boughtAgain: 'Riacquisto entro {days} giorni',
    allCustomers: 'Tutti i clienti',
    downloadCsv: 'Scarica CSV',
    groupBy: 'Raggruppa i clienti per',
    loading: 'Caricamento del valore per primo prodotto',
    theValue: 'il valore per primo prodotto',
    description:
      'Tutti i clienti a oggi, indipendentemente dal periodo sopra, raggruppati per ciò che hanno acquistato per primo, con la media dei loro valori attuali: esteso = spesa (margine) + advocacy (segnalazioni, influenza, idee). Riacquisto: la quota che ha ordinato di nuovo entro un anno dal primo ordine, tra chi ha acquistato per la prima volta almeno un anno fa.',
  },
});

/**
 * GET /api/v1/metrics/products (amounts are decimal strings in `currency`, null where nobody in
 * the group has a value).
 * @typedef {{
 *   customers: number,
 *   valuedCustomers: number,
 *   customersWithoutValue: number,
 *   withheldCustomers: number,
 *   meanSpendValue: string | null,
 *   meanExtendedValue: string | null,
 *   meanAdvocacyValue: string | null,
 *   retentionEligible: number,
 *   retainedCustomers: number,
 *   youngCustomers: number,
 *   retention: number | null,
 * }} ProductFigures
 * @typedef {ProductFigures & { name: string, known: boolean }} ProductGroup
 * @typedef {'product' | 'category'} Grouping
 * @typedef {{
 *   by: Grouping,
 *   asOf: string,
 *   valuesAsOf: string | null,
 *   currency: string,
 *   retentionDays: number,
 *   groups: ProductGroup[],
 *   overall: ProductFigures,
 * }} ProductValue
 * @typedef {import('../dom.js').Child} Child
 */

/** @type {{ id: Grouping, label: string, column: string, none: string }[]} */
const GROUPINGS = [
  {
    id: 'product',
    get label() {
      return t('product');
    },
    get column() {
      return t('firstProduct');
    },
    get none() {
      return t('noProduct');
    },
  },
  {
    id: 'category',
    get label() {
      return t('category');
    },
    get column() {
      return t('firstCategory');
    },
    get none() {
      return t('noCategory');
    },
  },
];

/** @param {Child} main @param {Child} sub */
function twoLines(main, sub) {
  return h(
    'span',
    { class: 'two-lines' },
    h('span', { class: 'cell-main' }, main),
    h('span', { class: 'cell-sub' }, sub),
  );
}

/**
 * How many customers, and how many of them the means leave out.
 * @param {ProductFigures} row
 */
function customersCell(row) {
  const left = row.customersWithoutValue + row.withheldCustomers;
  return left
    ? twoLines(count(row.customers), t('valued', { count: count(row.valuedCustomers) }))
    : count(row.customers);
}

/**
 * Retention over the customers old enough to show it, and how many that is.
 * @param {ProductFigures} row
 */
function retentionCell(row) {
  if (row.retention === null)
    return h('span', { class: 'muted' }, row.customers ? t('tooRecent') : '—');
  return twoLines(
    percent(row.retention, 0),
    t('ofTotal', {
      retained: count(row.retainedCustomers),
      eligible: count(row.retentionEligible),
    }),
  );
}

/**
 * What the means and the retention leave out, said once under the table.
 * @param {ProductValue} report
 */
function notes(report) {
  const { overall, retentionDays } = report;
  const sentences = [];
  if (overall.youngCustomers)
    sentences.push(
      t('young', { count: count(overall.youngCustomers), days: count(retentionDays) }),
    );
  if (overall.customersWithoutValue)
    sentences.push(t('noValue', { count: count(overall.customersWithoutValue) }));
  if (overall.withheldCustomers)
    sentences.push(t('withheld', { count: count(overall.withheldCustomers) }));
  return sentences.length ? h('p', { class: 'chart-note' }, sentences.join(' ')) : null;
}

/**
 * @param {ProductValue} report
 * @returns {HTMLElement[]}
 */
function renderTable(report) {
  const grouping = GROUPINGS.find((item) => item.id === report.by) ?? GROUPINGS[0];
  const { currency } = report;
  if (!report.groups.length) return [emptyState(t('nobody'), t('appear'))];
  /** @param {Child} name @param {ProductFigures} row */
  const cells = (name, row) => [
    name,
    customersCell(row),
    money(row.meanExtendedValue, currency),
    money(row.meanSpendValue, currency),
    money(row.meanAdvocacyValue, currency),
    retentionCell(row),
  ];
  const table = metricsTable(
    report.by === 'category' ? t('byCategory') : t('byProduct'),
    [
      { label: grouping.column },
      { label: t('customers'), numeric: true },
      { label: t('avgExtended'), numeric: true },
      { label: t('avgSpend'), numeric: true },
      { label: t('avgAdvocacy'), numeric: true },
      { label: t('boughtAgain', { days: count(report.retentionDays) }), numeric: true },
    ],
    report.groups.map((group) =>
      cells(group.known ? group.name : h('span', { class: 'unknown' }, grouping.none), group),
    ),
    { total: cells(t('allCustomers'), report.overall) },
  );
  const note = notes(report);
  return note ? [table, note] : [table];
}

/**
 * The "Long-term value by first product" card of the Acquisition page: customers grouped by
 * what they bought first, with a product/category switch and a CSV download. It loads itself.
 * @returns {HTMLElement}
 */
export function productValueSection() {
  /** @type {Grouping} */
  let by = 'product';
  const results = h('div', { class: 'stack', 'aria-live': 'polite' });
  const download = h(
    'a',
    { class: 'button button-secondary', download: 'value-by-first-product.csv' },
    t('downloadCsv'),
  );
  const switcher = h(
    'div',
    { class: 'segmented', role: 'group', 'aria-label': t('groupBy') },
    GROUPINGS.map((grouping) => {
      const button = h(
        'button',
        { type: 'button', class: 'segment', 'aria-pressed': String(grouping.id === by) },
        grouping.label,
      );
      button.addEventListener('click', () => {
        if (by === grouping.id) return;
        by = grouping.id;
        for (const other of switcher.querySelectorAll('button'))
          other.setAttribute('aria-pressed', String(other === button));
        void load();
      });
      return button;
    }),
  );

  async function load() {
    download.setAttribute('href', apiUrl('/api/v1/metrics/products', { by, format: 'csv' }));
    download.setAttribute('download', `value-by-first-${by}.csv`);
    results.setAttribute('aria-busy', 'true');
    results.replaceChildren(loading(t('loading')));
    try {
      /** @type {ProductValue} */
      const report = await get('/api/v1/metrics/products', { by });
      results.replaceChildren(...renderTable(report));
    } catch (error) {
      results.replaceChildren(errorState(error, t('theValue')));
    }
    results.setAttribute('aria-busy', 'false');
  }

  void load();
  return card(
    t('byProduct'),
    {
      id: 'first-product',
      description: t('description'),
    },
    h('div', { class: 'pager' }, switcher, download),
    results,
  );
}
