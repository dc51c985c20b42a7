// @ts-check
import { barList, dataTable, lineChart, stackedBar } from '../charts.js';
import { h } from '../dom.js';
import { count, date, money, percent, toNumber } from '../format.js';
import { badge, card, emptyState } from '../ui.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    spendRealized: 'Spend · realized',
    spendPredicted: 'Spend · predicted',
    referral: 'Referral',
    influenceMeasured: 'Influence · measured',
    influenceModeled: 'Influence · modeled',
    knowledge: 'Knowledge',
    measured: 'measured',
    modeled: 'modeled',
    m_bgnbd: 'BG/NBD and Gamma-Gamma, fitted on all purchase histories',
    m_mbgnbd:
      'Modified BG/NBD and Gamma-Gamma (drop-out possible after the first order too), fitted on all purchase histories',
    m_simple: 'Simple formula (too few repeat buyers for a fitted model yet)',
    m_none: 'No purchases yet',
    madeOf: 'What the value is made of',
    breakdownDescription:
      'Extended lifetime value as of {date}. Measured parts come from recorded purchases; modeled parts from reach and the repeat-buying model.',
    extended: 'Extended value',
    stackLabel: 'Extended value {amount}: {parts}',
    components: 'Value components',
    pAlive: 'P(alive)',
    expected: 'Expected purchases',
    predicted: 'Predicted margin',
    influenceByPlatform: 'Influence by platform',
    influenceDescription: 'Measured from attributed orders, modeled from reach.',
    measuredAmount: '{amount} measured',
    why: 'Why',
    noDriver: 'No single record stands out yet.',
    whyValue: 'Why this value',
    driversDescription: 'The records that contributed most.',
    c_spend: 'spend',
    c_referral: 'referral',
    c_influence: 'influence',
    c_knowledge: 'knowledge',
    overTime: 'Value over time',
    oneSnapshot: 'One snapshot so far.',
    noSnapshots: 'No snapshots yet.',
    eachRecompute: 'Each recompute adds a dated snapshot; the trend appears from the second one.',
    onePoint: 'One point per recompute.',
    extendedOverTime: 'Extended value over time',
    spend: 'Spend',
    snapshots: 'Value snapshots',
    asOf: 'As of',
    extendedShort: 'Extended',
    influence: 'Influence',
  },
  it: {
    spendRealized: 'Spesa · realizzata',
    spendPredicted: 'Spesa · prevista',
    referral: 'Segnalazioni',
    influenceMeasured: 'Influenza · misurata',
    influenceModeled: 'Influenza · stimata',
    knowledge: 'Conoscenza',
    measured: 'misurato',
    modeled: 'stimato',
    m_bgnbd: 'BG/NBD e Gamma-Gamma, stimati su tutti gli storici di acquisto',
    m_mbgnbd:
      'BG/NBD modificato e Gamma-Gamma (abbandono possibile anche dopo il primo ordine), stimati su tutti gli storici di acquisto',
    m_simple:
      'Formula semplice (ancora troppo pochi clienti che riacquistano per un modello stimato)',
    m_none: 'Ancora nessun acquisto',
    madeOf: 'Da cosa è composto il valore',
    breakdownDescription:
      'Valore esteso nel tempo al {date}. Le parti misurate vengono dagli acquisti registrati; quelle stimate dalla portata e dal modello di riacquisto.',
    extended: 'Valore esteso',
    stackLabel: 'Valore esteso {amount}: {parts}',
    components: 'Componenti del valore',
    pAlive: 'P(attivo)',
    expected: 'Acquisti attesi',
    predicted: 'Margine previsto',
    influenceByPlatform: 'Influenza per piattaforma',
    influenceDescription: 'Misurata dagli ordini attribuiti, stimata dalla portata.',
    measuredAmount: '{amount} misurati',
    why: 'Motivo',
    noDriver: 'Ancora nessun singolo record spicca.',
    whyValue: 'Perché questo valore',
    driversDescription: 'I record che hanno contribuito di più.',
    c_spend: 'spesa',
    c_referral: 'segnalazioni',
    c_influence: 'influenza',
    c_knowledge: 'conoscenza',
    overTime: 'Valore nel tempo',
    oneSnapshot: 'Finora una sola istantanea.',
    noSnapshots: 'Ancora nessuna istantanea.',
    eachRecompute:
      "Ogni ricalcolo aggiunge un'istantanea datata; l'andamento compare dalla seconda.",
    onePoint: 'Un punto per ricalcolo.',
    extendedOverTime: 'Valore esteso nel tempo',
    spend: 'Spesa',
    snapshots: 'Istantanee del valore',
    asOf: 'Al',
    extendedShort: 'Esteso',
    influence: 'Influenza',
  },
});

