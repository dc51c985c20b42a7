// @ts-check
import { get } from '../api.js';
import { h, initials } from '../dom.js';
import { date, decimal, money, percent } from '../format.js';
import { badge, card, emptyState, errorState, fill, kpi, pageHeader, tierBadge } from '../ui.js';
import { editMemberAction } from './log-member.js';
import { engagementCard } from './member-engagement.js';
import { referralTree, referredBy } from './member-referrals.js';
import { simpleFormulaCard } from './member-simple-formula.js';
import { timeline } from './member-timeline.js';
import {
  drivers,
  influenceChannels,
  modelFacts,
  valueBreakdown,
  valueHistory,
} from './member-value.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    id: 'ID {id}',
    since: 'Customer since {date}',
    via: 'via {channel}',
    referralCode: 'Referral code',
    objects: 'objects to profiling',
    advocacy: 'Advocacy value',
    advocacyNote: 'worth through others: referrals, influence, feedback',
    notComputed: 'not computed yet',
    extended: 'Extended value',
    extendedNote: 'with their own spend, as of {date}',
    pAlive: 'P(alive)',
    pAliveNote: 'chance they still buy',
    pAliveNeeds: 'needs the fitted model (more repeat buyers)',
    spend: 'Spend value (margin)',
    marginOn: 'margin on {amount} spent so far',
    marginSoFar: '{amount} margin so far',
    engagement: 'Engagement',
    engagementNote: 'activity score, decays over time',
    member: 'Member',
    ambassadors: 'Ambassadors',
    thisMember: 'this member',
    mergedInto: 'This member was merged into ',
    anotherMember: 'another member',
    withheld:
      'This member objects to profiling (since {date}): no value, tier or engagement is computed or shown.',
    spendModel: 'Spend model',
    theHistory: 'the value history',
    value: 'Value',
    noValue: 'No value computed yet.',
    afterRecompute: 'Values appear after the next recompute.',
    couldNotValue: 'The value could not be loaded.',
    theValue: 'the value',
  },
  it: {
    id: 'ID {id}',
    since: 'Cliente dal {date}',
    via: 'tramite {channel}',
    referralCode: 'Codice di segnalazione',
    objects: 'si oppone alla profilazione',
    advocacy: 'Valore di advocacy',
    advocacyNote: 'il valore attraverso gli altri: segnalazioni, influenza, suggerimenti',
    notComputed: 'non ancora calcolato',
    extended: 'Valore esteso',
    extendedNote: 'con la propria spesa, al {date}',
    pAlive: 'P(attivo)',
    pAliveNote: 'probabilità che acquisti ancora',
    pAliveNeeds: 'serve il modello stimato (più clienti che riacquistano)',
    spend: 'Valore della spesa (margine)',
    marginOn: 'margine su {amount} spesi finora',
    marginSoFar: '{amount} di margine finora',
    engagement: 'Coinvolgimento',
    engagementNote: 'punteggio di attività, cala nel tempo',
    member: 'Membro',
    ambassadors: 'Ambasciatori',
    thisMember: 'questo membro',
    mergedInto: 'Questo membro è stato unito a ',
    anotherMember: 'un altro membro',
    withheld:
      'Questo membro si oppone alla profilazione (dal {date}): nessun valore, livello o coinvolgimento viene calcolato o mostrato.',
    spendModel: 'Modello di spesa',
    theHistory: 'lo storico del valore',
    value: 'Valore',
    noValue: 'Nessun valore ancora calcolato.',
    afterRecompute: 'I valori compaiono dopo il prossimo ricalcolo.',
    couldNotValue: 'Impossibile caricare il valore.',
    theValue: 'il valore',
  },
});

/**
 * GET /api/v1/members/:id and its identities, value and engagement, read defensively.
 * @typedef {import('./member-value.js').ApiRecord} ApiRecord
 * @typedef {{ platform: string, handle: string }} Identity
 */

/**
 * @param {ApiRecord} member
 * @param {Identity[]} identities
 * @param {HTMLElement | null} referrer
 */
function identityBlock(member, identities, referrer) {
  const facts = [
    member.email,
    member.externalId ? t('id', { id: member.externalId }) : null,
    member.acquiredAt ? t('since', { date: date(member.acquiredAt) }) : null,
    member.acquisitionChannel ? t('via', { channel: member.acquisitionChannel }) : null,
  ].filter(Boolean);
  return h(
    'div',
    { class: 'profile' },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(member.name ?? member.email)),
    h(
      'div',
      { class: 'profile-main' },
      h('p', { class: 'profile-facts' }, facts.join(' · ')),
      h(
        'p',
        { class: 'profile-chips' },
        h('span', { class: 'chip code', title: t('referralCode') }, member.referralCode),
        (member.tags ?? []).map((/** @type {string} */ tag) =>
          h('span', { class: 'chip' }, `#${tag}`),
        ),
        (identities ?? []).map((identity) =>
          h('span', { class: 'chip identity' }, `${identity.platform} · ${identity.handle}`),
        ),
        member.profilingObjection ? badge(t('objects'), 'warn') : null,
      ),
      referrer ? h('p', { class: 'profile-facts' }, referrer) : null,
    ),
  );
}

