// @ts-check
import { h } from '../dom.js';
import { count, money, percent } from '../format.js';
import { card, emptyState } from '../ui.js';
import { metricsTable } from './acquisition-tables.js';

/**
 * GET /api/v1/model `simpleFormula` (amounts as decimal strings in the base currency).
 * @typedef {{
 *   customers: number,
 *   averageOrderValue: string,
 *   ordersPerYear: number,
 *   relationshipYears: number,
 *   relationshipBasis: 'measured' | 'assumed',
 *   lapsedCustomers: number,
 *   minLapsedCustomers: number,
 *   marginRate: number,
 *   simpleLtv: string,
 *   simpleLtvMargin: string,
 * }} BrandSimpleFormula
 * @typedef {{ platform: string, conversionPerReach: number, source: string,
 *   attributedOrders: number, reach: number }} PlatformCalibration
 */

/**
 * The seeds' formula for the brand in words: average order × orders a year × years.
 * @param {BrandSimpleFormula | null} formula
 * @param {string} currency
 * @param {boolean} inUse the simple formula values members
 * @returns {HTMLElement}
 */
export function simpleFormulaCard(formula, currency, inUse) {
  const options = {
    id: 'model-simple-formula',
    description:
      'The classic lifetime value: average order value × orders a year × how long customers keep buying.',
  };
  if (!formula)
    return card(
      'The simple formula',
      options,
      emptyState('Not computed for this recompute.', 'It appears after the next recompute.'),
    );
  const years = `${count(formula.relationshipYears)} ${formula.relationshipYears === 1 ? 'year' : 'years'}`;
  return card(
    'The simple formula',
    options,
    h(
      'p',
      { class: 'formula-equation', id: 'model-simple-equation' },
      h('strong', {}, money(formula.averageOrderValue, currency)),
      ' average order × ',
      h('strong', {}, count(formula.ordersPerYear)),
      ' repeat orders a year × ',
      h('strong', {}, years),
      ' = ',
      h('strong', {}, money(formula.simpleLtv, currency)),
      ' of revenue per customer',
    ),
    h(
      'p',
      { class: 'chart-note', id: 'model-simple-words' },
      `Over ${count(formula.customers)} customers. The relationship length is `,
      formula.relationshipBasis === 'measured'
        ? `measured from the brand's own history (${count(formula.lapsedCustomers)} customers have stopped buying).`
        : `the configured lifespan: only ${count(formula.lapsedCustomers)} customers have stopped buying, ${count(formula.minLapsedCustomers)} are needed to measure it.`,
      ` As margin (${percent(formula.marginRate, 0)}), discounted month by month, a customer starting today is worth ${money(formula.simpleLtvMargin, currency)}.`,
      inUse
        ? ' This is how Halo values members now.'
        : ' Halo values members with the fitted model; the formula is shown for comparison.',
    ),
  );
}

/**
 * Conversion per reach by platform: what a post's reach is assumed to convert at.
 * @param {PlatformCalibration[]} calibration
 * @returns {HTMLElement}
 */
export function conversionCard(calibration) {
  return card(
    'Conversion per reach',
    {
      id: 'model-conversion',
      description:
        'What share of the people a post reaches buy, by platform: calibrated where enough orders were attributed to posts, otherwise the configured rate. It values content with no attributed orders.',
    },
    calibration.length
      ? metricsTable(
          'Conversion per reach by platform',
          [
            { label: 'Platform' },
            { label: 'Rate used', numeric: true },
            { label: 'Basis' },
            { label: 'Attributed orders', numeric: true },
            { label: 'Reach', numeric: true },
          ],
          calibration.map((row) => [
            row.platform,
            percent(row.conversionPerReach, 3),
            row.source === 'calibrated' ? 'calibrated' : 'assumed (config)',
            count(row.attributedOrders),
            count(row.reach),
          ]),
        )
      : emptyState('No platform has content yet.'),
  );
}
