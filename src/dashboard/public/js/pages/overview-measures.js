import { barList, dataTable, lineChart, sparkline } from '../charts.js';
import { h } from '../dom.js';
import { count, date, humanize, monthYear, percent } from '../format.js';
import { card, changeBadge, emptyState, kpi } from '../ui.js';
import { retentionTable } from './overview-retention.js';

const COLORS = {
  reach: '#4338ca',
  acquisition: '#0f766e',
  activity: '#7c3aed',
  purchases: '#c2410c',
};

/** Counts change in percent of the previous window; shares change in percentage points. */
function change(
  measure,
  field,
  values,
  previous,
  difference,
  kind = 'count',
  suffix = 'vs previous period',
) {
  const now = values[measure][field];
  const before = previous[measure][field];
  const delta = difference[measure][field];
  if (delta === null || delta === undefined) return changeBadge(null, '', { suffix });
  if (kind === 'rate') {
    const points = Math.abs(delta * 100).toLocaleString(undefined, { maximumFractionDigits: 1 });
    return changeBadge(delta, `${points} pts`, { suffix });
  }
  if (!before)
    return now
      ? changeBadge(delta, `${count(Math.abs(delta))} new`, { suffix })
      : changeBadge(0, '', { suffix });
  return changeBadge(
    delta,
    `${percent(Math.abs(delta) / before, 0)} (${delta > 0 ? '+' : '−'}${count(Math.abs(delta), { compact: Math.abs(delta) >= 10000 })})`,
    { suffix },
  );
}

function label(window, interval) {
  if (interval === 'month') return monthYear(window.start);
  return date(window.start, { withYear: false });
}

function series(intervals, measure, field) {
  return intervals.map((window) => window.values[measure][field]);
}

function measureCard({ id, title, description, kpis, chart, extra }) {
  return card(
    title,
    { id, description, className: 'measure' },
    h('div', { class: 'measure-kpis' }, kpis),
    chart,
    extra ?? null,
  );
}

function trend(metrics, measure, lines, format, title) {
  const labels = metrics.intervals.map((window) => label(window, metrics.interval));
  const chartSeries = lines.map(([field, name, color, dashed]) => ({
    name,
    color,
    dashed,
    values: series(metrics.intervals, measure, field),
  }));
  return [
    lineChart({ label: title, labels, format, series: chartSeries, integer: true }),
    dataTable(
      title,
      ['Period', ...lines.map(([, name]) => name)],
      metrics.intervals.map((window, index) => [
        labels[index],
        ...chartSeries.map((line) => format(line.values[index])),
      ]),
    ),
  ];
}

const small = (value) => count(value, { compact: Math.abs(value) >= 10000 });
const rate = (value) => (value === null ? '—' : percent(value, 0));

