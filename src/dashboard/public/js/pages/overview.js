// @ts-check
import { get } from '../api.js';
import { announce, h } from '../dom.js';
import { addDays, isoDay } from '../format.js';
import { emptyState, errorState, field, loading, pageHeader } from '../ui.js';
import { measureCards } from './overview-measures.js';
import { periodForm } from './period.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    auto: 'Automatic',
    day: 'By day',
    week: 'By week',
    month: 'By month',
    egVip: 'e.g. vip',
    egInstagram: 'e.g. instagram',
    loadingMeasures: 'Loading the community measures',
    nothingRecorded: 'Nothing was recorded in this period, nor in the one before.',
    tryOther: 'Try another tag or platform, or clear the filters.',
    chooseLonger: 'Choose a longer period, or import purchases and community activity.',
    announceEmpty: 'No community activity in this period',
    announceUpdated: 'Community measures updated',
    tryAgain: 'Try again',
    theMeasures: 'the community measures',
    title: 'Community overview',
    subtitle:
      'Reach, new customers the community brought, activity and purchase behaviour, each against the period before.',
    formLabel: 'Choose the period and the members to measure',
    trendBy: 'Trend by',
    tag: 'Tag',
    platform: 'Platform ',
    platformNote: '(mentions, reviews)',
  },
  it: {
    auto: 'Automatico',
    day: 'Per giorno',
    week: 'Per settimana',
    month: 'Per mese',
    egVip: 'es. vip',
    egInstagram: 'es. instagram',
    loadingMeasures: 'Caricamento delle misure della community',
    nothingRecorded: 'Nessun dato registrato in questo periodo né in quello precedente.',
    tryOther: "Prova un altro tag o un'altra piattaforma, oppure togli i filtri.",
    chooseLonger:
      'Scegli un periodo più lungo, oppure importa acquisti e attività della community.',
    announceEmpty: 'Nessuna attività della community in questo periodo',
    announceUpdated: 'Misure della community aggiornate',
    tryAgain: 'Riprova',
    theMeasures: 'le misure della community',
    title: 'Panoramica della community',
    subtitle:
      'Portata, nuovi clienti portati dalla community, attività e comportamento di acquisto, ciascuno rispetto al periodo precedente.',
    formLabel: 'Scegli il periodo e i membri da misurare',
    trendBy: 'Andamento',
    tag: 'Tag',
    platform: 'Piattaforma ',
    platformNote: '(menzioni, recensioni)',
  },
});

/**
 * The overview's filters, kept in the address so that a view can be shared.
 * @typedef {{ from: string, to: string, interval: string, tag: string, platform: string }} State
 */

const INTERVALS = ['auto', 'day', 'week', 'month'];

/**
 * About 30 points on a chart: days for a month, weeks for a half-year, months beyond.
 * @param {string} from
 * @param {string} to
 */
function autoInterval(from, to) {
  const days = (new Date(to).getTime() - new Date(from).getTime()) / 86_400_000;
  return days <= 31 ? 'day' : days <= 200 ? 'week' : 'month';
}

/**
 * @param {URLSearchParams} params
 * @returns {State}
 */
function readState(params) {
  const today = isoDay(Date.now());
  const interval = params.get('interval');
  return {
    from: params.get('from') ?? addDays(today, -29),
    to: params.get('to') ?? addDays(today, 1),
    interval: interval !== null && INTERVALS.includes(interval) ? interval : 'auto',
    tag: params.get('tag') ?? '',
    platform: params.get('platform') ?? '',
  };
}

/** @param {State} state */
function hashFor(state) {
  const query = new URLSearchParams({ from: state.from, to: state.to });
  if (state.interval !== 'auto') query.set('interval', state.interval);
  if (state.tag) query.set('tag', state.tag);
  if (state.platform) query.set('platform', state.platform);
  return `#/overview?${query}`;
}

/**
 * Nothing measured now or before: zero cards would say less than a sentence.
 * @param {import('./overview-trend.js').Total} total
 */