/**
 * @param {ApiRecord | null | undefined} value undefined when it could not be loaded
 * @param {ApiRecord | null} engagement
 */
function valueKpis(value, engagement) {
  const spend = value?.components.spend;
  const modeled = spend?.pAlive !== null && spend?.pAlive !== undefined;
  return h(
    'div',
    { class: 'kpi-row' },
    kpi(t('advocacy'), value ? money(value.advocacyValue, value.currency) : '—', {
      note: value ? t('advocacyNote') : t('notComputed'),
      className: 'kpi-hero',
    }),
    kpi(t('extended'), value ? money(value.extendedValue, value.currency) : '—', {
      note: value ? t('extendedNote', { date: date(value.asOf) }) : undefined,
    }),
    kpi(t('pAlive'), modeled ? percent(spend.pAlive, 0) : '—', {
      note: modeled ? t('pAliveNote') : t('pAliveNeeds'),
    }),
    kpi(t('spend'), value ? money(spend.value, value.currency) : '—', {
      note: value
        ? spend.revenue
          ? t('marginOn', { amount: money(spend.revenue, value.currency) })
          : t('marginSoFar', { amount: money(spend.realized, value.currency) })
        : undefined,
    }),
    kpi(t('engagement'), engagement ? decimal(engagement.total ?? engagement.score, 1) : '—', {
      note: t('engagementNote'),
    }),
  );
}

/** @type {import('../app.js').Page['render']} */
export async function render(container, { match, session, isCurrent }) {
  // The route's pattern has matched, so its group is there.
  const id = decodeURIComponent(/** @type {RegExpMatchArray} */ (match)[1]);
  const memberRequest = get(`/api/v1/members/${id}`);
  const valueRequest = get(`/api/v1/members/${id}/value`).catch((/** @type {unknown} */ error) =>
    /** @type {{ status?: number }} */ (error).status === 404 ? null : Promise.reject(error),
  );
  const engagementRequest = get(`/api/v1/members/${id}/engagement`).catch(() => null);
  /** @type {ApiRecord} */
  let member;
  try {
    member = await memberRequest;
  } catch (error) {
    container.append(
      pageHeader(t('member'), { back: { href: '#/ambassadors', label: t('ambassadors') } }),
      errorState(error, t('thisMember')),
    );
    return;
  }
  const [identities, referrer, answered, engagement] = await Promise.all([
    get(`/api/v1/members/${id}/identities`)
      .then((/** @type {{ items: Identity[] }} */ list) => list.items)
      .catch(() => []),
    referredBy(id),
    valueRequest.catch(() => undefined),
    engagementRequest,
  ]);
  if (!isCurrent()) return;
  // A member who objects to profiling: the API withholds every per-member figure.
  const withheld = answered && 'withheld' in answered ? answered : null;
  const value = withheld ? undefined : answered;
  const tier = withheld ? null : (engagement?.tier ?? null);
  container.append(
    .../** @type {HTMLElement[]} */ (
      [
        pageHeader(member.name || member.email || t('member'), {
          back: { href: '#/ambassadors', label: t('ambassadors') },
          actions: [
            h('span', { class: 'tier-large' }, tierBadge(tier)),
            editMemberAction(id, session),
          ],
        }),
        identityBlock(member, identities, referrer),
        member.mergedIntoId
          ? h(
              'p',
              { class: 'notice' },
              t('mergedInto'),
              h('a', { href: `#/members/${member.mergedIntoId}` }, t('anotherMember')),
              '.',
            )
          : null,
        withheld
          ? h(
              'p',
              { class: 'notice', id: 'profiling-withheld' },
              t('withheld', { date: date(withheld.since, { withYear: true }) }),
            )
          : valueKpis(value, engagement),
        value?.tierReason
          ? h('p', { class: 'tier-reason muted', id: 'tier-reason' }, value.tierReason.text)
          : null,
      ].filter(Boolean)
    ),
  );
  const historySlot = h('div');
  if (value) {
    container.append(
      h(
        'div',
        { class: 'grid two' },
        valueBreakdown(value),
        h(
          'div',
          { class: 'stack' },
          .../** @type {HTMLElement[]} */ (
            [
              card(t('spendModel'), { id: 'model' }, modelFacts(value)),
              simpleFormulaCard(value),
              influenceChannels(value),
            ].filter(Boolean)
          ),
        ),
      ),
      h('div', { class: 'grid two' }, historySlot, drivers(value)),
    );
    void fill(
      historySlot,
      get(`/api/v1/members/${id}/value/history`),
      (/** @type {ApiRecord} */ history) => valueHistory(history, value.currency),
      t('theHistory'),
    );
  } else if (!withheld) {
    container.append(
      card(
        t('value'),
        { id: 'breakdown' },
        value === null
          ? emptyState(t('noValue'), t('afterRecompute'))
          : errorState(new Error(t('couldNotValue')), t('theValue')),
      ),
    );
  }
  container.append(
    h('div', { class: 'grid two' }, referralTree(id), withheld ? null : engagementCard(engagement)),
    timeline(id),
  );
}