/** The four measures of the source articles, each against the previous period. */
export function measureCards(metrics) {
  const { values, previous, change: difference } = metrics.total;
  const delta = (measure, field, kind) =>
    change(measure, field, values, previous, difference, kind, '');
  const heroDelta = (measure, field, kind) =>
    change(measure, field, values, previous, difference, kind);
  const spark = (measure, field, color, name) =>
    metrics.intervals.length > 1
      ? sparkline(
          series(metrics.intervals, measure, field).map((value) => value ?? null),
          { color, label: `${name} by ${metrics.interval}` },
        )
      : null;
  const interactions = Object.entries(values.activity.interactions)
    .filter(([, number]) => number > 0)
    .sort((a, b) => b[1] - a[1]);
  const compared = `Compared with ${date(metrics.total.previousStart)} – ${date(new Date(new Date(metrics.total.previousEnd).getTime() - 1).toISOString())}.`;
  return [
    h('p', { class: 'muted small' }, compared),
    h(
      'div',
      { class: 'kpi-row' },
      kpi('Reach', small(values.reach.totalReach), {
        change: heroDelta('reach', 'totalReach'),
        spark: spark('reach', 'totalReach', '#ffffff', 'Reach'),
        className: 'kpi-hero',
      }),
      kpi('New via community', count(values.acquisition.community), {
        change: heroDelta('acquisition', 'community'),
        spark: spark(
          'acquisition',
          'community',
          COLORS.acquisition,
          'New customers via the community',
        ),
      }),
      kpi('Active members', count(values.activity.activeMembers), {
        change: heroDelta('activity', 'activeMembers'),
        spark: spark('activity', 'activeMembers', COLORS.activity, 'Active members'),
      }),
      kpi('Repeat purchase rate', rate(values.purchases.repeatPurchaseRate), {
        change: heroDelta('purchases', 'repeatPurchaseRate', 'rate'),
        spark: spark('purchases', 'repeatPurchaseRate', COLORS.purchases, 'Repeat purchase rate'),
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
          kpi('Mentions', count(values.reach.mentions), { change: delta('reach', 'mentions') }),
          kpi('People mentioning', count(values.reach.uniquePeople), {
            change: delta('reach', 'uniquePeople'),
          }),
          kpi('Positive sentiment', rate(values.reach.positiveShare), {
            change: delta('reach', 'positiveShare', 'rate'),
          }),
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
          'First orders that a referral, an event invitation or community content brought.',
        kpis: [
          kpi('All new customers', count(values.acquisition.newCustomers), {
            change: delta('acquisition', 'newCustomers'),
          }),
          kpi('Via referral', count(values.acquisition.viaReferral), {
            change: delta('acquisition', 'viaReferral'),
          }),
          kpi('Via events', count(values.acquisition.viaEventGuest), {
            change: delta('acquisition', 'viaEventGuest'),
          }),
          kpi('Via content', count(values.acquisition.viaContent), {
            change: delta('acquisition', 'viaContent'),
          }),
        ],
        chart: trend(
          metrics,
          'acquisition',
          [
            ['community', 'Via community', COLORS.acquisition],
            ['newCustomers', 'All new customers', '#94a3b8', true],
          ],
          count,
          'New customers per period',
        ),
      }),
      measureCard({
        id: 'activity',
        title: 'Activity',
        description: 'Members who did anything, and what they did.',
        kpis: [
          kpi('Active members', count(values.activity.activeMembers), {
            change: delta('activity', 'activeMembers'),
          }),
        ],
        chart: trend(
          metrics,
          'activity',
          [['activeMembers', 'Active members', COLORS.activity]],
          count,
          'Active members per period',
        ),
        extra: interactions.length
          ? h(
              'div',
              { class: 'stack' },
              h('h3', { class: 'subheading' }, 'Interactions by type'),
              barList(
                interactions.map(([type, number]) => ({
                  label: humanize(type),
                  value: number,
                  display: count(number),
                  color: COLORS.activity,
                  hint: deltaText(difference.activity.interactions[type]),
                })),
                { label: 'Interactions by type' },
              ),
            )
          : emptyState('No interactions in this period.'),
      }),
      measureCard({
        id: 'purchases',
        title: 'Purchase behaviour',
        description: 'Whether customers come back.',
        kpis: [
          kpi('Customers', count(values.purchases.customers), {
            change: delta('purchases', 'customers'),
          }),
          kpi('Orders', count(values.purchases.orders), { change: delta('purchases', 'orders') }),
          kpi(
            'Orders per customer',
            values.purchases.ordersPerCustomer === null
              ? '—'
              : count(values.purchases.ordersPerCustomer),
            { change: delta('purchases', 'ordersPerCustomer') },
          ),
        ],
        chart: trend(
          metrics,
          'purchases',
          [
            ['orders', 'Orders', COLORS.purchases],
            ['customers', 'Customers', '#94a3b8', true],
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
      retentionTable(metrics.retention ?? []),
    ),
  ];
}

function deltaText(difference) {
  if (!difference) return 'as before';
  return `${difference > 0 ? '+' : '−'}${count(Math.abs(difference))} vs before`;
}
