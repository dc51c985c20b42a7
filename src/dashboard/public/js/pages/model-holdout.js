// @ts-check
import { dataTable, lineChart } from '../charts.js';
import { h } from '../dom.js';
import { count, date, percent } from '../format.js';
import { card, emptyState, kpi } from '../ui.js';
import { MODEL_NAMES } from './model-words.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    simpleNoFit: 'Simple formula (no fit)',
    nobodyBought: 'nobody bought in the holdout',
    againstActual: '{error} against actual',
    actualRepeat: 'Actual repeat orders',
    customersPeriod: '{count} customers, {from} – {to}',
    expected: 'Expected: {name}',
    expectedSimple: 'Expected: simple formula',
    errorPerCustomer: 'Error per customer',
    vs: '{fitted} vs {simple}',
    ordersOff: 'orders off on average: {name} vs simple formula',
    predictWho: 'Did it predict who buys again?',
    byPastDescription:
      'Customers grouped by their repeat orders before {date} (along the bottom): the orders each group placed on average in the {days} days after, against what each method expected. The closer a line stays to the actual one, the better.',
    chartLabel:
      'Mean repeat orders in the holdout by repeat orders before it: actual, {name} and simple formula',
    actual: 'Actual',
    simpleFormula: 'Simple formula',
    alongBottom: 'Along the bottom: repeat orders before the holdout.',
    tableCaption: 'Mean repeat orders in the holdout by repeat orders before it',
    ordersBefore: 'Orders before',
    customers: 'Customers',
    noneBefore: 'No customer had bought before the holdout.',
  },
  it: {
    simpleNoFit: 'Formula semplice (nessuna stima)',
    nobodyBought: 'nessuno ha acquistato nel periodo di verifica',
    againstActual: '{error} rispetto al reale',
    actualRepeat: 'Riacquisti reali',
    customersPeriod: '{count} clienti, {from} – {to}',
    expected: 'Attesi: {name}',
    expectedSimple: 'Attesi: formula semplice',
    errorPerCustomer: 'Errore per cliente',
    vs: '{fitted} contro {simple}',
    ordersOff: 'ordini di scarto in media: {name} contro formula semplice',
    predictWho: 'Ha previsto chi riacquista?',
    byPastDescription:
      'Clienti raggruppati per riacquisti prima del {date} (in basso): gli ordini fatti in media da ogni gruppo nei {days} giorni successivi, rispetto a quanto atteso da ciascun metodo. Più una linea resta vicina a quella reale, meglio è.',
    chartLabel:
      'Riacquisti medi nel periodo di verifica per riacquisti precedenti: reali, {name} e formula semplice',
    actual: 'Reali',
    simpleFormula: 'Formula semplice',
    alongBottom: 'In basso: i riacquisti prima del periodo di verifica.',
    tableCaption: 'Riacquisti medi nel periodo di verifica per riacquisti precedenti',
    ordersBefore: 'Ordini prima',
    customers: 'Clienti',
    noneBefore: 'Nessun cliente aveva acquistato prima del periodo di verifica.',
  },
});

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
    ? t('simpleNoFit')
    : `${MODEL_NAMES[fitted.method] ?? fitted.method}`;
}

/**
 * "−3.6 %" of the total, or nothing bought.
 * @param {MethodComparison} comparison
 */
function totalError(comparison) {
  const error = comparison.totalPercentError;
  if (error === null) return t('nobodyBought');
  return t('againstActual', { error: `${error > 0 ? '+' : ''}${percent(error / 100)}` });
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
    kpi(t('actualRepeat'), count(Math.round(fitted.totalActual)), {
      note: t('customersPeriod', {
        count: count(validation.customers),
        from: date(validation.asOf),
        to: date(validation.until),
      }),
    }),
    kpi(t('expected', { name: fittedName(fitted) }), count(Math.round(fitted.totalExpected)), {
      note: totalError(fitted),
      className: 'kpi-hero',
    }),
    kpi(t('expectedSimple'), count(Math.round(simple.totalExpected)), {
      note: totalError(simple),
    }),
    kpi(
      t('errorPerCustomer'),
      t('vs', { fitted: count(fitted.meanAbsoluteError), simple: count(simple.meanAbsoluteError) }),
      { note: t('ordersOff', { name: fittedName(fitted) }) },
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
    t('predictWho'),
    {
      id: 'holdout-by-past',
      description: t('byPastDescription', {
        date: date(validation.asOf),
        days: count(validation.holdoutDays),
      }),
    },
    rows.length
      ? [
          lineChart({
            labels,
            label: t('chartLabel', { name }),
            series: [
              {
                name: t('actual'),
                color: COLORS.actual,
                values: rows.map((row) => row.meanActual),
              },
              { name, color: COLORS.fitted, values: rows.map((row) => row.meanExpected) },
              {
                name: t('simpleFormula'),
                color: COLORS.simple,
                values: simpleValues,
                dashed: true,
              },
            ],
            format: (value) => count(value),
            height: 240,
          }),
          h('p', { class: 'chart-note' }, t('alongBottom')),
          dataTable(
            t('tableCaption'),
            [t('ordersBefore'), t('customers'), t('actual'), name, t('simpleFormula')],
            rows.map((row, index) => [
              row.pastPurchases,
              count(row.customers),
              count(row.meanActual),
              count(row.meanExpected),
              count(simpleValues[index]),
            ]),
          ),
        ]
      : emptyState(t('noneBefore')),
  );
}
