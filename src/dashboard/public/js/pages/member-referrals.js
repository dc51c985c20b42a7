// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import { count, date, money } from '../format.js';
import { card, emptyState, fill, memberLink } from '../ui.js';

/**
 * GET /api/v1/members/:id/referrals/tree (amounts are decimal strings in `currency`).
 * @typedef {{
 *   id: string,
 *   name: string | null,
 *   convertedAt: string | null,
 *   spendValue: string | null,
 *   valueBrought: string,
 *   size: number,
 *   depth: number,
 *   moreReferees: number,
 *   children: TreeNode[],
 * }} TreeNode
 * @typedef {{
 *   root: TreeNode,
 *   size: number,
 *   depth: number,
 *   depthLimit: number,
 *   truncated: boolean,
 *   currency: string,
 * }} ReferralTree
 * GET /api/v1/referrals items, for the invitations not converted yet.
 * @typedef {{
 *   id: string,
 *   referrerId: string,
 *   refereeId?: string | null,
 *   refereeEmail?: string | null,
 *   status: string,
 *   awaitingApproval?: boolean,
 * }} Referral
 * @typedef {{ tree: ReferralTree, pending: Referral[], names: Map<string, string | null> }} TreeData
 */

const DEPTH = 3;
const PENDING_SHOWN = 5;
const UNNAMED = 'Unnamed member';

/** @param {number} size */
const people = (size) => `${count(size)} ${size === 1 ? 'person' : 'people'}`;

/**
 * @param {string} memberId
 * @returns {Promise<TreeData>}
 */
async function loadTree(memberId) {
  const [tree, made] = await Promise.all([
    get(`/api/v1/members/${memberId}/referrals/tree`, { depth: DEPTH }),
    get('/api/v1/referrals', { referrerId: memberId, limit: 200 }).catch(() => ({ items: [] })),
  ]);
  // Invitations on their way, and conversions held for a manager's approval.
  /** @type {Referral[]} */
  const pending = made.items.filter(
    (/** @type {Referral} */ referral) =>
      referral.status === 'invited' ||
      referral.status === 'signed_up' ||
      (referral.status === 'converted' && referral.awaitingApproval),
  );
  const shown = pending.slice(0, PENDING_SHOWN);
  /** @type {Map<string, string | null>} */
  const names = new Map();
  await Promise.all(
    shown
      .map((referral) => referral.refereeId)
      .filter((id) => typeof id === 'string')
      .map(async (id) => {
        const member = await get(`/api/v1/members/${id}`).catch(() => null);
        names.set(/** @type {string} */ (id), member?.name || member?.email || null);
      }),
  );
  return { tree, pending, names };
}

/**
 * One person in the tree: who, what they are worth, when they converted, and what they brought.
 * @param {TreeNode} node
 * @param {string} currency
 * @returns {HTMLLIElement}
 */
function branch(node, currency) {
  const label = node.name || UNNAMED;
  return h(
    'li',
    {},
    h(
      'div',
      { class: 'tree-node' },
      memberLink({ id: node.id, name: node.name }, UNNAMED),
      node.spendValue === null
        ? h('span', { class: 'muted small' }, 'no spend value yet')
        : h('span', {}, h('strong', {}, money(node.spendValue, currency)), ' spend value'),
      node.convertedAt
        ? h('span', { class: 'tree-date' }, `converted ${date(node.convertedAt)}`)
        : null,
      node.size
        ? h(
            'span',
            { class: 'muted small' },
            `brought ${people(node.size)} worth ${money(node.valueBrought, currency)}`,
          )
        : null,
      node.moreReferees
        ? h(
            'a',
            {
              href: `#/members/${encodeURIComponent(node.id)}`,
              class: 'small',
              'aria-label': `${people(node.moreReferees)} more brought by ${label}: open their page`,
            },
            `+${count(node.moreReferees)} more below`,
          )
        : null,
    ),
    node.children.length
      ? h(
          'ul',
          {},
          node.children.map((child) => branch(child, currency)),
        )
      : null,
  );
}

/**
 * Referrals not counted (yet): who, and where they stand.
 * @param {TreeData} data
 */
function pendingNote({ pending, names }) {
  if (!pending.length) return null;
  const shown = pending.slice(0, PENDING_SHOWN);
  const state = (/** @type {Referral} */ referral) =>
    referral.status === 'converted' ? 'awaiting approval' : referral.status.replace('_', ' ');
  return h(
    'p',
    { class: 'muted small', id: 'pending-referrals' },
    `Not counted yet (${count(pending.length)}): `,
    shown.flatMap((referral, index) => [
      index ? ', ' : '',
      referral.refereeId
        ? memberLink(
            { id: referral.refereeId, name: names.get(referral.refereeId) ?? null },
            'a member',
          )
        : (referral.refereeEmail ?? 'an invited person'),
      ` (${state(referral)})`,
    ]),
    pending.length > shown.length ? ` and ${count(pending.length - shown.length)} more.` : '.',
  );
}

/** @param {TreeData} data */
function renderTree(data) {
  const { tree } = data;
  const { root, currency } = tree;
  if (!tree.size)
    return [
      emptyState(
        'No converted referrals yet.',
        'People this member brings appear here once they buy, with the people they bring in turn.',
      ),
      pendingNote(data),
    ];
  const levels = tree.depth === 1 ? 'directly' : `over ${tree.depth} levels`;
  return [
    h(
      'p',
      { class: 'tree-summary' },
      `Brought ${people(tree.size)} ${levels}, with ${money(root.valueBrought, currency)} of spend value.`,
      tree.truncated ? ` More below level ${tree.depthLimit}.` : '',
    ),
    h(
      'ul',
      { class: 'tree', 'aria-label': `People ${root.name || 'this member'} brought` },
      root.children.map((child) => branch(child, currency)),
    ),
    pendingNote(data),
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
      description: `Converted referrals, ${DEPTH} levels down, with each person’s spend value (margin, realized and expected). Their value counts the first level in full and the second at a weight.`,
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
