// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import { addDays, addMonths, count, date, isoDay, money, ratio } from '../format.js';
import { channelName } from '../words.js';
import { barList } from '../charts.js';
import { card, emptyState, errorState, field, kpi, loading, pageHeader } from '../ui.js';
import { periodForm } from './period.js';
import { campaignsTable, channelsTable, measuresTable } from './acquisition-tables.js';
import { productValueSection } from './acquisition-products.js';
import { referralTreesSection } from './acquisition-referral-trees.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    and: '{list} and {last}',
    ltvCacTitle: 'LTV/CAC by channel',
    ltvCacDescription:
      'Mean spend value (margin) of the members a channel brought whose cost is known, per unit of what they cost. Target: {target} or more.',
    hint: 'CAC {cac} · LTV {ltv}',
    noChannel: 'No channel has both a known cost and valued members in this period.',
    noRatio: 'No ratio for {channels}: what acquiring their members cost is unknown.',
    membersAcquired: 'Members acquired',
    costKnownFor: '{period} · cost known for {count}',
    spend: 'Acquisition spend',
    spendNote: 'spent in the period: campaigns, referral rewards, events',
    cac: 'CAC',
    unknown: 'unknown',
    cacNote: 'mean cost of the {count} members whose cost is known',
    communityRatio: 'Community LTV/CAC',
    communityNote: 'referral rewards and event costs',
    channels: 'Channels',
    channelsDescription:
      "Members acquired in the period, each counted once. A campaign's CAC is its whole spend over all the members it acquired; a referral costs its reward, an event guest the event's cost over its guests. Members who came by a channel label alone (organic, unattributed) have no known cost. Max CAC: LTV ÷ {ratio}.",
    nobody: 'Nobody was acquired in this period.',
    whatTheyBuy: 'What their customers buy',
    measuresDescription:
      'Net revenue to date of the members acquired in the period. Repeat orders a year lean on the brand’s rate for recent customers. Relationship: first to last order of customers who stopped buying, brand-wide where a channel has too few.',
    campaigns: 'Campaigns',
    campaignsDescription:
      'CAC: the whole campaign spend over every member it acquired. Prospect lifetime value: (value of converted prospects − the whole campaign spend) / prospects reached.',
    noCampaigns: 'No campaigns in this period.',
    recordCampaigns:
      'Record campaigns under /api/v1/campaigns to see their CAC and prospect lifetime value.',
    theMetrics: 'acquisition metrics',
    title: 'Acquisition',
    subtitle: 'What each channel and campaign costs, and what the people it brings are worth.',
  },
  it: {
    and: '{list} e {last}',
    ltvCacTitle: 'LTV/CAC per canale',
    ltvCacDescription:
      'Valore medio della spesa (margine) dei membri portati da un canale il cui costo è noto, per unità di costo. Obiettivo: {target} o più.',
    hint: 'CAC {cac} · LTV {ltv}',
    noChannel: 'Nessun canale ha sia un costo noto sia membri con un valore in questo periodo.',
    noRatio:
      'Nessun rapporto per {channels}: il costo di acquisizione dei loro membri è sconosciuto.',
    membersAcquired: 'Membri acquisiti',
    costKnownFor: '{period} · costo noto per {count}',
    spend: 'Spesa di acquisizione',
    spendNote: 'spesa nel periodo: campagne, premi per le segnalazioni, eventi',
    cac: 'CAC',
    unknown: 'sconosciuto',
    cacNote: 'costo medio dei {count} membri il cui costo è noto',
    communityRatio: 'LTV/CAC della community',
    communityNote: 'premi per le segnalazioni e costi degli eventi',
    channels: 'Canali',
    channelsDescription:
      "Membri acquisiti nel periodo, ciascuno contato una volta. Il CAC di una campagna è la sua spesa totale divisa per tutti i membri che ha acquisito; una segnalazione costa il suo premio, un ospite a un evento il costo dell'evento diviso per i suoi ospiti. I membri arrivati con la sola etichetta di un canale (organico, non attribuito) non hanno un costo noto. CAC massimo: LTV ÷ {ratio}.",
    nobody: 'Nessun membro acquisito in questo periodo.',
    whatTheyBuy: 'Cosa acquistano i loro clienti',
    measuresDescription:
      'Ricavi netti a oggi dei membri acquisiti nel periodo. I riacquisti l’anno si basano sul tasso del marchio per i clienti recenti. Rapporto: dal primo all’ultimo ordine dei clienti che hanno smesso di acquistare, media del marchio dove un canale ne ha troppo pochi.',
    campaigns: 'Campagne',
    campaignsDescription:
      'CAC: la spesa totale della campagna divisa per tutti i membri che ha acquisito. Valore nel tempo per potenziale cliente: (valore dei potenziali clienti convertiti − la spesa totale della campagna) / potenziali clienti raggiunti.',
    noCampaigns: 'Nessuna campagna in questo periodo.',
    recordCampaigns:
      'Registra le campagne in /api/v1/campaigns per vederne il CAC e il valore per potenziale cliente.',
    theMetrics: 'le metriche di acquisizione',
    title: 'Acquisizione',
    subtitle: 'Quanto costa ogni canale e campagna, e quanto valgono le persone che porta.',
  },
});

