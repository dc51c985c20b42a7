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
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    inUse: 'In use',
    notFitted: 'Not fitted: too few repeat buyers to fit it on.',
    stopsModified: 'after any purchase, the first one included',
    stopsEach: 'after each repeat order',
    rate: 'Typical purchase rate',
    rateValue: 'about {count} orders a year',
    rateNote: 'for a typical customer, while they keep buying',
    stopping: 'Chance of stopping',
    holdoutError: 'Holdout error',
    notMeasured: 'not measured',
    orders: '{count} orders',
    errorNote: 'per customer, on the days held out',
    likelihood: 'Log-likelihood',
    likelihoodNote: 'higher fits the history better',
    notConverged: 'The fit did not converge: read its figures with care.',
    values: ' values your members',
    pinned: 'Pinned in the settings (value.spendModel): Halo does not compare the models.',
    chosenOn: 'Chosen on {date}, reused for a week; Halo compares the models again after that.',
    chosenBefore: 'Chosen before Halo compared models on a holdout.',
    comparedOn:
      ' Compared on {customers} customers ({repeat} repeat buyers) over the {days} days to {date}.',
    gammaGamma: 'Spend per order (Gamma-Gamma)',
    aov: 'Average order value',
    tooSpread: 'too spread to state',
    aovNote: "the mean of customers' average orders",
    spread: 'Spread',
    tooWide: 'too wide to state',
    spreadNote: "standard deviation of customers' average orders",
    title: 'How Halo predicts',
    description:
      "Two models of repeat buying are fitted on every customer's history to {date} ({customers} customers, {repeat} bought again); the one that predicted the held-out days better values members.",
    simpleValues: 'The simple formula values your members',
    simpleLater:
      ' It is shown further down; the fitted figures appear once enough customers have bought again.',
  },
  it: {
    inUse: 'In uso',
    notFitted: 'Non stimato: troppo pochi clienti che riacquistano.',
    stopsModified: 'dopo qualsiasi acquisto, compreso il primo',
    stopsEach: 'dopo ogni riacquisto',
    rate: 'Frequenza di acquisto tipica',
    rateValue: 'circa {count} ordini l’anno',
    rateNote: 'per un cliente tipico, finché continua ad acquistare',
    stopping: 'Probabilità di abbandono',
    holdoutError: 'Errore sul periodo di verifica',
    notMeasured: 'non misurato',
    orders: '{count} ordini',
    errorNote: 'per cliente, sui giorni tenuti da parte',
    likelihood: 'Log-verosimiglianza',
    likelihoodNote: 'più alta, più aderisce allo storico',
    notConverged: 'La stima non è arrivata a convergenza: leggi questi valori con cautela.',
    values: ' stima il valore dei tuoi membri',
    pinned: 'Fissato nelle impostazioni (value.spendModel): Halo non confronta i modelli.',
    chosenOn: 'Scelto il {date}, riusato per una settimana; poi Halo confronta di nuovo i modelli.',
    chosenBefore: 'Scelto prima che Halo confrontasse i modelli su un periodo di verifica.',
    comparedOn:
      ' Confronto su {customers} clienti ({repeat} che hanno riacquistato) nei {days} giorni fino al {date}.',
    gammaGamma: 'Spesa per ordine (Gamma-Gamma)',
    aov: 'Valore medio degli ordini',
    tooSpread: 'troppo disperso per indicarlo',
    aovNote: 'la media degli ordini medi dei clienti',
    spread: 'Dispersione',
    tooWide: 'troppo ampia per indicarla',
    spreadNote: 'deviazione standard degli ordini medi dei clienti',
    title: 'Come prevede Halo',
    description:
      'Due modelli di riacquisto sono stimati sullo storico di ogni cliente fino al {date} ({customers} clienti, {repeat} hanno riacquistato); quello che ha previsto meglio i giorni tenuti da parte stima il valore dei membri.',
    simpleValues: 'La formula semplice stima il valore dei tuoi membri',
    simpleLater:
      ' È riportata più in basso; i valori del modello stimato compaiono quando abbastanza clienti avranno riacquistato.',
  },
});

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
    inUse ? badge(t('inUse'), 'good') : null,
  );
  if (!fit)
    return h(
      'article',
      { class: 'fit-panel', id },
      heading,
      h('p', { class: 'muted' }, t('notFitted')),
    );
  const stops = method === 'mbgnbd' ? t('stopsModified') : t('stopsEach');
  return h(
    'article',
    { class: inUse ? 'fit-panel in-use' : 'fit-panel', id },
    heading,
    h(
      'dl',
      { class: 'facts' },
      fact(
        `${id}-rate`,
        t('rate'),
        t('rateValue', { count: about(ordersPerYear(fit, model.timeUnit)) }),
        t('rateNote'),
      ),
      fact(`${id}-dropout`, t('stopping'), percent(dropOutChance(fit)), stops),
      fact(
        `${id}-error`,
        t('holdoutError'),
        fit.holdoutError === null || fit.holdoutError === undefined
          ? t('notMeasured')
          : t('orders', { count: count(fit.holdoutError) }),
        t('errorNote'),
      ),
      fact(
        `${id}-likelihood`,
        t('likelihood'),
        typeof fit.logLikelihood === 'number' ? count(Math.round(fit.logLikelihood)) : '—',
        t('likelihoodNote'),
      ),
    ),
    fit.converged === false ? h('p', { class: 'chart-note' }, t('notConverged')) : null,
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
      t('values'),
      spendModel.reason ? h('span', { id: 'model-choice-reason' }, `: ${spendModel.reason}.`) : '.',
    ),
    h(
      'p',
      { class: 'muted small', id: 'model-choice-when' },
      spendModel.pinned
        ? t('pinned')
        : spendModel.decidedAt
          ? t('chosenOn', { date: date(spendModel.decidedAt) })
          : t('chosenBefore'),
      holdout
        ? t('comparedOn', {
            customers: count(holdout.customers),
            repeat: count(holdout.repeatBuyers),
            days: count(holdout.days),
            date: date(holdout.until),
          })
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
      h('h3', { class: 'fit-title' }, t('gammaGamma')),
      h('p', { class: 'muted' }, t('notFitted')),
    );
  const mean = meanOrderValue(fit);
  const spread = orderValueSpread(fit);
  return h(
    'article',
    { class: 'fit-panel', id: 'model-fit-gamma-gamma' },
    h('h3', { class: 'fit-title' }, t('gammaGamma')),
    h(
      'dl',
      { class: 'facts' },
      fact(
        'model-aov',
        t('aov'),
        mean === null ? t('tooSpread') : money(mean, currency),
        t('aovNote'),
      ),
      fact(
        'model-aov-spread',
        t('spread'),
        spread === null ? t('tooWide') : `± ${money(spread, currency)}`,
        t('spreadNote'),
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
    t('title'),
    {
      id: 'model-fits',
      description: t('description', {
        date: date(model.asOf),
        customers: count(model.data.customers),
        repeat: count(model.data.repeatBuyers),
      }),
    },
    model.method === 'simple'
      ? h(
          'div',
          { class: 'callout', id: 'model-simple-reason' },
          h('strong', {}, t('simpleValues')),
          model.reason ? `: ${model.reason}.` : '.',
          t('simpleLater'),
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
