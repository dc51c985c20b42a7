// @ts-check
import { get, post } from '../api.js';
import { h } from '../dom.js';
import { date, humanize } from '../format.js';
import { badge, card, emptyState, errorState, loading, memberLink, pageHeader } from '../ui.js';
import { mergeSuggestions } from './merge-suggestions.js';
import { actionButton, membersById, removeRow, setCount } from './queue.js';

/** @type {Record<string, string>} */
const FLAG_TEXT = {
  disposable_domain: 'disposable email domain',
  similar_email: 'emails nearly identical',
  burst: 'many referrals at once',
};

/**
 * Fills the slot with the referrals that wait for approval; the count, null when they failed.
 * @param {HTMLElement} slot
 * @param {boolean | undefined} canWrite
 * @returns {Promise<number | null>}
 */
async function flaggedReferrals(slot, canWrite) {
  slot.replaceChildren(loading());
  try {
    /** @type {{ items: Record<string, any>[], total: number }} */
    const page = await get('/api/v1/referrals', { pendingApproval: true, limit: 100 });
    const members = await membersById(
      page.items.flatMap((referral) => [referral.referrerId, referral.refereeId]),
    );
    if (!page.items.length) {
      slot.replaceChildren(
        emptyState(
          'No referrals wait for a decision.',
          'Suspicious referrals (disposable domains, look-alike emails, bursts) appear here.',
        ),
      );
      return page.total;
    }
    const list = h('ul', { class: 'queue' });
    for (const referral of page.items) {
      const referrer = members.get(referral.referrerId);
      const referee = referral.refereeId ? members.get(referral.refereeId) : null;
      const who = `${referrer?.name ?? referrer?.email ?? 'referrer'} → ${referee?.name ?? referee?.email ?? referral.refereeEmail ?? 'referee'}`;
      list.append(
        h(
          'li',
          { class: 'queue-item', dataset: { row: referral.id } },
          h(
            'div',
            { class: 'queue-main' },
            h(
              'p',
              { class: 'queue-title' },
              memberLink(referrer, 'Referrer'),
              h('span', { 'aria-hidden': 'true' }, ' → '),
              h('span', { class: 'visually-hidden' }, ' referred '),
              referee ? memberLink(referee) : h('span', {}, referral.refereeEmail ?? '—'),
            ),
            h(
              'p',
              { class: 'queue-meta' },
              referral.flags.map((/** @type {string} */ flag) =>
                badge(FLAG_TEXT[flag] ?? humanize(flag), 'warn'),
              ),
              ' ',
              badge(
                referral.status.replace('_', ' '),
                referral.status === 'converted' ? 'good' : 'muted',
              ),
              h(
                'span',
                { class: 'muted small' },
                ` invited ${date(referral.invitedAt)}${referral.convertedAt ? `, converted ${date(referral.convertedAt)}` : ''}`,
              ),
            ),
            h('p', { class: 'row-error', role: 'alert' }),
          ),
          canWrite
            ? h(
                'div',
                { class: 'queue-actions' },
                actionButton(
                  'Approve',
                  `Approve referral ${who}`,
                  'button-primary',
                  async (row) => {
                    await post(`/api/v1/referrals/${referral.id}/approve`);
                    removeRow(
                      row,
                      list,
                      `Approved referral ${who}`,
                      'All flagged referrals are decided.',
                    );
                  },
                ),
                actionButton('Reject', `Reject referral ${who}`, 'button-danger', async (row) => {
                  await post(`/api/v1/referrals/${referral.id}/reject`);
                  removeRow(
                    row,
                    list,
                    `Rejected referral ${who}`,
                    'All flagged referrals are decided.',
                  );
                }),
              )
            : null,
        ),
      );
    }
    slot.replaceChildren(list);
    return page.total;
  } catch (error) {
    slot.replaceChildren(errorState(error, 'flagged referrals'));
    return null;
  }
}

/** @type {import('../app.js').Page['render']} */
export async function render(container, { session }) {
  const referralsSlot = h('div');
  const mergesSlot = h('div');
  const referralsCount = h('span', { class: 'badge accent' });
  const mergesCount = h('span', { class: 'badge accent' });
  container.append(
    pageHeader('Review queues', {
      subtitle: session.canWrite
        ? 'Decide on suspicious referrals and likely duplicate members.'
        : 'You can read the queues; a manager key is needed to approve, reject, merge or dismiss.',
    }),
    card(
      'Flagged referrals',
      {
        id: 'flagged-referrals',
        description: 'Held out of referral value until a manager approves them.',
        actions: referralsCount,
      },
      referralsSlot,
    ),
    card(
      'Merge suggestions',
      {
        id: 'merge-suggestions',
        description:
          'Likely the same person recorded twice. Merging moves every record onto the member kept.',
        actions: mergesCount,
      },
      mergesSlot,
    ),
  );
  const [referrals, merges] = await Promise.all([
    flaggedReferrals(referralsSlot, session.canWrite),
    mergeSuggestions(mergesSlot, session.canWrite),
  ]);
  if (referrals !== null) setCount(referralsCount, referrals);
  if (merges !== null) setCount(mergesCount, merges);
}
