// @ts-check
import { dataTable, lineChart } from '../charts.js';
import { count } from '../format.js';
import { card, emptyState } from '../ui.js';
import { COLORS, fittedName } from './model-holdout.js';

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
 * Cumulative expected against actual repeat orders, day by day through the holdout.
 * @param {import('./model-holdout.js').Validation} validation
 * @returns {HTMLElement}
 */
export function dailyChart(validation) {
  const points = validation.daily?.points ?? [];
  const name = fittedName(validation.fitted);
  const shown = thinPoints(points, 60);
  return card(
    'Repeat orders through the holdout',
    {
      id: 'holdout-daily',
      description:
        'Repeat orders from the start of the holdout to each day, all customers together: actual, and what each method expected by then.',
    },
    shown.length
      ? [
          lineChart({
            labels: shown.map((point) => `day ${point.day}`),
            label: `Cumulative repeat orders over the ${count(validation.holdoutDays)}-day holdout: actual, ${name} and simple formula`,
            series: [
              { name: 'Actual', color: COLORS.actual, values: shown.map((point) => point.actual) },
              { name, color: COLORS.fitted, values: shown.map((point) => point.fitted) },
              {
                name: 'Simple formula',
                color: COLORS.simple,
                values: shown.map((point) => point.simple),
                dashed: true,
              },
            ],
            format: (value) => count(value, { compact: value >= 10_000 }),
          }),
          dataTable(
            'Cumulative repeat orders by day of the holdout',
            ['Day', 'Actual', name, 'Simple formula'],
            shown.map((point) => [
              point.day,
              count(point.actual),
              count(Math.round(point.fitted * 10) / 10),
              count(Math.round(point.simple * 10) / 10),
            ]),
          ),
        ]
      : emptyState(
          validation.daily ? 'No day to show.' : 'This server does not report the days yet.',
        ),
  );
}
