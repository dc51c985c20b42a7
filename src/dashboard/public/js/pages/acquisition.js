// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import {
  addDays,
  addMonths,
  count,
  date,
  humanize,
  isoDay,
  money,
  ratio,
  toNumber,
} from '../format.js';
import { barList } from '../charts.js';
import { card, emptyState, errorState, field, kpi, loading, pageHeader } from '../ui.js';
import { periodForm } from './period.js';

/**
 * GET /api/v1/metrics/acquisition (amounts are decimal strings in `currency`).
 * @typedef {{
 *   acquired: number,
 *   spend: string,
 *   cac: string | null,
 *   ltv: string | null,
 *   ltvToCac: number | null,
 *   valuedMembers: number,
 * }} UnitEconomics
 * @typedef {UnitEconomics & { channel: string }} ChannelMetrics
 * @typedef {UnitEconomics & {
 *   id: string,
 *   name: string,
 *   channel: string,
 *   startsAt: string,
 *   endsAt: string,
 *   prospects: number,
 *   totalSpend: string,
 *   convertedProspects: number,
 *   convertedProspectsValue: string,
 *   prospectLifetimeValue: string | null,
 * }} CampaignMetrics
 * @typedef {{
 *   from: string,
 *   to: string,
 *   currency: string,
 *   channels: ChannelMetrics[],
 *   campaigns: CampaignMetrics[],
 * }} AcquisitionMetrics
 * @typedef {import('../dom.js').Child} Child
 */

/**
 * @param {string} caption
 * @param {{ label: string, numeric?: boolean }[]} columns
 * @param {Child[][]} rows the first cell of a row heads it
 */
function table(caption, columns, rows) {
  return h(
    'div',
    { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption },
    h(
      'table',
      { class: 'data' },
      h('caption', { class: 'visually-hidden' }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((column) =>
            h('th', { scope: 'col', class: column.numeric ? 'num' : undefined }, column.label),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            {},
            row.map((cell, index) =>
              index === 0
                ? h('th', { scope: 'row' }, cell)
                : h('td', { class: columns[index].numeric ? 'num' : undefined }, cell),
            ),
          ),
        ),
      ),
    ),
  );
}

/** @param {number | null} value */
function ratioCell(value) {
  const number = toNumber(value);
  if (number === null) return '—';
  return h(
    'span',
    { class: number >= 3 ? 'ratio good' : number >= 1 ? 'ratio ok' : 'ratio bad' },
    ratio(number),
  );
}

/** @param {ChannelMetrics[]} channels */
function totals(channels) {
  const acquired = channels.reduce((sum, row) => sum + row.acquired, 0);
  const spend = channels.reduce((sum, row) => sum + (toNumber(row.spend) ?? 0), 0);
  return { acquired, spend, cac: acquired ? spend / acquired : null };
}

/**
 * @param {AcquisitionMetrics} metrics
 * @returns {HTMLElement[]}
 */
function renderMetrics(metrics) {
  const currency = metrics.currency;
  const { acquired, spend, cac } = totals(metrics.channels);
  const community = metrics.channels.find((row) => row.channel === 'community');
  const channelRows = metrics.channels.map((row) => [
    humanize(row.channel),
    count(row.acquired),
    money(row.spend, currency),
    money(row.cac, currency),
    money(row.ltv, currency),
    ratioCell(row.ltvToCac),
  ]);
  const campaignRows = metrics.campaigns.map((row) => [
    row.name,
    humanize(row.channel),
    `${date(row.startsAt)} – ${date(row.endsAt)}`,
    count(row.prospects),
    money(row.totalSpend, currency),
    count(row.convertedProspects),
    money(row.convertedProspectsValue, currency),
    money(row.prospectLifetimeValue, currency),
    ratioCell(row.ltvToCac),
  ]);
  const withRatio = metrics.channels.filter((row) => row.ltvToCac !== null);
  return [
    h(
      'div',
      { class: 'kpi-row' },
      kpi('Members acquired', count(acquired), {
        note: `${date(metrics.from)} – ${date(addDays(isoDay(metrics.to), -1))}`,
      }),
      kpi('Acquisition spend', money(spend, currency), {
        note: 'campaigns, referral rewards, events',
      }),
      kpi('Blended CAC', money(cac, currency), { note: 'spend per member acquired' }),
      kpi('Community LTV/CAC', community ? ratio(community.ltvToCac) : '—', {
        note: 'referrals, events and community content',
        className: 'kpi-hero',
      }),
    ),
    h(
      'div',
      { class: 'grid split' },
      card(
        'LTV/CAC by channel',
        {
          id: 'ltv-cac',
          description:
            'Mean spend value of the members a channel brought, per unit of what it cost. Above 3× is healthy.',
        },
        withRatio.length
          ? barList(
              withRatio.map((row) => ({
                label: humanize(row.channel),
                value: row.ltvToCac,
                display: ratio(row.ltvToCac),
                color: row.channel === 'community' ? '#0f766e' : '#4338ca',
                hint: `CAC ${money(row.cac, currency)}`,
              })),
              { label: 'LTV/CAC by channel' },
            )
          : emptyState('No channel has both a cost and valued members in this period.'),
      ),
      card(
        'Channels',
        { id: 'channels', description: 'Members acquired in the period, each counted once.' },
        metrics.channels.length
          ? table(
              'Acquisition by channel',
              [
                { label: 'Channel' },
                { label: 'Acquired', numeric: true },
                { label: 'Spend', numeric: true },
                { label: 'CAC', numeric: true },
                { label: 'LTV', numeric: true },
                { label: 'LTV/CAC', numeric: true },
              ],
              channelRows,
            )
          : emptyState('Nobody was acquired in this period.'),
      ),
    ),
    card(
      'Campaigns',
      {
        id: 'campaigns',
        description:
          'Prospect lifetime value: (value of converted prospects − the whole campaign spend) / prospects reached.',
      },
      metrics.campaigns.length
        ? table(
            'Campaigns',
            [
              { label: 'Campaign' },
              { label: 'Channel' },
              { label: 'Runs' },
              { label: 'Prospects', numeric: true },
              { label: 'Spend', numeric: true },
              { label: 'Converted', numeric: true },
              { label: 'Their value', numeric: true },
              { label: 'Prospect LTV', numeric: true },
              { label: 'LTV/CAC', numeric: true },
            ],
            campaignRows,
          )
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
  );
  await load(period);
}