/** The parts of the extended value, in the order a marketer reads them. */
/**
 * API records as the member page reads them. The page reads them defensively (older servers
 * named some fields differently), so they are typed as open records.
 * @typedef {Record<string, any>} ApiRecord
 */

/** @type {{ key: string, readonly label: string, basis: 'measured' | 'modeled', color: string, pick: (components: ApiRecord) => unknown }[]} */
export const VALUE_PARTS = [
  {
    key: 'spendRealized',
    get label() {
      return t('spendRealized');
    },
    basis: 'measured',
    color: '#4338ca',
    pick: (c) => c.spend.realized,
  },
  {
    key: 'spendPredicted',
    get label() {
      return t('spendPredicted');
    },
    basis: 'modeled',
    color: '#a5b4fc',
    pick: (c) => c.spend.predicted,
  },
  {
    key: 'referral',
    get label() {
      return t('referral');
    },
    basis: 'measured',
    color: '#0f766e',
    pick: (c) => c.referral.value,
  },
  {
    key: 'influenceMeasured',
    get label() {
      return t('influenceMeasured');
    },
    basis: 'measured',
    color: '#c2410c',
    pick: (c) => c.influence.measured,
  },
  {
    key: 'influenceModeled',
    get label() {
      return t('influenceModeled');
    },
    basis: 'modeled',
    color: '#fdba74',
    pick: (c) => c.influence.modeled,
  },
  {
    key: 'knowledge',
    get label() {
      return t('knowledge');
    },
    basis: 'measured',
    color: '#be185d',
    pick: (c) => c.knowledge.value,
  },
];

/**
 * A word of the API's (a method, a component, a basis) in the current language, else as sent.
 * @param {string} prefix
 * @param {unknown} value
 */
function known(prefix, value) {
  const key = /** @type {Parameters<typeof t>[0]} */ (`${prefix}${value}`);
  return key in t.catalog.en ? t(key) : String(value ?? '');
}

/** @param {ApiRecord} value GET /api/v1/members/:id/value */
export function valueBreakdown(value) {
  const currency = value.currency;
  const parts = VALUE_PARTS.map((part) => {
    const amount = part.pick(value.components);
    return { ...part, amount, value: toNumber(amount) ?? 0, display: money(amount, currency) };
  });
  return card(
    t('madeOf'),
    {
      id: 'breakdown',
      description: t('breakdownDescription', { date: date(value.asOf) }),
    },
    h(
      'p',
      { class: 'breakdown-total', dataset: { amount: value.extendedValue } },
      h('span', { class: 'breakdown-total-label' }, t('extended')),
      h('span', { class: 'breakdown-total-value' }, money(value.extendedValue, currency)),
    ),
    stackedBar(parts, {
      label: t('stackLabel', {
        amount: money(value.extendedValue, currency),
        parts: parts.map((part) => `${part.label} ${part.display}`).join(', '),
      }),
    }),
    barList(
      parts.map((part) => ({
        label: part.label,
        value: part.value,
        display: part.display,
        color: part.color,
        swatch: true,
        hint: t(part.basis),
        dataset: { component: part.key, amount: part.amount },
      })),
      { label: t('components') },
    ),
  );
}

