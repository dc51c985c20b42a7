// @ts-check
import { h } from '../dom.js';
import { count, date, money, percent } from '../format.js';
import { badge, card } from '../ui.js';
import {
  MODEL_NAMES,
  dropOutChance,
  meanOrderValue,
  orderValueSpread,
  ordersPerYear,
} from './model-words.js';

/**
 * GET /api/v1/model, as far as this page reads it.
 * @typedef {{
 *   r: number, alpha: number, a: number, b: number,
 *   logLikelihood?: number | null, converged?: boolean, holdoutError?: number | null,
 * }} RepeatBuyingFit
 * @typedef {{
 *   method: string,
 *   reason: string | null,
 *   timeUnit: string,
 *   bgnbd: RepeatBuyingFit | null,
 *   modifiedBgnbd: RepeatBuyingFit | null,
 *   spendModel: {
 *     chosen: string, reason: string | null, pinned: boolean, decidedAt: string | null,
 *     holdout: { days: number, calibrationEnd: string, until: string, customers: number,
 *       repeatBuyers: number } | null,
 *     meanAbsoluteError: { bgnbd: number | null, mbgnbd: number | null, simple: number | null },
 *   },
 *   gammaGamma: { p: number, q: number, gamma: number | null, logLikelihood?: number,
 *     converged?: boolean } | null,
 *   data: { customers: number, repeatBuyers: number },
 *   calibration: { platform: string, conversionPerReach: number, source: string,
 *     attributedOrders: number, reach: number }[],
 *   simpleFormula: import('./model-simple.js').BrandSimpleFormula | null,
 *   fittedAt: string,
 *   asOf: string,
 * }} Model
 */

/** One decimal is what "about" can promise. */
const about = (/** @type {number} */ value) => count(Math.round(value * 10) / 10);

/**
 * @param {string} id
 * @param {string} label
 * @param {import('../dom.js').Child} value
 * @param {import('../dom.js').Child} [note]
 */
function fact(id, label, value, note) {
  return h(
    'div',
    {},
    h('dt', {}, label),
    h('dd', { id }, value),
    note ? h('dd', { class: 'fact-note' }, note) : null,
  );
}

/**
 * One repeat-buying model's fit in words.
 * @param {'bgnbd' | 'mbgnbd'} method
 * @param {RepeatBuyingFit | null} fit
 * @param {Model} model
 * @returns {HTMLElement}
 */
function fitPanel(method, fit, model) {
  const inUse = model.spendModel.chosen === method;
  const id = `model-fit-${method}`;
  const heading = h(
    'h3',
    { class: 'fit-title' },
    MODEL_NAMES[method],
    ' ',
    inUse ? badge('In use', 'good') : null,
  );
  if (!fit)
    return h(
      'article',
      { class: 'fit-panel', id },
      heading,
      h('p', { class: 'muted' }, 'Not fitted: too few repeat buyers to fit it on.'),
    );
  const stops =
    method === 'mbgnbd' ? 'after any purchase, the first one included' : 'after each repeat order';
  return h(
    'article',
    { class: inUse ? 'fit-panel in-use' : 'fit-panel', id },
    heading,
    h(
      'dl',
      { class: 'facts' },
      fact(
        `${id}-rate`,
        'Typical purchase rate',
        `about ${about(ordersPerYear(fit, model.timeUnit))} orders a year`,
        'for a typical customer, while they keep buying',
      ),
      fact(`${id}-dropout`, 'Chance of stopping', percent(dropOutChance(fit)), stops),
      fact(
        `${id}-error`,
        'Holdout error',
        fit.holdoutError === null || fit.holdoutError === undefined
          ? 'not measured'
          : `${count(fit.holdoutError)} orders`,
        'per customer, on the days held out',
      ),
      fact(
        `${id}-likelihood`,
        'Log-likelihood',
        typeof fit.logLikelihood === 'number' ? count(Math.round(fit.logLikelihood)) : '—',
        'higher fits the history better',
      ),
    ),
    fit.converged === false
      ? h('p', { class: 'chart-note' }, 'The fit did not converge: read its figures with care.')
      : null,
    h(
      'p',
      { class: 'fit-params muted small' },
      `r ${count(fit.r)}, α ${count(fit.alpha)} (${model.timeUnit}), a ${count(fit.a)}, b ${count(fit.b)}`,
    ),
  );
}

