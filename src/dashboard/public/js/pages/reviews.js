// @ts-check
import { get, post } from '../api.js';
import { h } from '../dom.js';
import { date, humanize } from '../format.js';
import { badge, card, emptyState, errorState, loading, memberLink, pageHeader } from '../ui.js';
import { mergeSuggestions } from './merge-suggestions.js';
import { evidenceList } from './referral-evidence.js';
import { actionButton, membersById, removeRow, setCount } from './queue.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    flag_disposable_domain: 'disposable email domain',
    flag_similar_email: 'emails nearly identical',
    flag_burst: 'many referrals at once',
    noneWaiting: 'No referrals wait for a decision.',
    suspicious: 'Suspicious referrals (disposable domains, look-alike emails, bursts) appear here.',
    referrer: 'referrer',
    referee: 'referee',
    referrerLink: 'Referrer',
    referred: ' referred ',
    invited: ' invited {date}',
    convertedToo: ', converted {date}',
    st_invited: 'invited',
    st_signed_up: 'signed up',
    st_converted: 'converted',
    st_rejected: 'rejected',
    approve: 'Approve',
    approveLabel: 'Approve referral {who}',
    approved: 'Approved referral {who}',
    allDecided: 'All flagged referrals are decided.',
    reject: 'Reject',
    rejectLabel: 'Reject referral {who}',
    rejected: 'Rejected referral {who}',
    theFlagged: 'flagged referrals',
    title: 'Review queues',
    subtitleWrite: 'Decide on suspicious referrals and likely duplicate members.',
    subtitleRead:
      'You can read the queues; a manager key is needed to approve, reject, merge or dismiss.',
    flagged: 'Flagged referrals',
    flaggedDescription: 'Held out of referral value until a manager approves them.',
    merges: 'Merge suggestions',
    mergesDescription:
      'Likely the same person recorded twice. Merging moves every record onto the member kept.',
  },
  it: {
    flag_disposable_domain: 'dominio email usa e getta',
    flag_similar_email: 'email quasi identiche',
    flag_burst: 'molte segnalazioni insieme',
    noneWaiting: 'Nessuna segnalazione in attesa di decisione.',
    suspicious:
      'Qui compaiono le segnalazioni sospette (domini usa e getta, email simili, raffiche).',
    referrer: 'segnalatore',
    referee: 'segnalato',
    referrerLink: 'Segnalatore',
    referred: ' ha segnalato ',
    invited: ' invitato il {date}',
    convertedToo: ', convertito il {date}',
    st_invited: 'invitato',
    st_signed_up: 'iscritto',
    st_converted: 'convertito',
    st_rejected: 'rifiutato',
    approve: 'Approva',
    approveLabel: 'Approva la segnalazione {who}',
    approved: 'Segnalazione {who} approvata',
    allDecided: 'Tutte le segnalazioni sospette sono state decise.',
    reject: 'Rifiuta',
    rejectLabel: 'Rifiuta la segnalazione {who}',
    rejected: 'Segnalazione {who} rifiutata',
    theFlagged: 'le segnalazioni sospette',
    title: 'Code di revisione',
    subtitleWrite: 'Decidi sulle segnalazioni sospette e sui probabili membri duplicati.',
    subtitleRead:
      'Puoi consultare le code; per approvare, rifiutare, unire o ignorare serve una chiave da responsabile.',
    flagged: 'Segnalazioni sospette',
    flaggedDescription:
      'Escluse dal valore delle segnalazioni finché un responsabile non le approva.',
    merges: 'Suggerimenti di unione',
    mergesDescription:
      'Probabilmente la stessa persona registrata due volte. Unendole, ogni record passa al membro tenuto.',
  },
});

/** @type {Record<string, string>} */
/**
 * A word of the API's (a flag, a status) in the current language, else readable as sent.
 * @param {string} prefix
 * @param {string} value
 */
function known(prefix, value) {
  const key = /** @type {Parameters<typeof t>[0]} */ (`${prefix}${value}`);
  return key in t.catalog.en ? t(key) : humanize(value);
}

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
    const [members, evidence] = await Promise.all([
      membersById(page.items.flatMap((referral) => [referral.referrerId, referral.refereeId])),
      Promise.all(
        page.items.map((referral) =>
          get(`/api/v1/referrals/${referral.id}/evidence`).catch(() => null),
        ),
      ),
    ]);
    if (!page.items.length) {
      slot.replaceChildren(emptyState(t('noneWaiting'), t('suspicious')));
      return page.total;
    }
    const list = h('ul', { class: 'queue' });
    for (const [index, referral] of page.items.entries()) {
      const facts = evidence[index];
      const referrer = members.get(referral.referrerId);
      const referee = referral.refereeId ? members.get(referral.refereeId) : null;
      const who = `${referrer?.name ?? referrer?.email ?? t('referrer')} → ${referee?.name ?? referee?.email ?? referral.refereeEmail ?? t('referee')}`;
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
              memberLink(referrer, t('referrerLink')),
              h('span', { 'aria-hidden': 'true' }, ' → '),
              h('span', { class: 'visually-hidden' }, t('referred')),
              referee ? memberLink(referee) : h('span', {}, referral.refereeEmail ?? '—'),
            ),
            h(
              'p',
              { class: 'queue-meta' },
              referral.flags.map((/** @type {string} */ flag) =>
                badge(known('flag_', flag), 'warn'),
              ),
              ' ',
              badge(
                known('st_', referral.status).toLowerCase(),
                referral.status === 'converted' ? 'good' : 'muted',
              ),
              h(
                'span',
                { class: 'muted small' },
                t('invited', { date: date(referral.invitedAt) }) +
                  (referral.convertedAt
                    ? t('convertedToo', { date: date(referral.convertedAt) })
                    : ''),
              ),
            ),
            facts ? evidenceList(facts) : null,
            h('p', { class: 'row-error', role: 'alert' }),
          ),
          canWrite
            ? h(
                'div',
                { class: 'queue-actions' },
                actionButton(
                  t('approve'),
                  t('approveLabel', { who }),
                  'button-primary',
                  async (row) => {
                    await post(`/api/v1/referrals/${referral.id}/approve`);
                    removeRow(row, list, t('approved', { who }), t('allDecided'));
                  },
                ),
                actionButton(
                  t('reject'),
                  t('rejectLabel', { who }),
                  'button-danger',
                  async (row) => {
                    await post(`/api/v1/referrals/${referral.id}/reject`);
                    removeRow(row, list, t('rejected', { who }), t('allDecided'));
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
    slot.replaceChildren(errorState(error, t('theFlagged')));
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
    pageHeader(t('title'), {
      subtitle: session.canWrite ? t('subtitleWrite') : t('subtitleRead'),
    }),
    card(
      t('flagged'),
      {
        id: 'flagged-referrals',
        description: t('flaggedDescription'),
        actions: referralsCount,
      },
      referralsSlot,
    ),
    card(
      t('merges'),
      {
        id: 'merge-suggestions',
        description: t('mergesDescription'),
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
