// @ts-check
import { barList } from '../charts.js';
import { h } from '../dom.js';
import { count, percent } from '../format.js';
import { word } from '../words.js';
import { card, changeBadge, emptyState, kpi } from '../ui.js';
import { retentionTable } from './overview-retention.js';
import { periodLabel, spark, trend } from './overview-trend.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    pts: '{points} pts',
    fromNone: '{delta} from none',
    noInteractions: 'No interactions in this period.',
    byType: 'Interactions by type',
    vsBefore: '{delta} vs before',
    asBefore: 'as before',
    comparedWith: 'Compared with {period}.',
    onlyTagged: 'Only members tagged “{tag}”.',
    onlyPlatform: 'Mentions and reviews on {platform} only.',
    vsPrevious: 'vs previous period',
    reach: 'Reach',
    viaCommunity: 'New via community',
    activeMembers: 'Active members',
    repeatRate: 'Repeat purchase rate',
    reachTitle: 'Reach and awareness',
    reachDescription: 'Mentions of the brand, how many people saw them, and how they felt.',
    mentions: 'Mentions',
    people: 'People mentioning',
    positive: 'Positive sentiment',
    reachPerPeriod: 'Reach per period',
    acquisitionTitle: 'New customers through the community',
    acquisitionDescription:
      'First orders a referral, an event invitation or community content brought; each customer counts once.',
    allNew: 'All new customers',
    viaReferral: 'Via referral',
    viaEvents: 'Via events',
    viaContent: 'Via content',
    viaCommunityShort: 'Via community',
    newPerPeriod: 'New customers per period',
    activityTitle: 'Activity',
    activityDescription: 'Members who did anything, orders included, and what they did.',
    activePerPeriod: 'Active members per period',
    purchasesTitle: 'Purchase behaviour',
    purchasesDescription:
      'Whether customers come back: of those who ordered, how many ordered again.',
    customers: 'Customers',
    orders: 'Orders',
    ordersPerCustomer: 'Orders per customer',
    ordersPerPeriod: 'Orders per period',
    retentionTitle: 'Retention of monthly cohorts',
    retentionDescription:
      'Of the customers whose first order fell in a month, the share who ordered again in each later month.',
  },
  it: {
    pts: '{points} punti',
    fromNone: '{delta} da zero',
    noInteractions: 'Nessuna interazione in questo periodo.',
    byType: 'Interazioni per tipo',
    vsBefore: '{delta} rispetto a prima',
    asBefore: 'come prima',
    comparedWith: 'Confronto con {period}.',
    onlyTagged: 'Solo i membri con il tag “{tag}”.',
    onlyPlatform: 'Solo menzioni e recensioni su {platform}.',
    vsPrevious: 'rispetto al periodo precedente',
    reach: 'Portata',
    viaCommunity: 'Nuovi dalla community',
    activeMembers: 'Membri attivi',
    repeatRate: 'Tasso di riacquisto',
    reachTitle: 'Portata e notorietà',
    reachDescription:
      'Le menzioni del marchio, quante persone le hanno viste e con quale sentiment.',
    mentions: 'Menzioni',
    people: 'Persone che citano il marchio',
    positive: 'Sentiment positivo',
    reachPerPeriod: 'Portata per periodo',
    acquisitionTitle: 'Nuovi clienti dalla community',
    acquisitionDescription:
      'Primi ordini portati da una segnalazione, da un invito a un evento o da contenuti della community; ogni cliente conta una volta.',
    allNew: 'Tutti i nuovi clienti',
    viaReferral: 'Da segnalazione',
    viaEvents: 'Da eventi',
    viaContent: 'Da contenuti',
    viaCommunityShort: 'Dalla community',
    newPerPeriod: 'Nuovi clienti per periodo',
    activityTitle: 'Attività',
    activityDescription: 'I membri che hanno fatto qualcosa, ordini compresi, e cosa hanno fatto.',
    activePerPeriod: 'Membri attivi per periodo',
    purchasesTitle: 'Comportamento di acquisto',
    purchasesDescription:
      'Se i clienti tornano: di chi ha ordinato, quanti hanno ordinato di nuovo.',
    customers: 'Clienti',
    orders: 'Ordini',
    ordersPerCustomer: 'Ordini per cliente',
    ordersPerPeriod: 'Ordini per periodo',
    retentionTitle: 'Fidelizzazione per coorti mensili',
    retentionDescription:
      'Dei clienti con il primo ordine in un certo mese, la quota che ha ordinato di nuovo in ciascuno dei mesi successivi.',
  },
});