/** @param {ApiRecord} value */
export function modelFacts(value) {
  const spend = value.components.spend;
  return [
    h(
      'dl',
      { class: 'facts' },
      h(
        'div',
        {},
        h('dt', {}, t('pAlive')),
        h('dd', { id: 'p-alive' }, spend.pAlive === null ? '—' : percent(spend.pAlive, 0)),
      ),
      h(
        'div',
        {},
        h('dt', {}, t('expected')),
        h('dd', {}, spend.expectedPurchases === null ? '—' : count(spend.expectedPurchases)),
      ),
      h(
        'div',
        {},
        h('dt', {}, t('predicted')),
        h('dd', {}, money(spend.predicted, value.currency)),
      ),
    ),
    h('p', { class: 'muted small' }, known('m_', spend.method), '.'),
  ];
}

/** @param {ApiRecord} value */
export function influenceChannels(value) {
  const channels = Object.entries(value.components.influence.byChannel ?? {});
  if (!channels.length) return null;
  return card(
    t('influenceByPlatform'),
    {
      id: 'influence-channels',
      description: t('influenceDescription'),
    },
    barList(
      channels.map(([name, figures]) => {
        const total = (toNumber(figures.measured) ?? 0) + (toNumber(figures.modeled) ?? 0);
        return {
          label: name,
          value: total,
          color: '#c2410c',
          display: money(total, value.currency),
          hint: t('measuredAmount', { amount: money(figures.measured, value.currency) }),
        };
      }),
      { label: t('influenceByPlatform') },
    ),
  );
}

/**
 * The drivers in words, as the API writes them (names, never ids).
 * @param {ApiRecord} value
 */
export function drivers(value) {
  if (!value.drivers?.length) return card(t('why'), { id: 'drivers' }, emptyState(t('noDriver')));
  return card(
    t('whyValue'),
    { id: 'drivers', description: t('driversDescription') },
    h(
      'ol',
      { class: 'drivers' },
      value.drivers.map((/** @type {ApiRecord} */ driver) =>
        h(
          'li',
          {},
          h('span', { class: 'driver-label' }, driver.label),
          h(
            'span',
            { class: 'driver-meta' },
            badge(known('c_', driver.component), `component-${driver.component}`),
            ' ',
            badge(known('', driver.basis), driver.basis === 'modeled' ? 'muted' : 'info'),
          ),
          h('span', { class: 'driver-amount num' }, money(driver.amount, value.currency)),
        ),
      ),
    ),
  );
}

/**
 * @param {ApiRecord} history GET /api/v1/members/:id/value/history
 * @param {string} currency
 */
export function valueHistory(history, currency) {
  /** @type {ApiRecord[]} */
  const points = history.items ?? [];
  if (points.length < 2) {
    return card(
      t('overTime'),
      { id: 'history' },
      emptyState(points.length ? t('oneSnapshot') : t('noSnapshots'), t('eachRecompute')),
    );
  }
  const labels = points.map((point) => date(point.asOfDate, { withYear: true }));
  /** @param {number} number */
  const format = (number) => money(number, currency, { compact: true });
  return card(
    t('overTime'),
    { id: 'history', description: t('onePoint') },
    lineChart({
      label: t('extendedOverTime'),
      labels,
      format,
      series: [
        {
          name: t('extended'),
          color: '#4338ca',
          values: points.map((point) => toNumber(point.extendedValue)),
        },
        {
          name: t('spend'),
          color: '#0f766e',
          dashed: true,
          values: points.map((point) => toNumber(point.spend)),
        },
      ],
    }),
    dataTable(
      t('snapshots'),
      [t('asOf'), t('extendedShort'), t('spend'), t('referral'), t('influence'), t('knowledge')],
      points.map((point) => [
        date(point.asOfDate),
        ...['extendedValue', 'spend', 'referral', 'influence', 'knowledge'].map((key) =>
          money(point[key], currency),
        ),
      ]),
    ),
  );
}
