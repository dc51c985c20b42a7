// @ts-check
import { get } from '../api.js';
import { externalLink, h } from '../dom.js';
import { count, date, money } from '../format.js';
import { badge, card, emptyState, errorState } from '../ui.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    purchase: 'Purchase',
    referral_made: 'Referral',
    referral_received: 'Referred',
    review: 'Review',
    mention: 'Mention',
    attendance: 'Event',
    feedback: 'Feedback',
    stars: '{rating} out of 5 stars',
    reviewStats: '{views} views · {helpful} helpful',
    openReview: 'open review',
    mentionStats: 'reach {reach} · {likes} likes · {shares} shares · {comments} comments',
    baseCurrency: '{amount} in the base currency',
    older: 'Show older activity',
    nothing: 'Nothing recorded yet.',
    theTimeline: 'the timeline',
    timeline: 'Timeline',
    description: 'Purchases, referrals, reviews, mentions, events and feedback, newest first.',
  },
  it: {
    purchase: 'Acquisto',
    referral_made: 'Segnalazione',
    referral_received: 'Segnalato',
    review: 'Recensione',
    mention: 'Menzione',
    attendance: 'Evento',
    feedback: 'Suggerimento',
    stars: '{rating} stelle su 5',
    reviewStats: '{views} visualizzazioni · {helpful} utili',
    openReview: 'apri la recensione',
    mentionStats:
      'portata {reach} · {likes} mi piace · {shares} condivisioni · {comments} commenti',
    baseCurrency: '{amount} nella valuta di base',
    older: 'Mostra le attività meno recenti',
    nothing: 'Ancora nessuna attività registrata.',
    theTimeline: 'la cronologia',
    timeline: 'Cronologia',
    description:
      'Acquisti, segnalazioni, recensioni, menzioni, eventi e suggerimenti, dai più recenti.',
  },
});

/**
 * GET /api/v1/members/:id/timeline items: `record` is the purchase, review, mention… itself.
 * @typedef {{
 *   type: string,
 *   occurredAt: string,
 *   summary?: string,
 *   record?: Record<string, any> | null,
 * }} TimelineItem
 */

/** @type {Record<string, string>} the tone of each type's badge; its label is in `t` */
const TONES = {
  purchase: 'info',
  referral_made: 'good',
  referral_received: 'good',
  review: 'warn',
  mention: 'accent',
  attendance: 'accent',
  feedback: 'muted',
};

/** @param {number} rating 1 to 5 */
function stars(rating) {
  return h(
    'span',
    { class: 'stars', role: 'img', 'aria-label': t('stars', { rating }) },
    '★'.repeat(rating),
    h('span', { class: 'stars-off' }, '★'.repeat(Math.max(0, 5 - rating))),
  );
}

/**
 * The record's own words, always as text.
 * @param {TimelineItem} item
 */
function details(item) {
  const record = item.record ?? {};
  switch (item.type) {
    case 'review':
      return h(
        'div',
        { class: 'timeline-detail review' },
        h(
          'p',
          { class: 'review-head' },
          stars(record.rating ?? 0),
          ' ',
          h('strong', {}, record.title ?? ''),
        ),
        record.body ? h('p', { class: 'review-body' }, record.body) : null,
        h(
          'p',
          { class: 'muted small' },
          t('reviewStats', { views: count(record.views), helpful: count(record.helpfulVotes) }),
          record.url ? ' · ' : '',
          record.url ? externalLink(record.url, t('openReview')) : null,
        ),
      );
    case 'mention':
      return h(
        'div',
        { class: 'timeline-detail' },
        h('p', {}, externalLink(record.url)),
        h(
          'p',
          { class: 'muted small' },
          t('mentionStats', {
            reach: count(record.reach),
            likes: count(record.likes),
            shares: count(record.shares),
            comments: count(record.comments),
          }),
        ),
      );
    case 'feedback':
      return h('div', { class: 'timeline-detail' }, h('p', { class: 'quote' }, record.text ?? ''));
    case 'purchase':
      return record.baseAmount && record.baseCurrency !== record.currency
        ? h(
            'p',
            { class: 'muted small' },
            t('baseCurrency', { amount: money(record.baseAmount, record.baseCurrency) }),
          )
        : null;
    default:
      return null;
  }
}

/** @param {TimelineItem} item */
function timelineItem(item) {
  const known = item.type in TONES;
  const type = {
    label: known ? t(/** @type {Parameters<typeof t>[0]} */ (item.type)) : item.type,
    tone: TONES[item.type] ?? 'muted',
  };
  return h(
    'li',
    { class: `timeline-item type-${item.type}` },
    h('time', { datetime: item.occurredAt }, date(item.occurredAt)),
    h(
      'div',
      { class: 'timeline-body' },
      h('p', { class: 'timeline-summary' }, badge(type.label, type.tone), ' ', item.summary),
      details(item),
    ),
  );
}

/**
 * @param {string} memberId
 * @returns {HTMLElement}
 */
export function timeline(memberId) {
  const list = h('ol', { class: 'timeline' });
  const more = h(
    'button',
    { type: 'button', class: 'button button-quiet', hidden: true },
    t('older'),
  );
  const status = h('div');
  /** @type {string | null | undefined} */
  let cursor;
  async function load() {
    more.disabled = true;
    try {
      /** @type {{ items: TimelineItem[], nextCursor?: string | null }} */
      const page = await get(`/api/v1/members/${memberId}/timeline`, { limit: 25, cursor });
      list.append(...page.items.map(timelineItem));
      if (!list.children.length) status.replaceChildren(emptyState(t('nothing')));
      cursor = page.nextCursor;
      more.hidden = !cursor;
    } catch (error) {
      status.replaceChildren(errorState(error, t('theTimeline')));
    }
    more.disabled = false;
  }
  more.addEventListener('click', () => void load());
  void load();
  return card(
    t('timeline'),
    {
      id: 'timeline',
      description: t('description'),
    },
    list,
    status,
    more,
  );
}