/**
 * @typedef {import('./acquisition-tables.js').AcquisitionMetrics} AcquisitionMetrics
 * @typedef {import('./acquisition-tables.js').ChannelMetrics} ChannelMetrics
 */

/** @param {string[]} names */
function listed(names) {
  if (names.length <= 1) return names.join('');
  return t('and', { list: names.slice(0, -1).join(', '), last: names[names.length - 1] });
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
    .map((row) => channelName(row.channel));
  return card(
    t('ltvCacTitle'),
    {
      id: 'ltv-cac',
      description: t('ltvCacDescription', { target: ratio(target) }),
    },
    withRatio.length
      ? barList(
          withRatio.map((row) => ({
            label: channelName(row.channel),
            value: row.ltvToCac,
            display: ratio(row.ltvToCac),
            color: row.channel === 'community' ? '#0f766e' : '#4338ca',
            hint: t('hint', {
              cac: money(row.cac, currency),
              ltv: money(row.ltvWithKnownCost, currency),
            }),
          })),
          { label: t('ltvCacTitle') },
        )
      : emptyState(t('noChannel')),
    withoutCost.length
      ? h('p', { class: 'chart-note' }, t('noRatio', { channels: listed(withoutCost) }))
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
      kpi(t('membersAcquired'), count(overall.acquired), {
        note: t('costKnownFor', { period, count: count(overall.membersWithKnownCost) }),
      }),
      kpi(t('spend'), money(overall.spendInWindow, currency), {
        note: t('spendNote'),
      }),
      kpi(t('cac'), overall.cac === null ? t('unknown') : money(overall.cac, currency), {
        note: t('cacNote', { count: count(overall.membersWithKnownCost) }),
      }),
      kpi(
        t('communityRatio'),
        community && community.ltvToCac !== null ? ratio(community.ltvToCac) : '—',
        { note: t('communityNote'), className: 'kpi-hero' },
      ),
    ),
    ratioChart(metrics),
    card(
      t('channels'),
      {
        id: 'channels',
        description: t('channelsDescription', { ratio: ratio(metrics.targetLtvCacRatio) }),
      },
      metrics.channels.length ? channelsTable(metrics) : emptyState(t('nobody')),
    ),
    card(
      t('whatTheyBuy'),
      {
        id: 'measures',
        description: t('measuresDescription'),
      },
      metrics.channels.length ? measuresTable(metrics) : emptyState(t('nobody')),
    ),
    card(
      t('campaigns'),
      {
        id: 'campaigns',
        description: t('campaignsDescription'),
      },
      metrics.campaigns.length
        ? campaignsTable(metrics)
        : emptyState(t('noCampaigns'), t('recordCampaigns')),
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
      results.replaceChildren(errorState(error, t('theMetrics')));
    }
  };
  container.append(
    pageHeader(t('title'), {
      subtitle: t('subtitle'),
    }),
    periodForm(period, (next) => void load(next), { field }),
    results,
    productValueSection(),
    referralTreesSection(),
  );
  await load(period);
}
