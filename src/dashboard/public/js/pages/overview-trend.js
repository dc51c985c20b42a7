// @ts-check
import { dataTable, lineChart, sparkline } from '../charts.js';
import { word } from '../words.js';
import { date, monthYear } from '../format.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    period: 'Period',
    soFar: '{period}: so far, not over yet',
    by: '{label} by {interval}',
  },
  it: {
    period: 'Periodo',
    soFar: '{period}: finora, non ancora concluso',
    by: '{label} per {interval}',
  },
});

/**
 * GET /api/v1/metrics/community: the measures over the whole period and per interval. A group
 * (reach, acquisition, activity, purchases) holds figures by name: counts, shares (null when
 * there is nothing to divide) and, in activity, `interactions` counted by type.
 * @typedef {Record<string, any>} Figures
 * @typedef {Record<string, Figures>} Measures
 * @typedef {{ start: string, end: string, values: Measures }} Window
 * @typedef {{
 *   values: Measures,
 *   previous: Measures,
 *   change: Measures,
 *   previousStart: string,
 *   previousEnd: string,
 * }} Total
 * @typedef {{ offset: number, retained: number, share: number | null }} CohortMonth
 * @typedef {{ cohort: string, newCustomers: number, months: CohortMonth[] }} Cohort
 * @typedef {{
 *   from: string,
 *   to: string,
 *   interval: string,
 *   tag?: string | null,
 *   platform?: string | null,
 *   total: Total,
 *   intervals: Window[],
 *   retention?: Cohort[],
 * }} CommunityMetrics
 */

/** @param {{ end: string }} window */
const lastDay = (window) => new Date(new Date(window.end).getTime() - 1).toISOString();

/**
 * A short label for a chart's axis: the day, the week's first day, or the month.
 * @param {{ start: string }} window
 * @param {string} interval
 * @returns {string}
 */
export function axisLabel(window, interval) {
  return interval === 'month' ? monthYear(window.start) : date(window.start, { withYear: false });
}

/**
 * The whole window for a table row: "Mar 2 – Mar 8" for a week (the first and last may be partial).
 * @param {{ start: string, end: string }} window
 * @param {string} interval
 * @returns {string}
 */
export function rangeLabel(window, interval) {
  if (interval === 'day') return date(window.start);
  if (
    interval === 'month' &&
    window.start.slice(8, 10) === '01' &&
    window.end.slice(8, 10) === '01'
  )
    return monthYear(window.start);
  return `${date(window.start, { withYear: false })} – ${date(lastDay(window))}`;
}

/**
 * "Jun 6 – Sep 3, 2026": a window as people read it, its end included.
 * @param {string} start
 * @param {string} end exclusive
 * @returns {string}
 */
export function periodLabel(start, end) {
  return `${date(start)} – ${date(lastDay({ end }))}`;
}

/**
 * @param {Window[]} intervals
 * @param {string} group
 * @param {string} name
 * @returns {(number | null)[]}
 */
export function series(intervals, group, name) {
  return intervals.map((window) => window.values[group][name]);
}

/**
 * A line chart per interval, with the numbers behind it in a table.
 * @param {CommunityMetrics} metrics
 * @param {string} group
 * @param {[name: string, label: string, color: string, dashed?: boolean][]} lines
 * @param {(value: number | null) => string} format
 * @param {string} title
 * @returns {HTMLElement[]}
 */
export function trend(metrics, group, lines, format, title) {
  const labels = metrics.intervals.map((window) => axisLabel(window, metrics.interval));
  const chartSeries = lines.map(([name, label, color, dashed]) => ({
    name: label,
    color,
    dashed,
    values: series(metrics.intervals, group, name),
  }));
  return [
    lineChart({
      label: title,
      labels,
      format,
      series: chartSeries,
      integer: true,
      partialLast: partialNote(metrics),
    }),
    dataTable(
      title,
      [t('period'), ...chartSeries.map((line) => line.name)],
      metrics.intervals.map((window, index) => [
        rangeLabel(window, metrics.interval),
        ...chartSeries.map((line) => format(line.values[index])),
      ]),
    ),
  ];
}

/**
 * The note for a last interval that has not ended yet (today, this week, this month), which
 * the chart draws as partial instead of as a dive.
 * @param {CommunityMetrics} metrics
 * @param {number} [now]
 * @returns {string | undefined}
 */
export function partialNote(metrics, now = Date.now()) {
  const last = metrics.intervals.at(-1);
  if (!last || metrics.intervals.length < 2 || new Date(last.end).getTime() <= now)
    return undefined;
  return t('soFar', { period: rangeLabel(last, metrics.interval) });
}

/**
 * A KPI's little trend, when there is more than one interval to draw.
 * @param {CommunityMetrics} metrics
 * @param {string} group
 * @param {string} name
 * @param {string} color
 * @param {string} label
 * @returns {HTMLElement | null}
 */
export function spark(metrics, group, name, color, label) {
  if (metrics.intervals.length < 2) return null;
  return sparkline(series(metrics.intervals, group, name), {
    color,
    label: t('by', { label, interval: word(metrics.interval) }),
  });
}
