// @ts-check
import { barList } from '../charts.js';
import { h } from '../dom.js';
import { count, humanize, percent } from '../format.js';
import { card, changeBadge, emptyState, kpi } from '../ui.js';
import { retentionTable } from './overview-retention.js';
import { periodLabel, spark, trend } from './overview-trend.js';

/**
 * @typedef {import('./overview-trend.js').CommunityMetrics} CommunityMetrics
 * @typedef {import('./overview-trend.js').Total} Total
 * @typedef {(value: any) => string} Format
 * @typedef {{ kind?: 'count' | 'rate', suffix?: string, spark?: HTMLElement | null, className?: string }} FigureOptions
 */

const COLORS = {
  reach: '#4338ca',
  acquisition: '#0f766e',
  activity: '#7c3aed',
  purchases: '#c2410c',
  other: '#64748b',
};

/** @param {number | null} value */
const small = (value) => count(value, { compact: Math.abs(value ?? 0) >= 10000 });
/** @param {number | null} value */
const rate = (value) => (value === null ? '—' : percent(value, 0));
/** @param {number} value */
const signed = (value) => `${value > 0 ? '+' : '−'}${small(Math.abs(value))}`;

/**
 * The change of one figure against the previous window: counts in percent of before (and the
 * difference), shares in percentage points; a start from zero says so rather than "+∞ %".
 */
/**
 * @param {Total} total
 * @param {string} group
 * @param {string} name
 * @param {FigureOptions} [options]
 */
function change(total, group, name, { kind = 'count', suffix = '' } = {}) {
  const now = total.values[group][name];
  const before = total.previous[group][name];
  const delta = total.change[group][name];
  if (delta === null || delta === undefined) return changeBadge(null, '', { suffix });
  if (kind === 'rate') {
    const points = Math.abs(delta * 100).toLocaleString(undefined, { maximumFractionDigits: 1 });
    return changeBadge(delta, `${points} pts`, { suffix });
  }
  if (!before) return changeBadge(now ? delta : 0, `${signed(delta)} from none`, { suffix });
  return changeBadge(delta, `${percent(Math.abs(delta) / before, 0)} (${signed(delta)})`, {
    suffix,
  });
}

/**
 * A KPI whose figure tests can find: data-measure names the API's field.
 * @param {Total} total
 * @param {string} group
 * @param {string} name
 * @param {string} label
 * @param {Format} format
 * @param {FigureOptions} [options]
 */
function figure(total, group, name, label, format, options = {}) {
  const element = kpi(label, format(total.values[group][name]), {
    change: change(total, group, name, options),
    spark: options.spark,
    className: options.className,
  });
  element.dataset.measure = `${group}.${name}`;
  return element;
}

/**
 * @param {{
 *   id: string,
 *   title: string,
 *   description: string,
 *   kpis: HTMLElement[],
 *   chart: HTMLElement[],
 *   extra?: import('../dom.js').Child,
 * }} measure
 */
function measureCard({ id, title, description, kpis, chart, extra }) {
  return card(
    title,
    { id, description, className: 'measure' },
    h('div', { class: 'measure-kpis' }, kpis),
    chart,
    extra ?? null,
  );
}

/** @param {Total} total */
function interactionsList(total) {
  /** @type {Record<string, number>} */
  const interactions = total.values.activity.interactions;
  /** @type {Record<string, number>} */
  const before = total.previous.activity.interactions;
  const rows = Object.keys(interactions)
    .filter((type) => interactions[type] > 0 || before[type] > 0)
    .sort((left, right) => interactions[right] - interactions[left]);
  if (!rows.length) return emptyState('No interactions in this period.');
  return h(
    'div',
    { class: 'stack' },
    h('h3', { class: 'subheading' }, 'Interactions by type'),
    barList(
      rows.map((type) => {
        const delta = total.change.activity.interactions[type];
        return {
          label: humanize(type),
          value: interactions[type],
          display: count(interactions[type]),
          color: COLORS.activity,
          hint: delta ? `${signed(delta)} vs before` : 'as before',
          dataset: { interaction: type },
        };
      }),
      { label: 'Interactions by type' },
    ),
  );
}

/**
 * What the measures cover: the period compared with, and the filters in force.
 * @param {CommunityMetrics} metrics
 */
