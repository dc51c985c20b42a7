// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import { addDays, addMonths, count, date, humanize, isoDay, money, ratio } from '../format.js';
import { barList } from '../charts.js';
import { card, emptyState, errorState, field, kpi, loading, pageHeader } from '../ui.js';
import { periodForm } from './period.js';
import { campaignsTable, channelsTable, measuresTable } from './acquisition-tables.js';
import { productValueSection } from './acquisition-products.js';
import { referralTreesSection } from './acquisition-referral-trees.js';

/**
 * @typedef {import('./acquisition-tables.js').AcquisitionMetrics} AcquisitionMetrics
 * @typedef {import('./acquisition-tables.js').ChannelMetrics} ChannelMetrics
 */

/** @param {string[]} names */
function listed(names) {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * @param {AcquisitionMetrics} metrics
 * @returns {HTMLElement}
 */
function ratioChart(metrics) {
  const { currency, targetLtvCacRatio: target } = metrics;
  const withRatio = metrics.channels.filter((row) => row.ltvToCac !== null);
  const withoutCost = metrics.channels
    .filter((row) => row.acquired > 0 && !row.costKnown)
    .map((row) => humanize(row.channel));
  return card(
    'LTV/CAC by channel',
    {
      id: 'ltv-cac',
      description: `Mean spend value (margin) of the members a channel brought whose cost is known, per unit of what they cost. Target: ${ratio(target)} or more.`,
    },
    withRatio.length
      ? barList(
          withRatio.map((row) => ({
            label: humanize(row.channel),
            value: row.ltvToCac,
            display: ratio(row.ltvToCac),
            color: row.channel === 'community' ? '#0f766e' : '#4338ca',
            hint: `CAC ${money(row.cac, currency)} · LTV ${money(row.ltvWithKnownCost, currency)}`,
          })),
          { label: 'LTV/CAC by channel' },
        )
      : emptyState('No channel has both a known cost and valued members in this period.'),
    withoutCost.length
      ? h(
          'p',
          { class: 'chart-note' },
          `No ratio for ${listed(withoutCost)}: what acquiring their members cost is unknown.`,
        )
      : null,
  );
}

/**
 * @param {AcquisitionMetrics} metrics
 * @returns {HTMLElement[]}
 */
function renderMetrics(metrics) {
  const { currency, overall } = metrics;
  const community = metrics.channels.find((row) => row.channel === 'community');
  const period = `${date(metrics.from)} – ${date(addDays(isoDay(metrics.to), -1))}`;
  return [
    h(
      'div',
      { class: 'kpi-row' },
      kpi('Members acquired', count(overall.acquired), {
        note: `${period} · cost known for ${count(overall.membersWithKnownCost)}`,
      }),
      kpi('Acquisition spend', money(overall.spendInWindow, currency), {
        note: 'spent in the period: campaigns, referral rewards, events',
      }),
      kpi('CAC', overall.cac === null ? 'unknown' : money(overall.cac, currency), {
        note: `mean cost of the ${count(overall.membersWithKnownCost)} members whose cost is known`,
      }),
      kpi(
        'Community LTV/CAC',
        community && community.ltvToCac !== null ? ratio(community.ltvToCac) : '—',
        { note: 'referral rewards and event costs', className: 'kpi-hero' },
      ),
    ),
    ratioChart(metrics),
    card(
      'Channels',
      {
        id: 'channels',
        description: `Members acquired in the period, each counted once. A campaign's CAC is its whole spend over all the members it acquired; a referral costs its reward, an event guest the event's cost over its guests. Members who came by a channel label alone (organic, unattributed) have no known cost. Max CAC: LTV ÷ ${ratio(metrics.targetLtvCacRatio)}.`,
      },
      metrics.channels.length
        ? channelsTable(metrics)
        : emptyState('Nobody was acquired in this period.'),
    ),
    card(
      'What their customers buy',
      {
        id: 'measures',
        description:
          'Net revenue to date of the members acquired in the period. Repeat orders a year lean on the brand’s rate for recent customers. Relationship: first to last order of customers who stopped buying, brand-wide where a channel has too few.',
      },
      metrics.channels.length
        ? measuresTable(metrics)
        : emptyState('Nobody was acquired in this period.'),
    ),
    card(
      'Campaigns',
      {
        id: 'campaigns',
        description:
          'CAC: the whole campaign spend over every member it acquired. Prospect lifetime value: (value of converted prospects − the whole campaign spend) / prospects reached.',
      },
      metrics.campaigns.length
        ? campaignsTable(metrics)
        : emptyState(
            'No campaigns in this period.',
            'Record campaigns under /api/v1/campaigns to see their CAC and prospect lifetime value.',
          ),
    ),
  ];
}

/** @type {import('../app.js').Page['render']} */
export async function render(container, { params }) {
  const today = isoDay(Date.now());
  const period = {
    from: params.get('from') ?? addMonths(today, -12),
    to: params.get('to') ?? addDays(today, 1),
  };
  const results = h('div', { class: 'stack' });
  /** @param {import('./period.js').Period} next */
  const load = async (next) => {
    window.history.replaceState(null, '', `#/acquisition?from=${next.from}&to=${next.to}`);
    results.replaceChildren(loading());
    try {
      results.replaceChildren(...renderMetrics(await get('/api/v1/metrics/acquisition', next)));
    } catch (error) {
      results.replaceChildren(errorState(error, 'acquisition metrics'));
    }
  };
  container.append(
    pageHeader('Acquisition', {
      subtitle: 'What each channel and campaign costs, and what the people it brings are worth.',
    }),
    periodForm(period, (next) => void load(next), { field }),
    results,
    productValueSection(),
    referralTreesSection(),
  );
  await load(period);
}
