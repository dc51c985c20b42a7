// @ts-check
import { get } from '../api.js';
import { externalLink, h } from '../dom.js';
import { count, date, money } from '../format.js';
import { badge, card, emptyState, errorState } from '../ui.js';

/**
 * GET /api/v1/members/:id/timeline items: `record` is the purchase, review, mention… itself.
 * @typedef {{
 *   type: string,
 *   occurredAt: string,
 *   summary?: string,
 *   record?: Record<string, any> | null,
 * }} TimelineItem
 */

/** @type {Record<string, { label: string, tone: string }>} */
const TYPES = {
  purchase: { label: 'Purchase', tone: 'info' },
  referral_made: { label: 'Referral', tone: 'good' },
  referral_received: { label: 'Referred', tone: 'good' },
  review: { label: 'Review', tone: 'warn' },
  mention: { label: 'Mention', tone: 'accent' },
  attendance: { label: 'Event', tone: 'accent' },
  feedback: { label: 'Feedback', tone: 'muted' },
};

/** @param {number} rating 1 to 5 */
function stars(rating) {
  return h(
    'span',
    { class: 'stars', role: 'img', 'aria-label': `${rating} out of 5 stars` },
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
          `${count(record.views)} views · ${count(record.helpfulVotes)} helpful`,
          record.url ? ' · ' : '',
          record.url ? externalLink(record.url, 'open review') : null,
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
          `reach ${count(record.reach)} · ${count(record.likes)} likes · ${count(record.shares)} shares · ${count(record.comments)} comments`,
        ),
      );
    case 'feedback':
      return h('div', { class: 'timeline-detail' }, h('p', { class: 'quote' }, record.text ?? ''));
    case 'purchase':
      return record.baseAmount && record.baseCurrency !== record.currency
        ? h(
            'p',
            { class: 'muted small' },
            `${money(record.baseAmount, record.baseCurrency)} in the base currency`,
          )
        : null;
    default:
      return null;
  }
}

/** @param {TimelineItem} item */
function timelineItem(item) {
  const type = TYPES[item.type] ?? { label: item.type, tone: 'muted' };
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
    'Show older activity',
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
      if (!list.children.length) status.replaceChildren(emptyState('Nothing recorded yet.'));
      cursor = page.nextCursor;
      more.hidden = !cursor;
    } catch (error) {
      status.replaceChildren(errorState(error, 'the timeline'));
    }
    more.disabled = false;
  }
  more.addEventListener('click', () => void load());
  void load();
  return card(
    'Timeline',
    {
      id: 'timeline',
      description: 'Purchases, referrals, reviews, mentions, events and feedback, newest first.',
    },
    list,
    status,
    more,
  );
}
