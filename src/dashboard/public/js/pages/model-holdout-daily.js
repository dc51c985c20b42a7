// @ts-check
import { dataTable, lineChart } from '../charts.js';
import { count } from '../format.js';
import { card, emptyState } from '../ui.js';
import { COLORS, fittedName } from './model-holdout.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    title: 'Repeat orders through the holdout',
    description:
      'Repeat orders from the start of the holdout to each day, all customers together: actual, and what each method expected by then.',
    day: 'day {day}',
    chartLabel:
      'Cumulative repeat orders over the {days}-day holdout: actual, {name} and simple formula',
    actual: 'Actual',
    simpleFormula: 'Simple formula',
    tableCaption: 'Cumulative repeat orders by day of the holdout',
    dayColumn: 'Day',
    noDay: 'No day to show.',
    noDays: 'This server does not report the days yet.',
  },
  it: {
    title: 'Riacquisti nel periodo di verifica',
    description:
      "Riacquisti dall'inizio del periodo di verifica a ogni giorno, per tutti i clienti insieme: reali e attesi da ciascun metodo a quella data.",
    day: 'giorno {day}',
    chartLabel:
      'Riacquisti cumulati nei {days} giorni di verifica: reali, {name} e formula semplice',
    actual: 'Reali',
    simpleFormula: 'Formula semplice',
    tableCaption: 'Riacquisti cumulati per giorno del periodo di verifica',
    dayColumn: 'Giorno',
    noDay: 'Nessun giorno da mostrare.',
    noDays: 'Questo server non riporta ancora i giorni.',
  },
});

/**
 * GET /api/v1/model/validation `daily`: cumulative repeat orders over the holdout, at the days
 * listed (every day at first, then every `step` days).
 * @typedef {{ day: number, fitted: number, simple: number, actual: number }} DailyPoint
 * @typedef {{ step?: number, everyDayUntil?: number, points: DailyPoint[] }} DailyCheck
 */

/**
 * Keeps at most `limit` points (the last always), so that a long holdout stays readable.
 * @template T
 * @param {T[]} points
 * @param {number} limit
 * @returns {T[]}
 */
export function thinPoints(points, limit) {
  if (points.length <= limit) return points;
  const every = Math.ceil(points.length / limit);
  return points.filter((_, index) => index % every === 0 || index === points.length - 1);
}

/**
 * The points at `count` evenly spaced days up to the last one, each value interpolated linearly
 * between the two reported days around it: the server reports every day at first and every
 * few days after, and a chart over unevenly spaced days would bend where the spacing changes.
 * @param {DailyPoint[]} points by day, ascending
 * @param {number} count
 * @returns {DailyPoint[]}
 */
export function evenDays(points, count) {
  if (points.length < 2) return points;
  const first = points[0].day;
  const last = points[points.length - 1].day;
  const steps = Math.min(count, last - first + 1);
  /** @type {DailyPoint[]} */
  const even = [];
  let index = 0;
  for (let step = 0; step < steps; step++) {
    const day = steps === 1 ? last : Math.round(first + ((last - first) * step) / (steps - 1));
    while (index < points.length - 2 && points[index + 1].day < day) index++;
    const low = points[index];
    const high = points[index + 1];
    const share =
      high.day === low.day ? 0 : Math.min(1, Math.max(0, (day - low.day) / (high.day - low.day)));
    /** @param {'fitted' | 'simple' | 'actual'} key */
    const at = (key) => low[key] + (high[key] - low[key]) * share;
    even.push({ day, fitted: at('fitted'), simple: at('simple'), actual: at('actual') });
  }
  return even;
}

/**
 * Cumulative expected against actual repeat orders, day by day through the holdout.
 * @param {import('./model-holdout.js').Validation} validation
 * @returns {HTMLElement}
 */
export function dailyChart(validation) {
  const points = validation.daily?.points ?? [];
  const name = fittedName(validation.fitted);
  const shown = thinPoints(points, 60);
  const drawn = evenDays(points, 60);
  return card(
    t('title'),
    {
      id: 'holdout-daily',
      description: t('description'),
    },
    shown.length
      ? [
          lineChart({
            labels: drawn.map((point) => t('day', { day: point.day })),
            label: t('chartLabel', { days: count(validation.holdoutDays), name }),
            series: [
              {
                name: t('actual'),
                color: COLORS.actual,
                values: drawn.map((point) => point.actual),
              },
              { name, color: COLORS.fitted, values: drawn.map((point) => point.fitted) },
              {
                name: t('simpleFormula'),
                color: COLORS.simple,
                values: drawn.map((point) => point.simple),
                dashed: true,
              },
            ],
            format: (value) => count(value, { compact: value >= 10_000 }),
          }),
          dataTable(
            t('tableCaption'),
            [t('dayColumn'), t('actual'), name, t('simpleFormula')],
            shown.map((point) => [
              point.day,
              count(point.actual),
              count(Math.round(point.fitted * 10) / 10),
              count(Math.round(point.simple * 10) / 10),
            ]),
          ),
        ]
      : emptyState(validation.daily ? t('noDay') : t('noDays')),
  );
}