/**
 * @typedef {import('./overview-trend.js').CommunityMetrics} CommunityMetrics
 * @typedef {import('./overview-trend.js').Total} Total
 * @typedef {(value: any) => string} Format
 * @typedef {{ kind?: 'count' | 'rate', suffix?: string, spark?: HTMLElement | null, className?: string }} FigureOptions
 */

const COLORS = {
  reach: '#4338ca',
  acquisition: '#0f766e',
  activity: '#7c3aed',
  purchases: '#c2410c',
  other: '#64748b',
};

/** @param {number | null} value */
const small = (value) => count(value, { compact: Math.abs(value ?? 0) >= 10000 });
/** @param {number | null} value */
const rate = (value) => (value === null ? '—' : percent(value, 0));
/** @param {number} value */
const signed = (value) => `${value > 0 ? '+' : '−'}${small(Math.abs(value))}`;

/**
 * The change of one figure against the previous window: counts in percent of before (and the
 * difference), shares in percentage points; a start from zero says so rather than "+∞ %".
 */
/**
 * @param {Total} total
 * @param {string} group
 * @param {string} name
 * @param {FigureOptions} [options]
 */
function change(total, group, name, { kind = 'count', suffix = '' } = {}) {
  const now = total.values[group][name];
  const before = total.previous[group][name];
  const delta = total.change[group][name];
  if (delta === null || delta === undefined) return changeBadge(null, '', { suffix });
  if (kind === 'rate') {
    const points = count(Math.round(Math.abs(delta) * 1000) / 10);
    return changeBadge(delta, t('pts', { points }), { suffix });
  }
  if (!before)
    return changeBadge(now ? delta : 0, t('fromNone', { delta: signed(delta) }), { suffix });
  return changeBadge(delta, `${percent(Math.abs(delta) / before, 0)} (${signed(delta)})`, {
    suffix,
  });
}

/**
 * A KPI whose figure tests can find: data-measure names the API's field.
 * @param {Total} total
 * @param {string} group
 * @param {string} name
 * @param {string} label
 * @param {Format} format
 * @param {FigureOptions} [options]
 */
function figure(total, group, name, label, format, options = {}) {
  const element = kpi(label, format(total.values[group][name]), {
    change: change(total, group, name, options),
    spark: options.spark,
    className: options.className,
  });
  element.dataset.measure = `${group}.${name}`;
  return element;
}

/**
 * @param {{
 *   id: string,
 *   title: string,
 *   description: string,
 *   kpis: HTMLElement[],
 *   chart: HTMLElement[],
 *   extra?: import('../dom.js').Child,
 * }} measure
 */
function measureCard({ id, title, description, kpis, chart, extra }) {
  return card(
    title,
    { id, description, className: 'measure' },
    h('div', { class: 'measure-kpis' }, kpis),
    chart,
    extra ?? null,
  );
}

/** @param {Total} total */
function interactionsList(total) {
  /** @type {Record<string, number>} */
  const interactions = total.values.activity.interactions;
  /** @type {Record<string, number>} */
  const before = total.previous.activity.interactions;
  const rows = Object.keys(interactions)
    .filter((type) => interactions[type] > 0 || before[type] > 0)
    .sort((left, right) => interactions[right] - interactions[left]);
  if (!rows.length) return emptyState(t('noInteractions'));
  return h(
    'div',
    { class: 'stack' },
    h('h3', { class: 'subheading' }, t('byType')),
    barList(
      rows.map((type) => {
        const delta = total.change.activity.interactions[type];
        return {
          label: word(type),
          value: interactions[type],
          display: count(interactions[type]),
          color: COLORS.activity,
          hint: delta ? t('vsBefore', { delta: signed(delta) }) : t('asBefore'),
          dataset: { interaction: type },
        };
      }),
      { label: t('byType') },
    ),
  );
}

/**
 * What the measures cover: the period compared with, and the filters in force.
 * @param {CommunityMetrics} metrics
 */
