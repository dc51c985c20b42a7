// @ts-check
import { dataTable, lineChart } from '../charts.js';
import { h } from '../dom.js';
import { money, toNumber } from '../format.js';
import { card, emptyState, kpi } from '../ui.js';
import { COLORS, fittedName } from './model-holdout.js';

/**
 * GET /api/v1/model/validation `money`: Gamma-Gamma's expected spend × expected orders against
 * actual net spend in the holdout (major units of the base currency).
 * @typedef {{ pastPurchases: number | string, customers: number,
 *   meanExpected: number | string | null, meanActual: number | string | null }} MoneyRow
 * @typedef {{
 *   currency?: string,
 *   totalExpected: number | string | null,
 *   totalActual: number | string,
 *   totalPercentError?: number | null,
 *   calibration: MoneyRow[],
 *   spendPerPurchase?: { customers: number, meanAbsoluteError: number | string | null,
 *     meanExpected?: number | string | null, meanActual?: number | string | null } | null,
 *   reason?: string | null,
 * }} MoneyCheck
 */

/**
 * The same check in money: expected spend against actual, in total and by past orders.
 * @param {import('./model-holdout.js').Validation} validation
 * @param {string} currency
 * @returns {HTMLElement}
 */
export function moneyCheck(validation, currency) {
  const check = validation.money;
  const options = {
    id: 'holdout-money',
    description:
      'Expected spend per order (Gamma-Gamma, from each customer’s past orders) × expected orders, against what customers actually spent in the holdout, net of refunds.',
  };
  if (!check)
    return card(
      'Did it predict what they spend?',
      options,
      emptyState('This server does not report the money check yet.'),
    );
  const unit = check.currency ?? currency;
  const name = fittedName(validation.fitted);
  const rows = check.calibration.filter((row) => row.customers > 0);
  const perPurchase = check.spendPerPurchase;
  return card(
    'Did it predict what they spend?',
    options,
    h(
      'div',
      { class: 'kpi-row', id: 'holdout-money-totals' },
      kpi('Actual spend', money(check.totalActual, unit), { note: 'net, in the holdout' }),
      kpi(`Expected: ${name}`, money(check.totalExpected, unit), {
        note:
          typeof check.totalPercentError === 'number'
            ? `${check.totalPercentError > 0 ? '+' : ''}${check.totalPercentError.toFixed(1)} % against actual`
            : (check.reason ?? ''),
        className: 'kpi-hero',
      }),
      perPurchase
        ? kpi('Order value error', money(perPurchase.meanAbsoluteError, unit), {
            note: `per order, mean over the ${perPurchase.customers} customers who bought`,
          })
        : null,
    ),
    rows.length
      ? [
          lineChart({
            labels: rows.map((row) => String(row.pastPurchases)),
            label: `Mean spend per customer in the holdout by repeat orders before it: actual and ${name}`,
            series: [
              {
                name: 'Actual',
                color: COLORS.actual,
                values: rows.map((row) => toNumber(row.meanActual)),
              },
              {
                name: `Expected (${name})`,
                color: COLORS.fitted,
                values: rows.map((row) => toNumber(row.meanExpected)),
              },
            ],
            format: (value) => money(value, unit, { compact: true }),
          }),
          h('p', { class: 'chart-note' }, 'Along the bottom: repeat orders before the holdout.'),
          dataTable(
            'Mean spend per customer in the holdout by repeat orders before it',
            ['Orders before', 'Customers', 'Actual', `Expected (${name})`],
            rows.map((row) => [
              row.pastPurchases,
              row.customers,
              money(row.meanActual, unit),
              money(row.meanExpected, unit),
            ]),
          ),
        ]
      : emptyState('No customer had bought before the holdout.'),
  );
}
