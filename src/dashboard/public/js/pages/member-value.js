// @ts-check
import { barList, dataTable, lineChart, stackedBar } from '../charts.js';
import { h } from '../dom.js';
import { count, date, money, percent, toNumber } from '../format.js';
import { badge, card, emptyState } from '../ui.js';

/** The parts of the extended value, in the order a marketer reads them. */
/**
 * API records as the member page reads them. The page reads them defensively (older servers
 * named some fields differently), so they are typed as open records.
 * @typedef {Record<string, any>} ApiRecord
 */

/** @type {{ key: string, label: string, basis: string, color: string, pick: (components: ApiRecord) => unknown }[]} */
export const VALUE_PARTS = [
  {
    key: 'spendRealized',
    label: 'Spend · realized',
    basis: 'measured',
    color: '#4338ca',
    pick: (c) => c.spend.realized,
  },
  {
    key: 'spendPredicted',
    label: 'Spend · predicted',
    basis: 'modeled',
    color: '#a5b4fc',
    pick: (c) => c.spend.predicted,
  },
  {
    key: 'referral',
    label: 'Referral',
    basis: 'measured',
    color: '#0f766e',
    pick: (c) => c.referral.value,
  },
  {
    key: 'influenceMeasured',
    label: 'Influence · measured',
    basis: 'measured',
    color: '#c2410c',
    pick: (c) => c.influence.measured,
  },
  {
    key: 'influenceModeled',
    label: 'Influence · modeled',
    basis: 'modeled',
    color: '#fdba74',
    pick: (c) => c.influence.modeled,
  },
  {
    key: 'knowledge',
    label: 'Knowledge',
    basis: 'measured',
    color: '#be185d',
    pick: (c) => c.knowledge.value,
  },
];

/** @type {Record<string, string>} */
const METHODS = {
  bgnbd: 'BG/NBD and Gamma-Gamma, fitted on all purchase histories',
  mbgnbd:
    'Modified BG/NBD and Gamma-Gamma (drop-out possible after the first order too), fitted on all purchase histories',
  simple: 'Simple formula (too few repeat buyers for a fitted model yet)',
  none: 'No purchases yet',
};

/** @param {ApiRecord} value GET /api/v1/members/:id/value */
export function valueBreakdown(value) {
  const currency = value.currency;
  const parts = VALUE_PARTS.map((part) => {
    const amount = part.pick(value.components);
    return { ...part, amount, value: toNumber(amount) ?? 0, display: money(amount, currency) };
  });
  return card(
    'What the value is made of',
    {
      id: 'breakdown',
      description: `Extended lifetime value as of ${date(value.asOf)}. Measured parts come from recorded purchases; modeled parts from reach and the repeat-buying model.`,
    },
    h(
      'p',
      { class: 'breakdown-total', dataset: { amount: value.extendedValue } },
      h('span', { class: 'breakdown-total-label' }, 'Extended value'),
      h('span', { class: 'breakdown-total-value' }, money(value.extendedValue, currency)),
    ),
    stackedBar(parts, {
      label: `Extended value ${money(value.extendedValue, currency)}: ${parts.map((part) => `${part.label} ${part.display}`).join(', ')}`,
    }),
    barList(
      parts.map((part) => ({
        label: part.label,
        value: part.value,
        display: part.display,
        color: part.color,
        swatch: true,
        hint: part.basis,
        dataset: { component: part.key, amount: part.amount },
      })),
      { label: 'Value components' },
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
        h('dt', {}, 'P(alive)'),
        h('dd', { id: 'p-alive' }, spend.pAlive === null ? '—' : percent(spend.pAlive, 0)),
      ),
      h(
        'div',
        {},
        h('dt', {}, 'Expected purchases'),
        h('dd', {}, spend.expectedPurchases === null ? '—' : count(spend.expectedPurchases)),
      ),
      h(
        'div',
        {},
        h('dt', {}, 'Predicted margin'),
        h('dd', {}, money(spend.predicted, value.currency)),
      ),
    ),
    h('p', { class: 'muted small' }, METHODS[spend.method] ?? spend.method, '.'),
  ];
}

/** @param {ApiRecord} value */
export function influenceChannels(value) {
  const channels = Object.entries(value.components.influence.byChannel ?? {});
  if (!channels.length) return null;
  return card(
    'Influence by platform',
    {
      id: 'influence-channels',
      description: 'Measured from attributed orders, modeled from reach.',
    },
    barList(
      channels.map(([name, figures]) => {
        const total = (toNumber(figures.measured) ?? 0) + (toNumber(figures.modeled) ?? 0);
        return {
          label: name,
          value: total,
          color: '#c2410c',
          display: money(total, value.currency),
          hint: `${money(figures.measured, value.currency)} measured`,
        };
      }),
      { label: 'Influence by platform' },
    ),
  );
}

/**
 * The drivers in words, as the API writes them (names, never ids).
 * @param {ApiRecord} value
 */
export function drivers(value) {
  if (!value.drivers?.length)
    return card('Why', { id: 'drivers' }, emptyState('No single record stands out yet.'));
  return card(
    'Why this value',
    { id: 'drivers', description: 'The records that contributed most.' },
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
            badge(driver.component, `component-${driver.component}`),
            ' ',
            badge(driver.basis, driver.basis === 'modeled' ? 'muted' : 'info'),
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
      'Value over time',
      { id: 'history' },
      emptyState(
        points.length ? 'One snapshot so far.' : 'No snapshots yet.',
        'Each recompute adds a dated snapshot; the trend appears from the second one.',
      ),
    );
  }
  const labels = points.map((point) => date(point.asOfDate, { withYear: true }));
  /** @param {number} number */
  const format = (number) => money(number, currency, { compact: true });
  return card(
    'Value over time',
    { id: 'history', description: 'One point per recompute.' },
    lineChart({
      label: 'Extended value over time',
      labels,
      format,
      series: [
        {
          name: 'Extended value',
          color: '#4338ca',
          values: points.map((point) => toNumber(point.extendedValue)),
        },
        {
          name: 'Spend',
          color: '#0f766e',
          dashed: true,
          values: points.map((point) => toNumber(point.spend)),
        },
      ],
    }),
    dataTable(
      'Value snapshots',
      ['As of', 'Extended', 'Spend', 'Referral', 'Influence', 'Knowledge'],
      points.map((point) => [
        date(point.asOfDate),
        ...['extendedValue', 'spend', 'referral', 'influence', 'knowledge'].map((key) =>
          money(point[key], currency),
        ),
      ]),
    ),
  );
}