/**
 * Which model values members, and why.
 * @param {Model} model
 * @returns {HTMLElement}
 */
function choiceText(model) {
  const { spendModel } = model;
  const holdout = spendModel.holdout;
  return h(
    'div',
    { class: 'model-choice', id: 'model-choice' },
    h(
      'p',
      {},
      h('strong', { id: 'model-in-use' }, MODEL_NAMES[spendModel.chosen] ?? spendModel.chosen),
      ' values your members',
      spendModel.reason ? h('span', { id: 'model-choice-reason' }, `: ${spendModel.reason}.`) : '.',
    ),
    h(
      'p',
      { class: 'muted small', id: 'model-choice-when' },
      spendModel.pinned
        ? 'Pinned in the settings (value.spendModel): Halo does not compare the models.'
        : spendModel.decidedAt
          ? `Chosen on ${date(spendModel.decidedAt)}, reused for a week; Halo compares the models again after that.`
          : 'Chosen before Halo compared models on a holdout.',
      holdout
        ? ` Compared on ${count(holdout.customers)} customers (${count(holdout.repeatBuyers)} repeat buyers) over the ${count(holdout.days)} days to ${date(holdout.until)}.`
        : '',
    ),
  );
}

/**
 * Gamma-Gamma: what a customer spends per order.
 * @param {Model} model
 * @param {string} currency
 * @returns {HTMLElement}
 */
function spendPanel(model, currency) {
  const fit = model.gammaGamma;
  if (!fit)
    return h(
      'article',
      { class: 'fit-panel', id: 'model-fit-gamma-gamma' },
      h('h3', { class: 'fit-title' }, 'Spend per order (Gamma-Gamma)'),
      h('p', { class: 'muted' }, 'Not fitted: too few repeat buyers to fit it on.'),
    );
  const mean = meanOrderValue(fit);
  const spread = orderValueSpread(fit);
  return h(
    'article',
    { class: 'fit-panel', id: 'model-fit-gamma-gamma' },
    h('h3', { class: 'fit-title' }, 'Spend per order (Gamma-Gamma)'),
    h(
      'dl',
      { class: 'facts' },
      fact(
        'model-aov',
        'Average order value',
        mean === null ? 'too spread to state' : money(mean, currency),
        "the mean of customers' average orders",
      ),
      fact(
        'model-aov-spread',
        'Spread',
        spread === null ? 'too wide to state' : `± ${money(spread, currency)}`,
        "standard deviation of customers' average orders",
      ),
    ),
    h(
      'p',
      { class: 'fit-params muted small' },
      `p ${count(fit.p)}, q ${count(fit.q)}, γ ${count(fit.gamma)} (${currency})`,
    ),
  );
}

/**
 * The fits and the choice between them, in words.
 * @param {Model} model
 * @param {string} currency
 * @returns {HTMLElement}
 */
export function fitsCard(model, currency) {
  return card(
    'How Halo predicts',
    {
      id: 'model-fits',
      description: `Two models of repeat buying are fitted on every customer's history to ${date(model.asOf)} (${count(model.data.customers)} customers, ${count(model.data.repeatBuyers)} bought again); the one that predicted the held-out days better values members.`,
    },
    model.method === 'simple'
      ? h(
          'div',
          { class: 'callout', id: 'model-simple-reason' },
          h('strong', {}, 'The simple formula values your members'),
          model.reason ? `: ${model.reason}.` : '.',
          ' It is shown further down; the fitted figures appear once enough customers have bought again.',
        )
      : choiceText(model),
    h(
      'div',
      { class: 'fit-grid' },
      fitPanel('bgnbd', model.bgnbd, model),
      fitPanel('mbgnbd', model.modifiedBgnbd, model),
      spendPanel(model, currency),
    ),
  );
}
