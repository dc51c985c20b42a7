// @ts-check
import { barList } from '../charts.js';
import { h } from '../dom.js';
import { count, date, decimal, toNumber } from '../format.js';
import { word } from '../words.js';
import { card, emptyState } from '../ui.js';
import { messages } from '../i18n.js';

export const t = messages({
  en: {
    engagement: 'Engagement',
    noScore: 'No engagement score yet.',
    scoresFrom: 'Scores come from reviews, mentions, events, referrals and feedback.',
    offPlatform: 'off platform',
    description:
      'Each activity counts its weight, halving every half-life; nothing here is a black box.',
    score: 'Score',
    byPlatform: 'Engagement by platform',
    on: ' on {platform}',
    meta: '{date} · weight {weight}',
    pts: '{points} pts',
  },
  it: {
    engagement: 'Coinvolgimento',
    noScore: 'Ancora nessun punteggio di coinvolgimento.',
    scoresFrom: 'Il punteggio nasce da recensioni, menzioni, eventi, segnalazioni e suggerimenti.',
    offPlatform: 'fuori piattaforma',
    description:
      'Ogni attività conta il suo peso, che si dimezza a ogni emivita: qui niente è una scatola nera.',
    score: 'Punteggio',
    byPlatform: 'Coinvolgimento per piattaforma',
    on: ' su {platform}',
    meta: '{date} · peso {weight}',
    pts: '{points} punti',
  },
});

/**
 * The engagement score, per platform, and the activities that earned it.
 * @param {Record<string, any> | null} engagement GET /api/v1/members/:id/engagement
 */
export function engagementCard(engagement) {
  if (!engagement) {
    return card(t('engagement'), { id: 'engagement' }, emptyState(t('noScore'), t('scoresFrom')));
  }
  const total = toNumber(engagement.total ?? engagement.score) ?? 0;
  const platforms = Object.entries(engagement.byPlatform ?? {}).map(
    ([name, value]) => /** @type {[string, number]} */ ([name, toNumber(value) ?? 0]),
  );
  const offPlatform = toNumber(engagement.offPlatform);
  if (offPlatform) platforms.push([t('offPlatform'), offPlatform]);
  /** @type {Record<string, any>[]} */
  const contributions = engagement.contributions ?? engagement.activities ?? [];
  return card(
    t('engagement'),
    {
      id: 'engagement',
      description: t('description'),
    },
    h(
      'p',
      { class: 'breakdown-total' },
      h('span', { class: 'breakdown-total-label' }, t('score')),
      h('span', { class: 'breakdown-total-value' }, decimal(total, 1)),
    ),
    platforms.length
      ? barList(
          platforms.map(([name, value]) => ({
            label: word(name),
            value,
            display: decimal(value, 1),
            color: '#7c3aed',
          })),
          { label: t('byPlatform') },
        )
      : null,
    contributions.length
      ? h(
          'ol',
          { class: 'drivers' },
          contributions.slice(0, 8).map((item) =>
            h(
              'li',
              {},
              h(
                'span',
                { class: 'driver-label' },
                word(item.type ?? item.activity?.type),
                (item.platform ?? item.activity?.platform)
                  ? t('on', { platform: item.platform ?? item.activity?.platform })
                  : '',
              ),
              h(
                'span',
                { class: 'driver-meta muted small' },
                t('meta', {
                  date: date(item.occurredAt ?? item.activity?.occurredAt),
                  weight: count(item.weight),
                }),
              ),
              h(
                'span',
                { class: 'driver-amount num' },
                t('pts', { points: decimal(item.points, 1) }),
              ),
            ),
          ),
        )
      : null,
  );
}
