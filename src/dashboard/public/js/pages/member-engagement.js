// @ts-check
import { barList } from '../charts.js';
import { h } from '../dom.js';
import { count, date, humanize, toNumber } from '../format.js';
import { card, emptyState } from '../ui.js';

/**
 * The engagement score, per platform, and the activities that earned it.
 * @param {Record<string, any> | null} engagement GET /api/v1/members/:id/engagement
 */
export function engagementCard(engagement) {
  if (!engagement) {
    return card(
      'Engagement',
      { id: 'engagement' },
      emptyState(
        'No engagement score yet.',
        'Scores come from reviews, mentions, events, referrals and feedback.',
      ),
    );
  }
  const total = toNumber(engagement.total ?? engagement.score) ?? 0;
  const platforms = Object.entries(engagement.byPlatform ?? {}).map(
    ([name, value]) => /** @type {[string, number]} */ ([name, toNumber(value) ?? 0]),
  );
  const offPlatform = toNumber(engagement.offPlatform);
  if (offPlatform) platforms.push(['off platform', offPlatform]);
  /** @type {Record<string, any>[]} */
  const contributions = engagement.contributions ?? engagement.activities ?? [];
  return card(
    'Engagement',
    {
      id: 'engagement',
      description:
        'Each activity counts its weight, halving every half-life; nothing here is a black box.',
    },
    h(
      'p',
      { class: 'breakdown-total' },
      h('span', { class: 'breakdown-total-label' }, 'Score'),
      h('span', { class: 'breakdown-total-value' }, count(total)),
    ),
    platforms.length
      ? barList(
          platforms.map(([name, value]) => ({
            label: humanize(name),
            value,
            display: count(value),
            color: '#7c3aed',
          })),
          { label: 'Engagement by platform' },
        )
      : null,
    contributions.length
      ? h(
          'ol',
          { class: 'drivers' },
          contributions
            .slice(0, 8)
            .map((item) =>
              h(
                'li',
                {},
                h(
                  'span',
                  { class: 'driver-label' },
                  humanize(item.type ?? item.activity?.type),
                  (item.platform ?? item.activity?.platform)
                    ? ` on ${item.platform ?? item.activity?.platform}`
                    : '',
                ),
                h(
                  'span',
                  { class: 'driver-meta muted small' },
                  `${date(item.occurredAt ?? item.activity?.occurredAt)} · weight ${count(item.weight)}`,
                ),
                h('span', { class: 'driver-amount num' }, `${count(item.points)} pts`),
              ),
            ),
        )
      : null,
  );
}
