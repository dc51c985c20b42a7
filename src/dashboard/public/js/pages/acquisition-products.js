// @ts-check
import { apiUrl, get } from '../api.js';
import { h } from '../dom.js';
import { count, money, percent } from '../format.js';
import { card, emptyState, errorState, loading } from '../ui.js';
import { metricsTable } from './acquisition-tables.js';

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
  { id: 'product', label: 'Product', column: 'First product', none: 'No product recorded' },
  { id: 'category', label: 'Category', column: 'First category', none: 'No category recorded' },
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
    ? twoLines(count(row.customers), `${count(row.valuedCustomers)} valued`)
    : count(row.customers);
}

/**
 * Retention over the customers old enough to show it, and how many that is.
 * @param {ProductFigures} row
 */
function retentionCell(row) {
  if (row.retention === null)
    return h('span', { class: 'muted' }, row.customers ? 'too recent' : '—');
  return twoLines(
    percent(row.retention, 0),
    `${count(row.retainedCustomers)} of ${count(row.retentionEligible)}`,
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
      `${count(overall.youngCustomers)} customers first bought less than ${retentionDays} days ago: they count, but not in retention yet.`,
    );
  if (overall.customersWithoutValue)
    sentences.push(
      `${count(overall.customersWithoutValue)} have no value yet (they bought after the last recompute) and are left out of the means.`,
    );
  if (overall.withheldCustomers)
    sentences.push(
      `${count(overall.withheldCustomers)} object to profiling: counted, their value withheld.`,
    );
  return sentences.length ? h('p', { class: 'chart-note' }, sentences.join(' ')) : null;
}

/**
 * @param {ProductValue} report
 * @returns {HTMLElement[]}
 */
function renderTable(report) {
  const grouping = GROUPINGS.find((item) => item.id === report.by) ?? GROUPINGS[0];
  const { currency } = report;
  if (!report.groups.length)
    return [
      emptyState(
        'Nobody has ordered yet.',
        'Customers appear here, grouped by what they bought first, once orders are recorded.',
      ),
    ];
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
    `Long-term value by first ${report.by}`,
    [
      { label: grouping.column },
      { label: 'Customers', numeric: true },
      { label: 'Avg. extended value', numeric: true },
      { label: 'Avg. spend (margin)', numeric: true },
      { label: 'Avg. advocacy value', numeric: true },
      { label: `Bought again within ${report.retentionDays} days`, numeric: true },
    ],
    report.groups.map((group) =>
      cells(group.known ? group.name : h('span', { class: 'unknown' }, grouping.none), group),
    ),
    { total: cells('All customers', report.overall) },
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
    'Download CSV',
  );
  const switcher = h(
    'div',
    { class: 'segmented', role: 'group', 'aria-label': 'Group customers by' },
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
    results.replaceChildren(loading('Loading value by first product'));
    try {
      /** @type {ProductValue} */
      const report = await get('/api/v1/metrics/products', { by });
      results.replaceChildren(...renderTable(report));
    } catch (error) {
      results.replaceChildren(errorState(error, 'value by first product'));
    }
    results.setAttribute('aria-busy', 'false');
  }

  void load();
  return card(
    'Long-term value by first product',
    {
      id: 'first-product',
      description:
        'All customers to date, whatever the period above, grouped by what they bought first, with the average of their current values: extended = spend (margin) + advocacy (referrals, influence, ideas). Bought again: the share who ordered again within a year of their first order, among those who first bought at least a year ago.',
    },
    h('div', { class: 'pager' }, switcher, download),
    results,
  );
}
