// @ts-check
import { h } from '../dom.js';
import { count, money, percent } from '../format.js';
import { card, emptyState } from '../ui.js';

/** @typedef {import('./member-value.js').ApiRecord} ApiRecord */

/** @type {Record<string, string>} */
const FITTED = {
  bgnbd: 'Fitted model (BG/NBD)',
  mbgnbd: 'Fitted model (modified BG/NBD)',
};

/**
 * @param {unknown} years
 * @returns {string}
 */
function yearsText(years) {
  return `${count(years)} ${Number(years) === 1 ? 'year' : 'years'}`;
}

/**
 * The seeds' formula in words, average order × orders a year × years left = revenue, beside
 * the fitted model's expected margin (GET /api/v1/members/:id/value, `simpleFormula`).
 * @param {ApiRecord} value
 * @returns {HTMLElement | null}
 */
export function simpleFormulaCard(value) {
  const spend = value.components.spend;
  if (spend.method === 'none') return null;
  const formula = value.simpleFormula;
  const options = {
    id: 'simple-formula',
    description: 'The classic lifetime-value formula, next to the fitted prediction.',
  };
  if (!formula)
    return card(
      'Simple formula',
      options,
      emptyState('Not computed for this value yet.', 'It appears after the next recompute.'),
    );
  const currency = value.currency;
  const fitted = FITTED[spend.method];
  const discountRate = value.coefficients?.annualDiscountRate;
  return card(
    'Simple formula',
    options,
    h(
      'p',
      { class: 'formula-equation', id: 'simple-formula-equation' },
      h('strong', {}, money(formula.averageOrderValue, currency)),
      ' average order × ',
      h('strong', {}, count(formula.ordersPerYear)),
      ' repeat orders a year × ',
      h('strong', {}, yearsText(formula.relationshipYears)),
      ' left = ',
      h('strong', {}, money(formula.revenue, currency)),
      ' of future revenue',
    ),
    h(
      'dl',
      { class: 'facts' },
      h(
        'div',
        {},
        h('dt', {}, 'Simple formula (margin)'),
        h('dd', { id: 'simple-formula-value' }, money(formula.value, currency)),
      ),
      h(
        'div',
        {},
        h('dt', {}, fitted ?? 'Prediction in use'),
        h('dd', { id: 'simple-formula-fitted' }, money(spend.predicted, currency)),
      ),
    ),
    h(
      'p',
      { class: 'muted small' },
      formula.relationshipBasis === 'measured'
        ? "Years left: how long the brand's customers keep buying, measured from its own history, less the time since this member's first order."
        : 'Years left: the configured lifespan, until enough customers have stopped buying to measure it.',
      ` As margin: ${percent(formula.marginRate, 0)} of the revenue${typeof discountRate === 'number' ? `, discounted by ${percent(discountRate, 0)} a year` : ''}.`,
      fitted ? '' : ' Too few repeat buyers for a fitted model: this is the prediction in use.',
    ),
  );
}