function isEmpty({ values, previous }) {
  /** @param {import('./overview-trend.js').Measures} measures */
  const quiet = (measures) =>
    measures.reach.mentions === 0 &&
    measures.acquisition.newCustomers === 0 &&
    measures.activity.activeMembers === 0;
  return quiet(values) && quiet(previous);
}

/** Waits until the charts inserted now have drawn themselves (on their first resize). */
function nextPaint() {
  return new Promise((resolve) =>
    window.requestAnimationFrame(() => window.requestAnimationFrame(resolve)),
  );
}

/** @type {import('../app.js').Page['render']} */
export async function render(container, { params, isCurrent }) {
  const state = readState(params);
  // `data-state` (loading, ready, empty, error) tells tests and the bench when data is drawn.
  const results = h('div', { class: 'stack', id: 'measures', 'data-state': 'loading' });
  const intervalSelect = h(
    'select',
    { id: 'period-interval' },
    INTERVALS.map((value) =>
      h(
        'option',
        { value, selected: value === state.interval },
        t(/** @type {'auto' | 'day' | 'week' | 'month'} */ (value)),
      ),
    ),
  );
  const tagInput = h('input', {
    id: 'overview-tag',
    name: 'tag',
    value: state.tag,
    placeholder: t('egVip'),
    maxlength: 64,
    autocomplete: 'off',
    class: 'input-short',
  });
  const platformInput = h('input', {
    id: 'overview-platform',
    name: 'platform',
    value: state.platform,
    placeholder: t('egInstagram'),
    maxlength: 32,
    autocomplete: 'off',
    class: 'input-short',
  });
  let requests = 0;

  /** @param {Partial<State>} [next] */
  async function load(next = {}) {
    Object.assign(state, next, {
      interval: intervalSelect.value,
      tag: tagInput.value.trim(),
      platform: platformInput.value.trim(),
    });
    const request = ++requests;
    const current = () => request === requests && isCurrent();
    window.history.replaceState(null, '', hashFor(state));
    const interval =
      state.interval === 'auto' ? autoInterval(state.from, state.to) : state.interval;
    results.dataset.state = 'loading';
    results.setAttribute('aria-busy', 'true');
    results.replaceChildren(loading(t('loadingMeasures')));
    try {
      /** @type {import('./overview-trend.js').CommunityMetrics} */
      const metrics = await get('/api/v1/metrics/community', {
        from: state.from,
        to: state.to,
        interval,
        tag: state.tag,
        platform: state.platform,
      });
      if (!current()) return;
      const empty = isEmpty(metrics.total);
      results.replaceChildren(
        ...(empty
          ? [
              emptyState(
                t('nothingRecorded'),
                state.tag || state.platform ? t('tryOther') : t('chooseLonger'),
              ),
            ]
          : measureCards(metrics)),
      );
      await nextPaint();
      if (!current()) return;
      results.dataset.state = empty ? 'empty' : 'ready';
      announce(empty ? t('announceEmpty') : t('announceUpdated'));
    } catch (error) {
      if (!current()) return;
      const retry = h('button', { type: 'button', class: 'button button-quiet' }, t('tryAgain'));
      retry.addEventListener('click', () => void load());
      results.replaceChildren(errorState(error, t('theMeasures')), retry);
      results.dataset.state = 'error';
    } finally {
      if (current()) results.removeAttribute('aria-busy');
    }
  }

  container.append(
    pageHeader(t('title'), { subtitle: t('subtitle') }),
    periodForm(state, (next) => void load(next), {
      field,
      label: t('formLabel'),
      extra: [
        field(t('trendBy'), intervalSelect, { id: 'period-interval' }),
        field(t('tag'), tagInput, { id: 'overview-tag' }),
        // The platform narrows mentions and reviews only; the label says so.
        field(
          [t('platform'), h('span', { class: 'label-note' }, t('platformNote'))],
          platformInput,
          { id: 'overview-platform' },
        ),
      ],
    }),
    results,
  );
  await load();
}
