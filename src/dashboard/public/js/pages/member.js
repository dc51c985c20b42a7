// @ts-check
import { get } from '../api.js';
import { h, initials } from '../dom.js';
import { count, date, money, percent } from '../format.js';
import { badge, card, emptyState, errorState, fill, kpi, pageHeader, tierBadge } from '../ui.js';
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
    member.externalId ? `ID ${member.externalId}` : null,
    member.acquiredAt ? `Customer since ${date(member.acquiredAt)}` : null,
    member.acquisitionChannel ? `via ${member.acquisitionChannel}` : null,
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
        h('span', { class: 'chip code', title: 'Referral code' }, member.referralCode),
        (member.tags ?? []).map((/** @type {string} */ tag) =>
          h('span', { class: 'chip' }, `#${tag}`),
        ),
        (identities ?? []).map((identity) =>
          h('span', { class: 'chip identity' }, `${identity.platform} · ${identity.handle}`),
        ),
        member.profilingObjection ? badge('objects to profiling', 'warn') : null,
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
    kpi('Advocacy value', value ? money(value.advocacyValue, value.currency) : '—', {
      note: value ? 'worth through others: referrals, influence, feedback' : 'not computed yet',
      className: 'kpi-hero',
    }),
    kpi('Extended value', value ? money(value.extendedValue, value.currency) : '—', {
      note: value ? `with their own spend, as of ${date(value.asOf)}` : undefined,
    }),
    kpi('P(alive)', modeled ? percent(spend.pAlive, 0) : '—', {
      note: modeled ? 'chance they still buy' : 'needs the fitted model (more repeat buyers)',
    }),
    kpi('Spend value (margin)', value ? money(spend.value, value.currency) : '—', {
      note: value
        ? spend.revenue
          ? `margin on ${money(spend.revenue, value.currency)} spent so far`
          : `${money(spend.realized, value.currency)} margin so far`
        : undefined,
    }),
    kpi('Engagement', engagement ? count(engagement.total ?? engagement.score) : '—', {
      note: 'activity score, decays over time',
    }),
  );
}

/** @type {import('../app.js').Page['render']} */
export async function render(container, { match, isCurrent }) {
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
      pageHeader('Member', { back: { href: '#/ambassadors', label: 'Ambassadors' } }),
      errorState(error, 'this member'),
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
        pageHeader(member.name || member.email || 'Member', {
          back: { href: '#/ambassadors', label: 'Ambassadors' },
          actions: h('span', { class: 'tier-large' }, tierBadge(tier)),
        }),
        identityBlock(member, identities, referrer),
        member.mergedIntoId
          ? h(
              'p',
              { class: 'notice' },
              'This member was merged into ',
              h('a', { href: `#/members/${member.mergedIntoId}` }, 'another member'),
              '.',
            )
          : null,
        withheld
          ? h(
              'p',
              { class: 'notice', id: 'profiling-withheld' },
              `This member objects to profiling (since ${date(withheld.since, { withYear: true })}): no value, tier or engagement is computed or shown.`,
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
              card('Spend model', { id: 'model' }, modelFacts(value)),
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
      'the value history',
    );
  } else if (!withheld) {
    container.append(
      card(
        'Value',
        { id: 'breakdown' },
        value === null
          ? emptyState('No value computed yet.', 'Values appear after the next recompute.')
          : errorState(new Error('The value could not be loaded.'), 'the value'),
      ),
    );
  }
  container.append(
    h('div', { class: 'grid two' }, referralTree(id), withheld ? null : engagementCard(engagement)),
    timeline(id),
  );
}