function scope(metrics) {
  const parts = [
    `Compared with ${periodLabel(metrics.total.previousStart, metrics.total.previousEnd)}.`,
  ];
  if (metrics.tag) parts.push(`Only members tagged “${metrics.tag}”.`);
  if (metrics.platform) parts.push(`Mentions and reviews on ${metrics.platform} only.`);
  return h('p', { class: 'muted small', id: 'measures-scope' }, parts.join(' '));
}

/**
 * The four measures of the source articles, each against the previous period.
 * @param {CommunityMetrics} metrics
 * @returns {HTMLElement[]}
 */
export function measureCards(metrics) {
  const { total } = metrics;
  /**
   * @param {string} group
   * @param {string} name
   * @param {string} label
   * @param {Format} format
   * @param {string} color
   * @param {FigureOptions} [options]
   */
  const hero = (group, name, label, format, color, options = {}) =>
    figure(total, group, name, label, format, {
      ...options,
      suffix: 'vs previous period',
      spark: spark(metrics, group, name, color, label),
    });
  /**
   * @param {string} group
   * @param {string} name
   * @param {string} label
   * @param {Format} format
   * @param {FigureOptions} [options]
   */
  const compact = (group, name, label, format, options) =>
    figure(total, group, name, label, format, options);
  return [
    scope(metrics),
    h(
      'div',
      { class: 'kpi-row', id: 'headline' },
      hero('reach', 'totalReach', 'Reach', small, '#ffffff', { className: 'kpi-hero' }),
      hero('acquisition', 'community', 'New via community', count, COLORS.acquisition),
      hero('activity', 'activeMembers', 'Active members', count, COLORS.activity),
      hero('purchases', 'repeatPurchaseRate', 'Repeat purchase rate', rate, COLORS.purchases, {
        kind: 'rate',
      }),
    ),
    h(
      'div',
      { class: 'grid two' },
      measureCard({
        id: 'reach',
        title: 'Reach and awareness',
        description: 'Mentions of the brand, how many people saw them, and how they felt.',
        kpis: [
          compact('reach', 'mentions', 'Mentions', count),
          compact('reach', 'uniquePeople', 'People mentioning', count),
          compact('reach', 'positiveShare', 'Positive sentiment', rate, { kind: 'rate' }),
        ],
        chart: trend(
          metrics,
          'reach',
          [['totalReach', 'Reach', COLORS.reach]],
          small,
          'Reach per period',
        ),
      }),
      measureCard({
        id: 'acquisition',
        title: 'New customers through the community',
        description:
          'First orders a referral, an event invitation or community content brought; each customer counts once.',
        kpis: [
          compact('acquisition', 'newCustomers', 'All new customers', count),
          compact('acquisition', 'viaReferral', 'Via referral', count),
          compact('acquisition', 'viaEventGuest', 'Via events', count),
          compact('acquisition', 'viaContent', 'Via content', count),
        ],
        chart: trend(
          metrics,
          'acquisition',
          [
            ['community', 'Via community', COLORS.acquisition],
            ['newCustomers', 'All new customers', COLORS.other, true],
          ],
          count,
          'New customers per period',
        ),
      }),
      measureCard({
        id: 'activity',
        title: 'Activity',
        description: 'Members who did anything, orders included, and what they did.',
        kpis: [compact('activity', 'activeMembers', 'Active members', count)],
        chart: trend(
          metrics,
          'activity',
          [['activeMembers', 'Active members', COLORS.activity]],
          count,
          'Active members per period',
        ),
        extra: interactionsList(total),
      }),
      measureCard({
        id: 'purchases',
        title: 'Purchase behaviour',
        description: 'Whether customers come back: of those who ordered, how many ordered again.',
        kpis: [
          compact('purchases', 'customers', 'Customers', count),
          compact('purchases', 'orders', 'Orders', count),
          compact('purchases', 'repeatPurchaseRate', 'Repeat purchase rate', rate, {
            kind: 'rate',
          }),
          compact('purchases', 'ordersPerCustomer', 'Orders per customer', (value) =>
            value === null ? '—' : count(value),
          ),
        ],
        chart: trend(
          metrics,
          'purchases',
          [
            ['orders', 'Orders', COLORS.purchases],
            ['customers', 'Customers', COLORS.other, true],
          ],
          count,
          'Orders per period',
        ),
      }),
    ),
    card(
      'Retention of monthly cohorts',
      {
        id: 'retention',
        description:
          'Of the customers whose first order fell in a month, the share who ordered again in each later month.',
      },
      retentionTable(metrics.retention ?? [], metrics.to),
    ),
  ];
}
