// @ts-check
import { h } from '../dom.js';
import { count, date, humanize, money, ratio, toNumber } from '../format.js';

/**
 * GET /api/v1/metrics/acquisition (amounts are decimal strings in `currency`, null where unknown).
 * @typedef {{
 *   acquired: number,
 *   spend: string,
 *   spendInWindow: string,
 *   cac: string | null,
 *   costKnown: boolean,
 *   membersWithKnownCost: number,
 *   membersWithUnknownCost: number,
 *   ltv: string | null,
 *   valuedMembers: number,
 *   ltvWithKnownCost: string | null,
 *   ltvToCac: number | null,
 *   maxAffordableCac: string | null,
 * }} UnitEconomics
 * @typedef {{
 *   customers: number,
 *   revenuePerCustomer: string | null,
 *   averageOrderValue: string | null,
 *   ordersPerYear: number | null,
 *   averageRelationshipDays: number | null,
 *   relationshipBasis: 'channel' | 'brand' | null,
 *   lapsedCustomers: number,
 * }} PurchaseMeasures
 * @typedef {UnitEconomics & { measures: PurchaseMeasures }} GroupMetrics
 * @typedef {GroupMetrics & { channel: string }} ChannelMetrics
 * @typedef {UnitEconomics & {
 *   id: string,
 *   name: string,
 *   channel: string,
 *   startsAt: string,
 *   endsAt: string,
 *   prospects: number,
 *   totalSpend: string,
 *   acquiredAllTime: number,
 *   convertedProspects: number,
 *   convertedProspectsValue: string,
 *   prospectLifetimeValue: string | null,
 * }} CampaignMetrics
 * @typedef {{
 *   from: string,
 *   to: string,
 *   currency: string,
 *   targetLtvCacRatio: number,
 *   overall: GroupMetrics,
 *   channels: ChannelMetrics[],
 *   campaigns: CampaignMetrics[],
 * }} AcquisitionMetrics
 * @typedef {import('../dom.js').Child} Child
 * @typedef {{ label: string, numeric?: boolean }} Column
 */

const DAYS_PER_YEAR = 365.25;
const TWO_DECIMALS = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * A table that reads as one card per row on a phone: each cell carries its column's label.
 * @param {string} caption
 * @param {Column[]} columns
 * @param {Child[][]} rows the first cell of a row heads it
 * @param {{ total?: Child[] }} [options] a last row that sums the others
 */
export function metricsTable(caption, columns, rows, { total } = {}) {
  /** @param {Child[]} row @param {string} [className] */
  const tableRow = (row, className) =>
    h(
      'tr',
      { class: className },
      row.map((cell, index) =>
        index === 0
          ? h('th', { scope: 'row' }, cell)
          : h(
              'td',
              {
                class: columns[index].numeric ? 'num' : undefined,
                dataset: { label: columns[index].label },
              },
              cell,
            ),
      ),
    );
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
    h(
      'table',
      { class: 'data stack-on-phone' },
      h('caption', { class: 'visually-hidden' }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((column) =>
            h('th', { scope: 'col', class: column.numeric ? 'num' : undefined }, column.label),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) => tableRow(row)),
      ),
      total ? h('tfoot', {}, tableRow(total, 'total')) : null,
    ),
  );
}

/** A figure nobody recorded a cost for: said so, never shown as zero. */
export function unknown() {
  return h('span', { class: 'unknown' }, 'unknown');
}

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
 * LTV/CAC against the target: at or above it good, above 1× ok, below 1× bad.
 * @param {number | null} value
 * @param {number} target
 */
export function ratioCell(value, target) {
  const number = toNumber(value);
  if (number === null) return h('span', { class: 'muted' }, '—');
  return h(
    'span',
    { class: number >= target ? 'ratio good' : number >= 1 ? 'ratio ok' : 'ratio bad' },
    ratio(number),
  );
}

/**
 * CAC, or why there is none: the cost is unknown, or the spend acquired nobody.
 * @param {UnitEconomics} row
 * @param {string} currency
 * @param {number} acquired who the CAC is over
 * @param {string} spend what was spent on them
 */
export function cacCell(row, currency, acquired = row.acquired, spend = row.spendInWindow) {
  if (row.cac !== null) return money(row.cac, currency);
  if (!row.costKnown) return unknown();
  if (acquired === 0 && (toNumber(spend) ?? 0) > 0)
    return h('span', { class: 'muted' }, 'nobody acquired');
  return h('span', { class: 'muted' }, '—');
}

