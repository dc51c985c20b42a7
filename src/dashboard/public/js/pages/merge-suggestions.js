// @ts-check
import { get, post } from '../api.js';
import { h } from '../dom.js';
import { date, percent } from '../format.js';
import { badge, emptyState, errorState, loading, memberLink } from '../ui.js';
import { actionButton, removeRow } from './queue.js';

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
        member.externalId ? `ID ${member.externalId}` : null,
        `since ${date(member.createdAt)}`,
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
      slot.replaceChildren(
        emptyState(
          'No likely duplicates.',
          'Members with the same mailbox, handle or name and phone appear here.',
        ),
      );
      return page.total;
    }
    const list = h('ul', { class: 'queue' });
    for (const suggestion of page.items) {
      const pair = `${suggestion.otherMember.name ?? suggestion.otherMember.email ?? 'member'} into ${suggestion.member.name ?? suggestion.member.email ?? 'member'}`;
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
              personCard(suggestion.member, 'Keep'),
              h('span', { class: 'merge-arrow', 'aria-hidden': 'true' }, '←'),
              personCard(suggestion.otherMember, 'Merge in'),
            ),
            h(
              'p',
              { class: 'queue-meta' },
              badge(
                `${percent(suggestion.confidence, 0)} likely`,
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
                actionButton('Merge', `Merge ${pair}`, 'button-primary', async (row) => {
                  await post(`/api/v1/members/${suggestion.memberId}/merge`, {
                    otherMemberId: suggestion.otherMemberId,
                  });
                  removeRow(row, list, `Merged ${pair}`, 'No more likely duplicates.');
                }),
                actionButton(
                  'Dismiss',
                  `Dismiss suggestion to merge ${pair}`,
                  'button-quiet',
                  async (row) => {
                    await post('/api/v1/members/merge-suggestions/dismiss', {
                      memberId: suggestion.memberId,
                      otherMemberId: suggestion.otherMemberId,
                    });
                    removeRow(row, list, `Dismissed ${pair}`, 'No more likely duplicates.');
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
    slot.replaceChildren(errorState(error, 'merge suggestions'));
    return null;
  }
}
