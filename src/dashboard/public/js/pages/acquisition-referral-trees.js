// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import { count, money, toNumber } from '../format.js';
import { card, emptyState, fill, memberLink } from '../ui.js';
import { metricsTable } from './acquisition-tables.js';

/**
 * GET /api/v1/referrals/trees (amounts are decimal strings in `currency`).
 * @typedef {{
 *   root: { id: string, name: string | null },
 *   size: number,
 *   depth: number,
 *   valueBrought: string,
 *   currency: string,
 * }} TreeSummary
 * @typedef {{ items: TreeSummary[], total: number }} TreeList
 */

const SHOWN = 10;

/** @param {number} depth */
const levels = (depth) => (depth === 1 ? 'direct only' : `${count(depth)} levels`);

/**
 * The value a tree brought per person in it: what a referral chain like this is worth.
 * @param {TreeSummary} tree
 */
function perPerson(tree) {
  const value = toNumber(tree.valueBrought);
  return value === null || !tree.size ? '—' : money(value / tree.size, tree.currency);
}

/** @param {TreeList} list */
function renderTrees(list) {
  if (!list.items.length)
    return emptyState(
      'No referral trees yet.',
      'A tree starts with a member whose referral converted, and grows as the people they brought bring others.',
    );
  return [
    metricsTable(
      'Largest referral trees',
      [
        { label: 'Started by' },
        { label: 'People brought', numeric: true },
        { label: 'Depth', numeric: true },
        { label: 'Value brought', numeric: true },
        { label: 'Per person', numeric: true },
      ],
      list.items.map((tree) => [
        memberLink(tree.root, 'Unnamed member'),
        count(tree.size),
        levels(tree.depth),
        money(tree.valueBrought, tree.currency),
        perPerson(tree),
      ]),
    ),
    list.total > list.items.length
      ? h(
          'p',
          { class: 'chart-note' },
          `The ${count(list.items.length)} largest of ${count(list.total)} referral trees.`,
        )
      : null,
  ];
}

/**
 * The brand's largest referral trees: whole chains of converted referrals, not the period's.
 * @returns {HTMLElement}
 */
export function referralTreesSection() {
  const slot = h('div');
  void fill(slot, get('/api/v1/referrals/trees', { limit: SHOWN }), renderTrees, 'referral trees');
  return card(
    'Largest referral trees',
    {
      id: 'referral-trees',
      description:
        'Members who started a chain of converted referrals, by how many people it brought (every level), then by value brought: those people’s spend value (margin, realized and expected) at the latest recompute. All time, not only the period above.',
    },
    slot,
  );
}
