// @ts-check
import { dataTable, lineChart } from '../charts.js';
import { h } from '../dom.js';
import { count, date, percent } from '../format.js';
import { card, emptyState, kpi } from '../ui.js';
import { MODEL_NAMES } from './model-words.js';

/**
 * GET /api/v1/model/validation, as far as the purchase counts go.
 * @typedef {{ pastPurchases: number | string, customers: number, meanExpected: number | null,
 *   meanActual: number | null }} CalibrationRow
 * @typedef {{
 *   method: string, reason: string | null, totalExpected: number, totalActual: number,
 *   totalPercentError: number | null, meanAbsoluteError: number | null,
 *   calibration: CalibrationRow[],
 * }} MethodComparison
 * @typedef {{
 *   asOf: string, until: string, holdoutDays: number, customers: number,
 *   fitted: MethodComparison, simple: MethodComparison,
 *   daily?: import('./model-holdout-daily.js').DailyCheck,
 *   money?: import('./model-holdout-money.js').MoneyCheck,
 * }} Validation
 */

export const COLORS = { actual: '#0f766e', fitted: '#4338ca', simple: '#b45309' };

/** The fitted column's name: the model the engine would have used at asOf. */
export function fittedName(/** @type {MethodComparison} */ fitted) {
  return fitted.method === 'simple'
    ? 'Simple formula (no fit)'
    : `${MODEL_NAMES[fitted.method] ?? fitted.method}`;
}

/**
 * "−3.6 %" of the total, or nothing bought.
 * @param {MethodComparison} comparison
 */
function totalError(comparison) {
  const error = comparison.totalPercentError;
  if (error === null) return 'nobody bought in the holdout';
  return `${error > 0 ? '+' : ''}${percent(error / 100)} against actual`;
}

/**
 * The totals: expected against actual repeat purchases over the holdout.
 * @param {Validation} validation
 * @returns {HTMLElement}
 */
export function holdoutTotals(validation) {
  const { fitted, simple } = validation;
  return h(
    'div',
    { class: 'kpi-row', id: 'holdout-totals' },
    kpi('Actual repeat orders', count(Math.round(fitted.totalActual)), {
      note: `${count(validation.customers)} customers, ${date(validation.asOf)} – ${date(validation.until)}`,
    }),
    kpi(`Expected: ${fittedName(fitted)}`, count(Math.round(fitted.totalExpected)), {
      note: totalError(fitted),
      className: 'kpi-hero',
    }),
    kpi('Expected: simple formula', count(Math.round(simple.totalExpected)), {
      note: totalError(simple),
    }),
    kpi(
      'Error per customer',
      `${count(fitted.meanAbsoluteError)} vs ${count(simple.meanAbsoluteError)}`,
      { note: `orders off on average: ${fittedName(fitted)} vs simple formula` },
    ),
  );
}

/**
 * The classic chart: mean repeat orders in the holdout by repeat orders before it.
 * @param {Validation} validation
 * @returns {HTMLElement}
 */
export function calibrationChart(validation) {
  const { fitted, simple } = validation;
  const rows = fitted.calibration.filter((row) => row.customers > 0);
  const simpleBy = new Map(simple.calibration.map((row) => [String(row.pastPurchases), row]));
  const labels = rows.map((row) => String(row.pastPurchases));
  const simpleValues = rows.map(
    (row) => simpleBy.get(String(row.pastPurchases))?.meanExpected ?? null,
  );
  const name = fittedName(fitted);
  return card(
    'Did it predict who buys again?',
    {
      id: 'holdout-by-past',
      description: `Customers grouped by their repeat orders before ${date(validation.asOf)} (along the bottom): the orders each group placed on average in the ${count(validation.holdoutDays)} days after, against what each method expected. The closer a line stays to the actual one, the better.`,
    },
    rows.length
      ? [
          lineChart({
            labels,
            label: `Mean repeat orders in the holdout by repeat orders before it: actual, ${name} and simple formula`,
            series: [
              { name: 'Actual', color: COLORS.actual, values: rows.map((row) => row.meanActual) },
              { name, color: COLORS.fitted, values: rows.map((row) => row.meanExpected) },
              {
                name: 'Simple formula',
                color: COLORS.simple,
                values: simpleValues,
                dashed: true,
              },
            ],
            format: (value) => count(value),
            height: 240,
          }),
          h('p', { class: 'chart-note' }, 'Along the bottom: repeat orders before the holdout.'),
          dataTable(
            'Mean repeat orders in the holdout by repeat orders before it',
            ['Orders before', 'Customers', 'Actual', name, 'Simple formula'],
            rows.map((row, index) => [
              row.pastPurchases,
              count(row.customers),
              count(row.meanActual),
              count(row.meanExpected),
              count(simpleValues[index]),
            ]),
          ),
        ]
      : emptyState('No customer had bought before the holdout.'),
  );
}
