// @ts-check
import { h } from '../dom.js';
import { count, money, percent } from '../format.js';
import { card, emptyState } from '../ui.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    bgnbd: 'Fitted model (BG/NBD)',
    mbgnbd: 'Fitted model (modified BG/NBD)',
    year: 'year',
    years: 'years',
    description: 'The classic lifetime-value formula, next to the fitted prediction.',
    title: 'Simple formula',
    notComputed: 'Not computed for this value yet.',
    afterRecompute: 'It appears after the next recompute.',
    averageOrder: ' average order × ',
    repeatOrders: ' repeat orders a year × ',
    left: ' left = ',
    futureRevenue: ' of future revenue',
    margin: 'Simple formula (margin)',
    inUse: 'Prediction in use',
    measured:
      "Years left: how long the brand's customers keep buying, measured from its own history, less the time since this member's first order.",
    configured:
      'Years left: the configured lifespan, until enough customers have stopped buying to measure it.',
    asMargin: ' As margin: {rate} of the revenue.',
    asMarginDiscounted: ' As margin: {rate} of the revenue, discounted by {discount} a year.',
    tooFew: ' Too few repeat buyers for a fitted model: this is the prediction in use.',
  },
  it: {
    bgnbd: 'Modello stimato (BG/NBD)',
    mbgnbd: 'Modello stimato (BG/NBD modificato)',
    year: 'anno',
    years: 'anni',
    description:
      'La classica formula del valore nel tempo, accanto alla previsione del modello stimato.',
    title: 'Formula semplice',
    notComputed: 'Non ancora calcolata per questo valore.',
    afterRecompute: 'Compare dopo il prossimo ricalcolo.',
    averageOrder: ' ordine medio × ',
    repeatOrders: ' riacquisti l’anno × ',
    left: ' rimanenti = ',
    futureRevenue: ' di ricavi futuri',
    margin: 'Formula semplice (margine)',
    inUse: 'Previsione in uso',
    measured:
      'Anni rimanenti: per quanto tempo i clienti del marchio continuano ad acquistare, misurato sul suo storico, meno il tempo trascorso dal primo ordine di questo membro.',
    configured:
      'Anni rimanenti: la durata configurata, finché non ci saranno abbastanza clienti che hanno smesso di acquistare per misurarla.',
    asMargin: ' Come margine: {rate} dei ricavi.',
    asMarginDiscounted: ' Come margine: {rate} dei ricavi, scontato del {discount} l’anno.',
    tooFew:
      ' Troppo pochi clienti che riacquistano per un modello stimato: questa è la previsione in uso.',
  },
});

/** @typedef {import('./member-value.js').ApiRecord} ApiRecord */

/** @param {string} method */
const fittedName = (method) =>
  method === 'bgnbd' ? t('bgnbd') : method === 'mbgnbd' ? t('mbgnbd') : undefined;

/**
 * @param {unknown} years
 * @returns {string}
 */
function yearsText(years) {
  return `${count(years)} ${Number(years) === 1 ? t('year') : t('years')}`;
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
    description: t('description'),
  };
  if (!formula) return card(t('title'), options, emptyState(t('notComputed'), t('afterRecompute')));
  const currency = value.currency;
  const fitted = fittedName(spend.method);
  const discountRate = value.coefficients?.annualDiscountRate;
  return card(
    t('title'),
    options,
    h(
      'p',
      { class: 'formula-equation', id: 'simple-formula-equation' },
      h('strong', {}, money(formula.averageOrderValue, currency)),
      t('averageOrder'),
      h('strong', {}, count(formula.ordersPerYear)),
      t('repeatOrders'),
      h('strong', {}, yearsText(formula.relationshipYears)),
      t('left'),
      h('strong', {}, money(formula.revenue, currency)),
      t('futureRevenue'),
    ),
    h(
      'dl',
      { class: 'facts' },
      h(
        'div',
        {},
        h('dt', {}, t('margin')),
        h('dd', { id: 'simple-formula-value' }, money(formula.value, currency)),
      ),
      h(
        'div',
        {},
        h('dt', {}, fitted ?? t('inUse')),
        h('dd', { id: 'simple-formula-fitted' }, money(spend.predicted, currency)),
      ),
    ),
    h(
      'p',
      { class: 'muted small' },
      formula.relationshipBasis === 'measured' ? t('measured') : t('configured'),
      typeof discountRate === 'number'
        ? t('asMarginDiscounted', {
            rate: percent(formula.marginRate, 0),
            discount: percent(discountRate, 0),
          })
        : t('asMargin', { rate: percent(formula.marginRate, 0) }),
      fitted ? '' : t('tooFew'),
    ),
  );
}
