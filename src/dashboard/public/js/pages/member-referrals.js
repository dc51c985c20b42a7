// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import { count, date, money } from '../format.js';
import { card, emptyState, fill, memberLink } from '../ui.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    unnamed: 'Unnamed member',
    person: '1 person',
    people: '{count} people',
    noSpend: 'no spend value yet',
    spendValue: ' spend value',
    converted: 'converted {date}',
    brought: 'brought {people} worth {amount}',
    moreLabel: '{people} more brought by {name}: open their page',
    moreBelow: '+{count} more below',
    awaiting: 'awaiting approval',
    invited: 'invited',
    signed_up: 'signed up',
    notCounted: 'Not counted yet ({count}): ',
    aMember: 'a member',
    anInvited: 'an invited person',
    andMore: ' and {count} more.',
    noConverted: 'No converted referrals yet.',
    appearHere:
      'People this member brings appear here once they buy, with the people they bring in turn.',
    directly: 'directly',
    overLevels: 'over {depth} levels',
    summary: 'Brought {people} {levels}, with {amount} of spend value.',
    moreLevel: ' More below level {level}.',
    treeLabel: 'People {name} brought',
    thisMember: 'this member',
    theTree: 'the referral tree',
    title: 'Referral tree',
    description:
      'Converted referrals, {depth} levels down, with each person’s spend value (margin, realized and expected). Their value counts the first level in full and the second at a weight.',
    referredBy: 'Referred by ',
  },
  it: {
    unnamed: 'Membro senza nome',
    person: '1 persona',
    people: '{count} persone',
    noSpend: 'ancora nessun valore della spesa',
    spendValue: ' di valore della spesa',
    converted: 'convertito il {date}',
    brought: 'ha portato {people} per un valore di {amount}',
    moreLabel: 'altre {people} portate da {name}: apri la sua pagina',
    moreBelow: '+{count} ai livelli inferiori',
    awaiting: 'in attesa di approvazione',
    invited: 'invitato',
    signed_up: 'iscritto',
    notCounted: 'Non ancora conteggiati ({count}): ',
    aMember: 'un membro',
    anInvited: 'una persona invitata',
    andMore: ' e altri {count}.',
    noConverted: 'Ancora nessuna segnalazione convertita.',
    appearHere:
      'Le persone portate da questo membro compaiono qui quando acquistano, insieme alle persone che portano a loro volta.',
    directly: 'direttamente',
    overLevels: 'su {depth} livelli',
    summary: 'Ha portato {people} {levels}, con {amount} di valore della spesa.',
    moreLevel: ' Altre oltre il livello {level}.',
    treeLabel: 'Persone portate da {name}',
    thisMember: 'questo membro',
    theTree: "l'albero delle segnalazioni",
    title: 'Albero delle segnalazioni',
    description:
      'Segnalazioni convertite, fino a {depth} livelli, con il valore della spesa di ciascuno (margine, realizzato e atteso). Il loro valore conta per intero il primo livello e con un peso il secondo.',
    referredBy: 'Segnalato da ',
  },
});

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

/** @param {number} size */
const people = (size) => (size === 1 ? t('person') : t('people', { count: count(size) }));

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
  const label = node.name || t('unnamed');
  return h(
    'li',
    {},
    h(
      'div',
      { class: 'tree-node' },
      memberLink({ id: node.id, name: node.name }, t('unnamed')),
      node.spendValue === null
        ? h('span', { class: 'muted small' }, t('noSpend'))
        : h('span', {}, h('strong', {}, money(node.spendValue, currency)), t('spendValue')),
      node.convertedAt
        ? h('span', { class: 'tree-date' }, t('converted', { date: date(node.convertedAt) }))
        : null,
      node.size
        ? h(
            'span',
            { class: 'muted small' },
            t('brought', {
              people: people(node.size),
              amount: money(node.valueBrought, currency),
            }),
          )
        : null,
      node.moreReferees
        ? h(
            'a',
            {
              href: `#/members/${encodeURIComponent(node.id)}`,
              class: 'small',
              'aria-label': t('moreLabel', { people: people(node.moreReferees), name: label }),
            },
            t('moreBelow', { count: count(node.moreReferees) }),
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
    referral.status === 'converted'
      ? t('awaiting')
      : referral.status === 'invited' || referral.status === 'signed_up'
        ? t(referral.status)
        : referral.status.replace('_', ' ');
  return h(
    'p',
    { class: 'muted small', id: 'pending-referrals' },
    t('notCounted', { count: count(pending.length) }),
    shown.flatMap((referral, index) => [
      index ? ', ' : '',
      referral.refereeId
        ? memberLink(
            { id: referral.refereeId, name: names.get(referral.refereeId) ?? null },
            t('aMember'),
          )
        : (referral.refereeEmail ?? t('anInvited')),
      ` (${state(referral)})`,
    ]),
    pending.length > shown.length
      ? t('andMore', { count: count(pending.length - shown.length) })
      : '.',
  );
}

/** @param {TreeData} data */
function renderTree(data) {
  const { tree } = data;
  const { root, currency } = tree;
  if (!tree.size) return [emptyState(t('noConverted'), t('appearHere')), pendingNote(data)];
  const levels = tree.depth === 1 ? t('directly') : t('overLevels', { depth: tree.depth });
  return [
    h(
      'p',
      { class: 'tree-summary' },
      t('summary', {
        people: people(tree.size),
        levels,
        amount: money(root.valueBrought, currency),
      }),
      tree.truncated ? t('moreLevel', { level: tree.depthLimit }) : '',
    ),
    h(
      'ul',
      { class: 'tree', 'aria-label': t('treeLabel', { name: root.name || t('thisMember') }) },
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
  void fill(slot, loadTree(memberId), renderTree, t('theTree'));
  return card(
    t('title'),
    {
      id: 'referrals',
      description: t('description', { depth: DEPTH }),
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
  return h('span', {}, t('referredBy'), memberLink(referrer ?? { id: referral.referrerId }));
}
