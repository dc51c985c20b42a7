// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import { date } from '../format.js';
import { badge, card, emptyState, fill, memberLink } from '../ui.js';

/**
 * GET /api/v1/referrals items, as the tree reads them.
 * @typedef {{
 *   id: string,
 *   referrerId: string,
 *   refereeId?: string | null,
 *   refereeEmail?: string | null,
 *   status: string,
 *   awaitingApproval?: boolean,
 *   invitedAt?: string | null,
 *   convertedAt?: string | null,
 * }} Referral
 * @typedef {{ referral: Referral, children: Referral[] }} Branch
 * @typedef {Map<string, import('../ui.js').MemberRef | null>} MembersById
 */

/** @type {Record<string, string>} */
const STATUS_TONES = {
  converted: 'good',
  signed_up: 'info',
  invited: 'muted',
  voided: 'bad',
  rejected: 'bad',
};

/**
 * @param {string} memberId
 * @returns {Promise<Referral[]>}
 */
async function referralsBy(memberId) {
  return (await get('/api/v1/referrals', { referrerId: memberId, limit: 200 })).items;
}

/** Who they brought, and whom those brought: two levels, as the value model counts them. */
/**
 * @param {string} memberId
 * @returns {Promise<{ branches: Branch[], members: MembersById }>}
 */
async function loadTree(memberId) {
  const first = await referralsBy(memberId);
  const branches = await Promise.all(
    first.map(async (referral) => ({
      referral,
      children: referral.refereeId ? await referralsBy(referral.refereeId) : [],
    })),
  );
  const ids = /** @type {Set<string>} */ (
    new Set(
      branches
        .flatMap((branch) => [
          branch.referral.refereeId,
          ...branch.children.map((child) => child.refereeId),
        ])
        .filter(Boolean),
    )
  );
  /** @type {MembersById} */
  const members = new Map();
  await Promise.all(
    [...ids]
      .slice(0, 80)
      .map(async (id) => members.set(id, await get(`/api/v1/members/${id}`).catch(() => null))),
  );
  return { branches, members };
}

/**
 * @param {Referral} referral
 * @param {MembersById} members
 */
function person(referral, members) {
  const member = referral.refereeId ? members.get(referral.refereeId) : null;
  return h(
    'div',
    { class: 'tree-node' },
    member ? memberLink(member) : h('span', {}, referral.refereeEmail ?? 'Invited person'),
    ' ',
    badge(referral.status.replace('_', ' '), STATUS_TONES[referral.status] ?? 'muted'),
    referral.awaitingApproval ? badge('awaiting approval', 'warn') : null,
    h(
      'span',
      { class: 'tree-date' },
      referral.convertedAt
        ? `converted ${date(referral.convertedAt)}`
        : `invited ${date(referral.invitedAt)}`,
    ),
  );
}

/** @param {{ branches: Branch[], members: MembersById }} tree */
function renderTree({ branches, members }) {
  if (!branches.length)
    return emptyState(
      'No referrals yet.',
      'People this member invites appear here, with the people they invite in turn.',
    );
  const secondDegree = branches.reduce((sum, branch) => sum + branch.children.length, 0);
  return [
    h(
      'p',
      { class: 'tree-summary' },
      `Brought ${branches.length} ${branches.length === 1 ? 'person' : 'people'}`,
      secondDegree ? `, who brought ${secondDegree} more` : '',
      '.',
    ),
    h(
      'ul',
      { class: 'tree', 'aria-label': 'Referral tree' },
      branches.map((branch) =>
        h(
          'li',
          {},
          person(branch.referral, members),
          branch.children.length
            ? h(
                'ul',
                {},
                branch.children.map((child) => h('li', {}, person(child, members))),
              )
            : null,
        ),
      ),
    ),
  ];
}

/**
 * @param {string} memberId
 * @returns {HTMLElement}
 */
export function referralTree(memberId) {
  const slot = h('div');
  void fill(slot, loadTree(memberId), renderTree, 'the referral tree');
  return card(
    'Referral tree',
    {
      id: 'referrals',
      description: 'First-degree referrals count in full, second-degree at a weight.',
    },
    slot,
  );
}

/** "Referred by …" for the profile header, when someone brought this member. */
/**
 * @param {string} memberId
 * @returns {Promise<HTMLElement | null>}
 */
export async function referredBy(memberId) {
  const received = await get('/api/v1/referrals', { refereeId: memberId, limit: 1 }).catch(
    () => null,
  );
  const referral = received?.items?.[0];
  if (!referral) return null;
  const referrer = await get(`/api/v1/members/${referral.referrerId}`).catch(() => null);
  return h('span', {}, 'Referred by ', memberLink(referrer ?? { id: referral.referrerId }));
}
