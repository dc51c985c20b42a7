// @ts-check
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    bgnbd: 'BG/NBD',
    mbgnbd: 'Modified BG/NBD',
    simple: 'Simple formula',
  },
  it: {
    bgnbd: 'BG/NBD',
    mbgnbd: 'BG/NBD modificato',
    simple: 'Formula semplice',
  },
});

/**
 * The fitted parameters turned into figures a marketer reads (GET /api/v1/model): pure
 * arithmetic, so that the page and its tests agree on every number.
 * @typedef {{ r: number, alpha: number, a: number, b: number }} RepeatBuyingFit
 * @typedef {{ p: number, q: number, gamma: number | null }} SpendFit
 */

export const DAYS_A_YEAR = 365.25;

/**
 * Mean purchase rate of customers while they keep buying: the Gamma(r, alpha) mixing
 * distribution's mean r/alpha per time unit, as orders a year.
 * @param {RepeatBuyingFit} fit
 * @param {string} [timeUnit] 'days' or 'weeks'
 * @returns {number}
 */
export function ordersPerYear(fit, timeUnit = 'days') {
  const unitsAYear = timeUnit === 'weeks' ? DAYS_A_YEAR / 7 : DAYS_A_YEAR;
  return (fit.r / fit.alpha) * unitsAYear;
}

/**
 * Mean chance that a customer stops buying after a purchase: the Beta(a, b) mean a/(a+b).
 * @param {RepeatBuyingFit} fit
 * @returns {number}
 */
export function dropOutChance(fit) {
  return fit.a / (fit.a + fit.b);
}

/**
 * Gamma-Gamma's mean of customers' average order values, p·γ/(q−1); none for q ≤ 1.
 * @param {SpendFit} fit
 * @returns {number | null}
 */
export function meanOrderValue(fit) {
  if (fit.gamma === null || !(fit.q > 1)) return null;
  return (fit.p * fit.gamma) / (fit.q - 1);
}

/**
 * The spread of customers' average order values: the standard deviation of p/ν with
 * ν ~ Gamma(q, γ), p·γ / ((q−1)·√(q−2)); infinite (none) for q ≤ 2.
 * @param {SpendFit} fit
 * @returns {number | null}
 */
export function orderValueSpread(fit) {
  if (fit.gamma === null || !(fit.q > 2)) return null;
  return (fit.p * fit.gamma) / ((fit.q - 1) * Math.sqrt(fit.q - 2));
}

/** @type {Record<string, string>} */
export const MODEL_NAMES = {
  get bgnbd() {
    return t('bgnbd');
  },
  get mbgnbd() {
    return t('mbgnbd');
  },
  get simple() {
    return t('simple');
  },
};

/**
 * "1 year" / "2.5 years".
 * @param {number} value
 * @param {string} one
 * @param {string} many
 * @param {(value: number) => string} format
 * @returns {string}
 */
export function plural(value, one, many, format) {
  return `${format(value)} ${value === 1 ? one : many}`;
}
