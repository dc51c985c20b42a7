// @ts-check
import { h } from '../dom.js';
import { count, money, percent } from '../format.js';
import { card, emptyState } from '../ui.js';
import { metricsTable } from './acquisition-tables.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    description:
      'The classic lifetime value: average order value × orders a year × how long customers keep buying.',
    title: 'The simple formula',
    notComputed: 'Not computed for this recompute.',
    afterRecompute: 'It appears after the next recompute.',
    year: 'year',
    years: 'years',
    averageOrder: ' average order × ',
    repeatOrders: ' repeat orders a year × ',
    perCustomer: ' of revenue per customer',
    over: 'Over {count} customers. The relationship length is ',
    measured: "measured from the brand's own history ({count} customers have stopped buying).",
    configured:
      'the configured lifespan: only {count} customers have stopped buying, {needed} are needed to measure it.',
    asMargin:
      ' As margin ({rate}), discounted month by month, a customer starting today is worth {amount}.',
    inUse: ' This is how Halo values members now.',
    forComparison:
      ' Halo values members with the fitted model; the formula is shown for comparison.',
    conversion: 'Conversion per reach',
    conversionDescription:
      'What share of the people a post reaches buy, by platform: calibrated where enough orders were attributed to posts, otherwise the configured rate. It values content with no attributed orders.',
    conversionCaption: 'Conversion per reach by platform',
    platform: 'Platform',
    rateUsed: 'Rate used',
    basis: 'Basis',
    attributed: 'Attributed orders',
    reach: 'Reach',
    calibrated: 'calibrated',
    assumed: 'assumed (config)',
    noPlatform: 'No platform has content yet.',
  },
  it: {
    description:
      'Il classico valore nel tempo: valore medio degli ordini × ordini l’anno × per quanto tempo i clienti continuano ad acquistare.',
    title: 'La formula semplice',
    notComputed: 'Non calcolata per questo ricalcolo.',
    afterRecompute: 'Compare dopo il prossimo ricalcolo.',
    year: 'anno',
    years: 'anni',
    averageOrder: ' ordine medio × ',
    repeatOrders: ' riacquisti l’anno × ',
    perCustomer: ' di ricavi per cliente',
    over: 'Su {count} clienti. La durata del rapporto è ',
    measured: 'misurata sullo storico del marchio ({count} clienti hanno smesso di acquistare).',
    configured:
      'la durata configurata: solo {count} clienti hanno smesso di acquistare, ne servono {needed} per misurarla.',
    asMargin:
      ' Come margine ({rate}), scontato mese per mese, un cliente che inizia oggi vale {amount}.',
    inUse: ' È così che Halo stima oggi il valore dei membri.',
    forComparison:
      ' Halo stima il valore dei membri con il modello stimato; la formula è mostrata per confronto.',
    conversion: 'Conversione per portata',
    conversionDescription:
      'Quale quota delle persone raggiunte da un post acquista, per piattaforma: calibrata dove abbastanza ordini sono stati attribuiti ai post, altrimenti il tasso configurato. Serve a dare valore ai contenuti senza ordini attribuiti.',
    conversionCaption: 'Conversione per portata per piattaforma',
    platform: 'Piattaforma',
    rateUsed: 'Tasso usato',
    basis: 'Base',
    attributed: 'Ordini attribuiti',
    reach: 'Portata',
    calibrated: 'calibrato',
    assumed: 'ipotizzato (configurazione)',
    noPlatform: 'Nessuna piattaforma ha ancora contenuti.',
  },
});

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
    description: t('description'),
  };
  if (!formula) return card(t('title'), options, emptyState(t('notComputed'), t('afterRecompute')));
  const years = `${count(formula.relationshipYears)} ${formula.relationshipYears === 1 ? t('year') : t('years')}`;
  return card(
    t('title'),
    options,
    h(
      'p',
      { class: 'formula-equation', id: 'model-simple-equation' },
      h('strong', {}, money(formula.averageOrderValue, currency)),
      t('averageOrder'),
      h('strong', {}, count(formula.ordersPerYear)),
      t('repeatOrders'),
      h('strong', {}, years),
      ' = ',
      h('strong', {}, money(formula.simpleLtv, currency)),
      t('perCustomer'),
    ),
    h(
      'p',
      { class: 'chart-note', id: 'model-simple-words' },
      t('over', { count: count(formula.customers) }),
      formula.relationshipBasis === 'measured'
        ? t('measured', { count: count(formula.lapsedCustomers) })
        : t('configured', {
            count: count(formula.lapsedCustomers),
            needed: count(formula.minLapsedCustomers),
          }),
      t('asMargin', {
        rate: percent(formula.marginRate, 0),
        amount: money(formula.simpleLtvMargin, currency),
      }),
      inUse ? t('inUse') : t('forComparison'),
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
    t('conversion'),
    {
      id: 'model-conversion',
      description: t('conversionDescription'),
    },
    calibration.length
      ? metricsTable(
          t('conversionCaption'),
          [
            { label: t('platform') },
            { label: t('rateUsed'), numeric: true },
            { label: t('basis') },
            { label: t('attributed'), numeric: true },
            { label: t('reach'), numeric: true },
          ],
          calibration.map((row) => [
            row.platform,
            percent(row.conversionPerReach, 3),
            row.source === 'calibrated' ? t('calibrated') : t('assumed'),
            count(row.attributedOrders),
            count(row.reach),
          ]),
        )
      : emptyState(t('noPlatform')),
  );
}
