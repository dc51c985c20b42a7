// @ts-check
import { get, post } from '../api.js';
import { h } from '../dom.js';
import { date, percent } from '../format.js';
import { badge, emptyState, errorState, loading, memberLink } from '../ui.js';
import { actionButton, removeRow } from './queue.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    keep: 'Keep',
    mergeIn: 'Merge in',
    id: 'ID {id}',
    since: 'since {date}',
    noDuplicates: 'No likely duplicates.',
    appear: 'Members with the same mailbox, handle or name and phone appear here.',
    member: 'member',
    pair: '{other} into {member}',
    likely: '{percent} likely',
    merge: 'Merge',
    mergeLabel: 'Merge {pair}',
    merged: 'Merged {pair}',
    noMore: 'No more likely duplicates.',
    dismiss: 'Dismiss',
    dismissLabel: 'Dismiss suggestion to merge {pair}',
    dismissed: 'Dismissed {pair}',
    theSuggestions: 'merge suggestions',
  },
  it: {
    keep: 'Da tenere',
    mergeIn: 'Da unire',
    id: 'ID {id}',
    since: 'dal {date}',
    noDuplicates: 'Nessun probabile duplicato.',
    appear:
      'Qui compaiono i membri con la stessa casella di posta, lo stesso handle o lo stesso nome e telefono.',
    member: 'membro',
    pair: '{other} in {member}',
    likely: 'probabile al {percent}',
    merge: 'Unisci',
    mergeLabel: 'Unisci {pair}',
    merged: 'Unito {pair}',
    noMore: 'Nessun altro probabile duplicato.',
    dismiss: 'Ignora',
    dismissLabel: 'Ignora il suggerimento di unire {pair}',
    dismissed: 'Ignorato il suggerimento per {pair}',
    theSuggestions: 'i suggerimenti di unione',
  },
});

/**
 * GET /api/v1/members/merge-suggestions items and their members, read as open records.
 * @typedef {import('./member-value.js').ApiRecord} ApiRecord
 */

/**
 * @param {ApiRecord} member
 * @param {string} role
 */
function personCard(member, role) {
  return h(
    'div',
    { class: 'merge-person' },
    h('p', { class: 'merge-role' }, role),
    h('p', { class: 'queue-title' }, memberLink(member)),
    h(
      'p',
      { class: 'muted small' },
      [
        member.email,
        member.externalId ? t('id', { id: member.externalId }) : null,
        t('since', { date: date(member.createdAt) }),
      ]
        .filter(Boolean)
        .join(' · '),
    ),
  );
}

/**
 * Fills the slot with the likely duplicates; the count waiting, null when they failed to load.
 * @param {HTMLElement} slot
 * @param {boolean | undefined} canWrite
 * @returns {Promise<number | null>}
 */
export async function mergeSuggestions(slot, canWrite) {
  slot.replaceChildren(loading());
  try {
    const page = await get('/api/v1/members/merge-suggestions', { limit: 100 });
    if (!page.items.length) {
      slot.replaceChildren(emptyState(t('noDuplicates'), t('appear')));
      return page.total;
    }
    const list = h('ul', { class: 'queue' });
    for (const suggestion of page.items) {
      const pair = t('pair', {
        other: suggestion.otherMember.name ?? suggestion.otherMember.email ?? t('member'),
        member: suggestion.member.name ?? suggestion.member.email ?? t('member'),
      });
      list.append(
        h(
          'li',
          {
            class: 'queue-item',
            dataset: { row: `${suggestion.memberId}:${suggestion.otherMemberId}` },
          },
          h(
            'div',
            { class: 'queue-main' },
            h(
              'div',
              { class: 'merge-pair' },
              personCard(suggestion.member, t('keep')),
              h('span', { class: 'merge-arrow', 'aria-hidden': 'true' }, '←'),
              personCard(suggestion.otherMember, t('mergeIn')),
            ),
            h(
              'p',
              { class: 'queue-meta' },
              badge(
                t('likely', { percent: percent(suggestion.confidence, 0) }),
                suggestion.confidence >= 0.9 ? 'bad' : 'warn',
              ),
            ),
            h(
              'ul',
              { class: 'reasons' },
              suggestion.reasons.map((/** @type {{ detail: string }} */ reason) =>
                h('li', {}, reason.detail),
              ),
            ),
            h('p', { class: 'row-error', role: 'alert' }),
          ),
          canWrite
            ? h(
                'div',
                { class: 'queue-actions' },
                actionButton(
                  t('merge'),
                  t('mergeLabel', { pair }),
                  'button-primary',
                  async (row) => {
                    await post(`/api/v1/members/${suggestion.memberId}/merge`, {
                      otherMemberId: suggestion.otherMemberId,
                    });
                    removeRow(row, list, t('merged', { pair }), t('noMore'));
                  },
                ),
                actionButton(
                  t('dismiss'),
                  t('dismissLabel', { pair }),
                  'button-quiet',
                  async (row) => {
                    await post('/api/v1/members/merge-suggestions/dismiss', {
                      memberId: suggestion.memberId,
                      otherMemberId: suggestion.otherMemberId,
                    });
                    removeRow(row, list, t('dismissed', { pair }), t('noMore'));
                  },
                ),
              )
            : null,
        ),
      );
    }
    slot.replaceChildren(list);
    return page.total;
  } catch (error) {
    slot.replaceChildren(errorState(error, t('theSuggestions')));
    return null;
  }
}