function scope(metrics) {
  const parts = [
    t('comparedWith', {
      period: periodLabel(metrics.total.previousStart, metrics.total.previousEnd),
    }),
  ];
  if (metrics.tag) parts.push(t('onlyTagged', { tag: metrics.tag }));
  if (metrics.platform) parts.push(t('onlyPlatform', { platform: metrics.platform }));
  return h('p', { class: 'muted small', id: 'measures-scope' }, parts.join(' '));
}

/**
 * The four measures of the source articles, each against the previous period.
 * @param {CommunityMetrics} metrics
 * @returns {HTMLElement[]}
 */
export function measureCards(metrics) {
  const { total } = metrics;
  /**
   * @param {string} group
   * @param {string} name
   * @param {string} label
   * @param {Format} format
   * @param {string} color
   * @param {FigureOptions} [options]
   */
  const hero = (group, name, label, format, color, options = {}) =>
    figure(total, group, name, label, format, {
      ...options,
      suffix: t('vsPrevious'),
      spark: spark(metrics, group, name, color, label),
    });
  /**
   * @param {string} group
   * @param {string} name
   * @param {string} label
   * @param {Format} format
   * @param {FigureOptions} [options]
   */
  const compact = (group, name, label, format, options) =>
    figure(total, group, name, label, format, options);
  return [
    scope(metrics),
    h(
      'div',
      { class: 'kpi-row', id: 'headline' },
      hero('reach', 'totalReach', t('reach'), small, '#ffffff', { className: 'kpi-hero' }),
      hero('acquisition', 'community', t('viaCommunity'), count, COLORS.acquisition),
      hero('activity', 'activeMembers', t('activeMembers'), count, COLORS.activity),
      hero('purchases', 'repeatPurchaseRate', t('repeatRate'), rate, COLORS.purchases, {
        kind: 'rate',
      }),
    ),
    h(
      'div',
      { class: 'grid two' },
      measureCard({
        id: 'reach',
        title: t('reachTitle'),
        description: t('reachDescription'),
        kpis: [
          compact('reach', 'mentions', t('mentions'), count),
          compact('reach', 'uniquePeople', t('people'), count),
          compact('reach', 'positiveShare', t('positive'), rate, { kind: 'rate' }),
        ],
        chart: trend(
          metrics,
          'reach',
          [['totalReach', t('reach'), COLORS.reach]],
          small,
          t('reachPerPeriod'),
        ),
      }),
      measureCard({
        id: 'acquisition',
        title: t('acquisitionTitle'),
        description: t('acquisitionDescription'),
        kpis: [
          compact('acquisition', 'newCustomers', t('allNew'), count),
          compact('acquisition', 'viaReferral', t('viaReferral'), count),
          compact('acquisition', 'viaEventGuest', t('viaEvents'), count),
          compact('acquisition', 'viaContent', t('viaContent'), count),
        ],
        chart: trend(
          metrics,
          'acquisition',
          [
            ['community', t('viaCommunityShort'), COLORS.acquisition],
            ['newCustomers', t('allNew'), COLORS.other, true],
          ],
          count,
          t('newPerPeriod'),
        ),
      }),
      measureCard({
        id: 'activity',
        title: t('activityTitle'),
        description: t('activityDescription'),
        kpis: [compact('activity', 'activeMembers', t('activeMembers'), count)],
        chart: trend(
          metrics,
          'activity',
          [['activeMembers', t('activeMembers'), COLORS.activity]],
          count,
          t('activePerPeriod'),
        ),
        extra: interactionsList(total),
      }),
      measureCard({
        id: 'purchases',
        title: t('purchasesTitle'),
        description: t('purchasesDescription'),
        kpis: [
          compact('purchases', 'customers', t('customers'), count),
          compact('purchases', 'orders', t('orders'), count),
          compact('purchases', 'repeatPurchaseRate', t('repeatRate'), rate, {
            kind: 'rate',
          }),
          compact('purchases', 'ordersPerCustomer', t('ordersPerCustomer'), (value) =>
            value === null ? '—' : count(value),
          ),
        ],
        chart: trend(
          metrics,
          'purchases',
          [
            ['orders', t('orders'), COLORS.purchases],
            ['customers', t('customers'), COLORS.other, true],
          ],
          count,
          t('ordersPerPeriod'),
        ),
      }),
    ),
    card(
      t('retentionTitle'),
      {
        id: 'retention',
        description: t('retentionDescription'),
      },
      retentionTable(metrics.retention ?? [], metrics.to),
    ),
  ];
}
