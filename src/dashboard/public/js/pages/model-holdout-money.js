// @ts-check
import { dataTable, lineChart } from '../charts.js';
import { h } from '../dom.js';
import { count, decimal, money, toNumber } from '../format.js';
import { card, emptyState, kpi } from '../ui.js';
import { COLORS, fittedName } from './model-holdout.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    description:
      'Expected spend per order (Gamma-Gamma, from each customer’s past orders) × expected orders, against what customers actually spent in the holdout, net of refunds.',
    title: 'Did it predict what they spend?',
    noCheck: 'This server does not report the money check yet.',
    actualSpend: 'Actual spend',
    net: 'net, in the holdout',
    expected: 'Expected: {name}',
    againstActual: '{error} % against actual',
    orderError: 'Order value error',
    perOrder: 'per order, mean over the {count} customers who bought',
    chartLabel:
      'Mean spend per customer in the holdout by repeat orders before it: actual and {name}',
    actual: 'Actual',
    expectedShort: 'Expected ({name})',
    alongBottom: 'Along the bottom: repeat orders before the holdout.',
    tableCaption: 'Mean spend per customer in the holdout by repeat orders before it',
    ordersBefore: 'Orders before',
    customers: 'Customers',
    noneBefore: 'No customer had bought before the holdout.',
  },
  it: {
    description:
      'Spesa attesa per ordine (Gamma-Gamma, dagli ordini passati di ogni cliente) × ordini attesi, rispetto a quanto i clienti hanno effettivamente speso nel periodo di verifica, al netto dei rimborsi.',
    title: 'Ha previsto quanto spendono?',
    noCheck: 'Questo server non riporta ancora la verifica sulla spesa.',
    actualSpend: 'Spesa reale',
    net: 'netta, nel periodo di verifica',
    expected: 'Attesa: {name}',
    againstActual: '{error} % rispetto al reale',
    orderError: 'Errore sul valore degli ordini',
    perOrder: 'per ordine, media sui {count} clienti che hanno acquistato',
    chartLabel:
      'Spesa media per cliente nel periodo di verifica per riacquisti precedenti: reale e {name}',
    actual: 'Reale',
    expectedShort: 'Attesa ({name})',
    alongBottom: 'In basso: i riacquisti prima del periodo di verifica.',
    tableCaption: 'Spesa media per cliente nel periodo di verifica per riacquisti precedenti',
    ordersBefore: 'Ordini prima',
    customers: 'Clienti',
    noneBefore: 'Nessun cliente aveva acquistato prima del periodo di verifica.',
  },
});

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
    description: t('description'),
  };
  if (!check) return card(t('title'), options, emptyState(t('noCheck')));
  const unit = check.currency ?? currency;
  const name = fittedName(validation.fitted);
  const rows = check.calibration.filter((row) => row.customers > 0);
  const perPurchase = check.spendPerPurchase;
  return card(
    t('title'),
    options,
    h(
      'div',
      { class: 'kpi-row', id: 'holdout-money-totals' },
      kpi(t('actualSpend'), money(check.totalActual, unit), { note: t('net') }),
      kpi(t('expected', { name }), money(check.totalExpected, unit), {
        note:
          typeof check.totalPercentError === 'number'
            ? t('againstActual', {
                error: `${check.totalPercentError > 0 ? '+' : ''}${decimal(check.totalPercentError, 1)}`,
              })
            : (check.reason ?? ''),
        className: 'kpi-hero',
      }),
      perPurchase
        ? kpi(t('orderError'), money(perPurchase.meanAbsoluteError, unit), {
            note: t('perOrder', { count: count(perPurchase.customers) }),
          })
        : null,
    ),
    rows.length
      ? [
          lineChart({
            labels: rows.map((row) => String(row.pastPurchases)),
            label: t('chartLabel', { name }),
            series: [
              {
                name: t('actual'),
                color: COLORS.actual,
                values: rows.map((row) => toNumber(row.meanActual)),
              },
              {
                name: t('expectedShort', { name }),
                color: COLORS.fitted,
                values: rows.map((row) => toNumber(row.meanExpected)),
              },
            ],
            format: (value) => money(value, unit, { compact: true }),
          }),
          h('p', { class: 'chart-note' }, t('alongBottom')),
          dataTable(
            t('tableCaption'),
            [t('ordersBefore'), t('customers'), t('actual'), t('expectedShort', { name })],
            rows.map((row) => [
              row.pastPurchases,
              row.customers,
              money(row.meanActual, unit),
              money(row.meanExpected, unit),
            ]),
          ),
        ]
      : emptyState(t('noneBefore')),
  );
}
