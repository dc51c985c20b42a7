// @ts-check
import { humanize } from './format.js';
import { messages } from './i18n.js';

/**
 * Names of the API's fixed vocabularies that more than one page shows (activity types,
 * intervals); an unknown value is shown as the API spells it, made readable.
 */
export const t = messages({
  en: {
    purchase: 'Purchase',
    referral_invited: 'Referral invited',
    referral_signed_up: 'Referral signed up',
    referral_converted: 'Referral converted',
    review: 'Review',
    mention: 'Mention',
    event_attended: 'Event attended',
    event_spoke: 'Event spoke',
    event_hosted: 'Event hosted',
    event_volunteered: 'Event volunteered',
    feedback_submitted: 'Feedback submitted',
    feedback_accepted: 'Feedback accepted',
    feedback_shipped: 'Feedback shipped',
    day: 'day',
    week: 'week',
    month: 'month',
    ch_community: 'Community',
    ch_unattributed: 'Unattributed',
  },
  it: {
    purchase: 'Acquisto',
    referral_invited: 'Segnalazione: invito',
    referral_signed_up: 'Segnalazione: iscrizione',
    referral_converted: 'Segnalazione: conversione',
    review: 'Recensione',
    mention: 'Menzione',
    event_attended: 'Partecipazione a evento',
    event_spoke: 'Intervento a evento',
    event_hosted: 'Evento ospitato',
    event_volunteered: 'Volontariato a evento',
    feedback_submitted: 'Suggerimento inviato',
    feedback_accepted: 'Suggerimento accolto',
    feedback_shipped: 'Suggerimento realizzato',
    day: 'giorno',
    week: 'settimana',
    month: 'mese',
    ch_community: 'Community',
    ch_unattributed: 'Non attribuito',
  },
});

/**
 * A word of the API (an activity type, an interval) in the current language.
 * @param {unknown} value
 * @returns {string}
 */
export function word(value) {
  const key = String(value ?? '');
  return key in t.catalog.en ? t(/** @type {Parameters<typeof t>[0]} */ (key)) : humanize(key);
}

/**
 * An acquisition channel: the two Halo names (community, unattributed) in the current
 * language, a brand's own label made readable.
 * @param {unknown} channel
 * @returns {string}
 */
export function channelName(channel) {
  const key = `ch_${channel}`;
  return key in t.catalog.en ? t(/** @type {Parameters<typeof t>[0]} */ (key)) : humanize(channel);
}