/** @param {UnitEconomics} row */
function costKnownCell(row) {
  if (row.acquired === 0) return h('span', { class: 'muted' }, '—');
  if (row.membersWithUnknownCost === 0) return `all ${count(row.acquired)}`;
  return `${count(row.membersWithKnownCost)} of ${count(row.acquired)}`;
}

/**
 * @param {AcquisitionMetrics} metrics
 * @returns {HTMLElement}
 */
export function channelsTable(metrics) {
  const { currency, targetLtvCacRatio: target } = metrics;
  /** @param {Child} name @param {UnitEconomics} row */
  const cells = (name, row) => [
    name,
    count(row.acquired),
    costKnownCell(row),
    money(row.spendInWindow, currency),
    cacCell(row, currency),
    money(row.maxAffordableCac, currency),
    money(row.ltv, currency),
    ratioCell(row.ltvToCac, target),
  ];
  return metricsTable(
    'Acquisition cost and value by channel',
    [
      { label: 'Channel' },
      { label: 'Acquired', numeric: true },
      { label: 'Cost known', numeric: true },
      { label: 'Spent in period', numeric: true },
      { label: 'CAC', numeric: true },
      { label: `Max CAC at ${ratio(target)}`, numeric: true },
      { label: 'LTV (margin)', numeric: true },
      { label: 'LTV/CAC', numeric: true },
    ],
    metrics.channels.map((row) => cells(humanize(row.channel), row)),
    { total: cells('All channels', metrics.overall) },
  );
}

/**
 * A length of time in the unit a person would use: days, months, then years.
 * @param {number} days
 */
function duration(days) {
  if (days < 60) return `${count(Math.round(days))} days`;
  if (days < 2 * DAYS_PER_YEAR) return `${count(Math.round(days / (DAYS_PER_YEAR / 12)))} months`;
  return `${count(Math.round((days / DAYS_PER_YEAR) * 10) / 10)} years`;
}

/**
 * Average relationship length, and whose customers it was measured on.
 * @param {PurchaseMeasures} measures
 */
function relationshipCell(measures) {
  if (measures.averageRelationshipDays === null) return unknown();
  const length = duration(measures.averageRelationshipDays);
  return measures.relationshipBasis === 'brand' ? twoLines(length, 'brand-wide') : length;
}

/**
 * @param {AcquisitionMetrics} metrics
 * @returns {HTMLElement}
 */
export function measuresTable(metrics) {
  const { currency } = metrics;
  /** @param {Child} name @param {PurchaseMeasures} measures */
  const cells = (name, measures) => [
    name,
    count(measures.customers),
    money(measures.revenuePerCustomer, currency),
    money(measures.averageOrderValue, currency),
    measures.ordersPerYear === null ? '—' : TWO_DECIMALS.format(measures.ordersPerYear),
    relationshipCell(measures),
  ];
  return metricsTable(
    'What the customers each channel brought buy',
    [
      { label: 'Channel' },
      { label: 'Customers', numeric: true },
      { label: 'Revenue per customer', numeric: true },
      { label: 'Average order', numeric: true },
      { label: 'Repeat orders a year', numeric: true },
      { label: 'Average relationship', numeric: true },
    ],
    metrics.channels.map((row) => cells(humanize(row.channel), row.measures)),
    { total: cells('All channels', metrics.overall.measures) },
  );
}

/**
 * @param {AcquisitionMetrics} metrics
 * @returns {HTMLElement}
 */
export function campaignsTable(metrics) {
  const { currency, targetLtvCacRatio: target } = metrics;
  return metricsTable(
    'Campaigns',
    [
      { label: 'Campaign' },
      { label: 'Channel' },
      { label: 'Runs' },
      { label: 'Prospects', numeric: true },
      { label: 'Spend', numeric: true },
      { label: 'Members acquired', numeric: true },
      { label: 'CAC', numeric: true },
      { label: 'Their value', numeric: true },
      { label: 'Prospect LTV', numeric: true },
      { label: 'LTV/CAC', numeric: true },
    ],
    metrics.campaigns.map((row) => [
      row.name,
      humanize(row.channel),
      twoLines(date(row.startsAt), `to ${date(row.endsAt)}`),
      count(row.prospects),
      twoLines(money(row.totalSpend, currency), `${money(row.spendInWindow, currency)} in period`),
      twoLines(`${count(row.acquiredAllTime)} in all`, `${count(row.acquired)} in period`),
      cacCell(row, currency, row.acquiredAllTime, row.totalSpend),
      money(row.convertedProspectsValue, currency),
      money(row.prospectLifetimeValue, currency),
      ratioCell(row.ltvToCac, target),
    ]),
  );
}
