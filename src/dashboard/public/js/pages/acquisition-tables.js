// @ts-check
import { h } from '../dom.js';
import { count, date, decimal, money, ratio, toNumber } from '../format.js';
import { channelName } from '../words.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    unknown: 'unknown',
    nobodyAcquired: 'nobody acquired',
    all: 'all {count}',
    ofTotal: '{known} of {total}',
    channelsCaption: 'Acquisition cost and value by channel',
    channel: 'Channel',
    acquired: 'Acquired',
    costKnown: 'Cost known',
    spentInPeriod: 'Spent in period',
    cac: 'CAC',
    maxCac: 'Max CAC at {ratio}',
    ltvMargin: 'LTV (margin)',
    ltvCac: 'LTV/CAC',
    allChannels: 'All channels',
    days: '{count} days',
    months: '{count} months',
    years: '{count} years',
    brandWide: 'brand-wide',
    measuresCaption: 'What the customers each channel brought buy',
    customers: 'Customers',
    revenuePerCustomer: 'Revenue per customer',
    averageOrder: 'Average order',
    repeatOrders: 'Repeat orders a year',
    relationship: 'Average relationship',
    campaigns: 'Campaigns',
    campaign: 'Campaign',
    runs: 'Runs',
    prospects: 'Prospects',
    spend: 'Spend',
    membersAcquired: 'Members acquired',
    theirValue: 'Their value',
    prospectLtv: 'Prospect LTV',
    to: 'to {date}',
    inPeriod: '{amount} in period',
    inAll: '{count} in all',
    countInPeriod: '{count} in period',
  },
  it: {
    unknown: 'sconosciuto',
    nobodyAcquired: 'nessuno acquisito',
    all: 'tutti i {count}',
    ofTotal: '{known} su {total}',
    channelsCaption: 'Costo e valore di acquisizione per canale',
    channel: 'Canale',
    acquired: 'Acquisiti',
    costKnown: 'Costo noto',
    spentInPeriod: 'Speso nel periodo',
    cac: 'CAC',
    maxCac: 'CAC massimo a {ratio}',
    ltvMargin: 'LTV (margine)',
    ltvCac: 'LTV/CAC',
    allChannels: 'Tutti i canali',
    days: '{count} giorni',
    months: '{count} mesi',
    years: '{count} anni',
    brandWide: 'media del marchio',
    measuresCaption: 'Cosa acquistano i clienti portati da ogni canale',
    customers: 'Clienti',
    revenuePerCustomer: 'Ricavi per cliente',
    averageOrder: 'Ordine medio',
    repeatOrders: 'Riacquisti l’anno',
    relationship: 'Durata media del rapporto',
    campaigns: 'Campagne',
    campaign: 'Campagna',
    runs: 'Periodo',
    prospects: 'Potenziali clienti',
    spend: 'Spesa',
    membersAcquired: 'Membri acquisiti',
    theirValue: 'Il loro valore',
    prospectLtv: 'LTV per potenziale cliente',
    to: 'al {date}',
    inPeriod: '{amount} nel periodo',
    inAll: '{count} in totale',
    countInPeriod: '{count} nel periodo',
  },
});

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
  return h('span', { class: 'unknown' }, t('unknown'));
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
    return h('span', { class: 'muted' }, t('nobodyAcquired'));
  return h('span', { class: 'muted' }, '—');
}

/** @param {UnitEconomics} row */
function costKnownCell(row) {
  if (row.acquired === 0) return h('span', { class: 'muted' }, '—');
  if (row.membersWithUnknownCost === 0) return t('all', { count: count(row.acquired) });
  return t('ofTotal', { known: count(row.membersWithKnownCost), total: count(row.acquired) });
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
    t('channelsCaption'),
    [
      { label: t('channel') },
      { label: t('acquired'), numeric: true },
      { label: t('costKnown'), numeric: true },
      { label: t('spentInPeriod'), numeric: true },
      { label: t('cac'), numeric: true },
      { label: t('maxCac', { ratio: ratio(target) }), numeric: true },
      { label: t('ltvMargin'), numeric: true },
      { label: t('ltvCac'), numeric: true },
    ],
    metrics.channels.map((row) => cells(channelName(row.channel), row)),
    { total: cells(t('allChannels'), metrics.overall) },
  );
}

/**
 * A length of time in the unit a person would use: days, months, then years.
 * @param {number} days
 */
function duration(days) {
  if (days < 60) return t('days', { count: count(Math.round(days)) });
  if (days < 2 * DAYS_PER_YEAR)
    return t('months', { count: count(Math.round(days / (DAYS_PER_YEAR / 12))) });
  return t('years', { count: count(Math.round((days / DAYS_PER_YEAR) * 10) / 10) });
}

/**
 * Average relationship length, and whose customers it was measured on.
 * @param {PurchaseMeasures} measures
 */
function relationshipCell(measures) {
  if (measures.averageRelationshipDays === null) return unknown();
  const length = duration(measures.averageRelationshipDays);
  return measures.relationshipBasis === 'brand' ? twoLines(length, t('brandWide')) : length;
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
    measures.ordersPerYear === null ? '—' : decimal(measures.ordersPerYear, 2),
    relationshipCell(measures),
  ];
  return metricsTable(
    t('measuresCaption'),
    [
      { label: t('channel') },
      { label: t('customers'), numeric: true },
      { label: t('revenuePerCustomer'), numeric: true },
      { label: t('averageOrder'), numeric: true },
      { label: t('repeatOrders'), numeric: true },
      { label: t('relationship'), numeric: true },
    ],
    metrics.channels.map((row) => cells(channelName(row.channel), row.measures)),
    { total: cells(t('allChannels'), metrics.overall.measures) },
  );
}

/**
 * @param {AcquisitionMetrics} metrics
 * @returns {HTMLElement}
 */
export function campaignsTable(metrics) {
  const { currency, targetLtvCacRatio: target } = metrics;
  return metricsTable(
    t('campaigns'),
    [
      { label: t('campaign') },
      { label: t('channel') },
      { label: t('runs') },
      { label: t('prospects'), numeric: true },
      { label: t('spend'), numeric: true },
      { label: t('membersAcquired'), numeric: true },
      { label: t('cac'), numeric: true },
      { label: t('theirValue'), numeric: true },
      { label: t('prospectLtv'), numeric: true },
      { label: t('ltvCac'), numeric: true },
    ],
    metrics.campaigns.map((row) => [
      row.name,
      channelName(row.channel),
      twoLines(date(row.startsAt), t('to', { date: date(row.endsAt) })),
      count(row.prospects),
      twoLines(
        money(row.totalSpend, currency),
        t('inPeriod', { amount: money(row.spendInWindow, currency) }),
      ),
      twoLines(
        t('inAll', { count: count(row.acquiredAllTime) }),
        t('countInPeriod', { count: count(row.acquired) }),
      ),
      cacCell(row, currency, row.acquiredAllTime, row.totalSpend),
      money(row.convertedProspectsValue, currency),
      money(row.prospectLifetimeValue, currency),
      ratioCell(row.ltvToCac, target),
    ]),
  );
}
