// @ts-check
import { h } from '../dom.js';
import { count, money } from '../format.js';
import { messages } from '../i18n.js';

/**
 * GET /api/v1/referrals/:id/evidence: what a flagged referral's decision rests on.
 * @typedef {{
 *   flags: string[],
 *   referrerEmail: string | null,
 *   refereeEmail: string | null,
 *   similarEmails: boolean,
 *   disposableDomain: string | null,
 *   burst: { referralsInWindow: number, windowHours: number, threshold: number },
 *   atStake: { baseRewardCost: string, refereeSpend: string, baseCurrency: string, converted: boolean },
 * }} Evidence
 */

export const t = messages({
  en: {
    similar: 'Look-alike emails: {referrer} referred {referee}.',
    disposable: 'The referee’s address is at {domain}, a disposable email service.',
    burst:
      '{count} invitations by this referrer within {hours} h (more than {threshold} is a burst).',
    atStake: 'At stake: a reward of {reward}; the referee has spent {spend} so far.',
    credited: 'Approving credits that spend to the referrer now.',
    creditedLater: 'Approved, it counts once the referee orders.',
  },
  it: {
    similar: 'Email quasi uguali: {referrer} ha segnalato {referee}.',
    disposable: 'L’indirizzo del segnalato è su {domain}, un servizio di email usa e getta.',
    burst: '{count} inviti di questo segnalatore in {hours} h (più di {threshold} è una raffica).',
    atStake: 'In gioco: un premio di {reward}; il segnalato ha speso finora {spend}.',
    credited: 'Approvandola, quella spesa viene attribuita subito al segnalatore.',
    creditedLater: 'Se approvata, conta quando il segnalato ordina.',
  },
});

/**
 * The evidence as short sentences under a flagged referral: each flag's facts, then the money.
 * @param {Evidence} evidence
 * @returns {HTMLElement}
 */
export function evidenceList(evidence) {
  const { atStake, burst } = evidence;
  const lines = [
    evidence.similarEmails
      ? t('similar', { referrer: evidence.referrerEmail, referee: evidence.refereeEmail })
      : null,
    evidence.disposableDomain ? t('disposable', { domain: evidence.disposableDomain }) : null,
    evidence.flags.includes('burst')
      ? t('burst', {
          count: count(burst.referralsInWindow),
          hours: count(burst.windowHours),
          threshold: count(burst.threshold),
        })
      : null,
    `${t('atStake', {
      reward: money(atStake.baseRewardCost, atStake.baseCurrency),
      spend: money(atStake.refereeSpend, atStake.baseCurrency),
    })} ${atStake.converted ? t('credited') : t('creditedLater')}`,
  ].filter(Boolean);
  return h(
    'ul',
    { class: 'queue-evidence' },
    lines.map((line) => h('li', {}, line)),
  );
}
