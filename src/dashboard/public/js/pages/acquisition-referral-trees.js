// @ts-check
import { get } from '../api.js';
import { h } from '../dom.js';
import { count, money, toNumber } from '../format.js';
import { card, emptyState, fill, memberLink } from '../ui.js';
import { metricsTable } from './acquisition-tables.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    directOnly: 'direct only',
    levels: '{count} levels',
    noTrees: 'No referral trees yet.',
    treeStarts:
      'A tree starts with a member whose referral converted, and grows as the people they brought bring others.',
    largest: 'Largest referral trees',
    startedBy: 'Started by',
    peopleBrought: 'People brought',
    depth: 'Depth',
    valueBrought: 'Value brought',
    perPerson: 'Per person',
    unnamed: 'Unnamed member',
    largestOf: 'The {shown} largest of {total} referral trees.',
    theTrees: 'referral trees',
    description:
      'Members who started a chain of converted referrals, by how many people it brought (every level), then by value brought: those people’s spend value (margin, realized and expected) at the latest recompute. All time, not only the period above.',
  },
  it: {
    directOnly: 'solo diretti',
    levels: '{count} livelli',
    noTrees: 'Ancora nessun albero di segnalazioni.',
    treeStarts:
      'Un albero parte da un membro la cui segnalazione si è convertita e cresce man mano che le persone portate ne portano altre.',
    largest: 'I maggiori alberi di segnalazioni',
    startedBy: 'Avviato da',
    peopleBrought: 'Persone portate',
    depth: 'Profondità',
    valueBrought: 'Valore portato',
    perPerson: 'Per persona',
    unnamed: 'Membro senza nome',
    largestOf: 'I {shown} maggiori di {total} alberi di segnalazioni.',
    theTrees: 'gli alberi di segnalazioni',
    description:
      'Membri che hanno avviato una catena di segnalazioni convertite, per numero di persone portate (a ogni livello), poi per valore portato: il valore della spesa di quelle persone (margine, realizzato e atteso) all’ultimo ricalcolo. Da sempre, non solo nel periodo sopra.',
  },
});

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
const levels = (depth) => (depth === 1 ? t('directOnly') : t('levels', { count: count(depth) }));

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
  if (!list.items.length) return emptyState(t('noTrees'), t('treeStarts'));
  return [
    metricsTable(
      t('largest'),
      [
        { label: t('startedBy') },
        { label: t('peopleBrought'), numeric: true },
        { label: t('depth'), numeric: true },
        { label: t('valueBrought'), numeric: true },
        { label: t('perPerson'), numeric: true },
      ],
      list.items.map((tree) => [
        memberLink(tree.root, t('unnamed')),
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
          t('largestOf', { shown: count(list.items.length), total: count(list.total) }),
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
  void fill(slot, get('/api/v1/referrals/trees', { limit: SHOWN }), renderTrees, t('theTrees'));
  return card(
    t('largest'),
    {
      id: 'referral-trees',
      description: t('description'),
    },
    slot,
  );
}
