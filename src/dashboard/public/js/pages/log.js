// @ts-check
import { h } from '../dom.js';
import { messages } from '../i18n.js';
import { pageHeader } from '../ui.js';
import { mentionSection, referralSection, reviewSection } from './log-activity.js';
import { eventCreateSection } from './log-event.js';
import { feedbackSection } from './log-feedback.js';
import { memberCreateSection } from './log-member.js';

/**
 * The Log area (#/log/:what): what a community manager records by hand, one form a tab.
 * Keys that may not write see why, and no form.
 */

export const t = messages({
  en: {
    title: 'Log',
    subtitle: 'Record members and community activity by hand.',
    tabs: 'What to log',
    member: 'Member',
    event: 'Event',
    review: 'Review',
    mention: 'Mention',
    referral: 'Referral',
    feedback: 'Feedback',
    readOnly: 'Your key can read but not write. Ask an admin for a manager key to log activity.',
  },
  it: {
    title: 'Registra',
    subtitle: 'Registra a mano membri e attività della community.',
    tabs: 'Cosa registrare',
    member: 'Membro',
    event: 'Evento',
    review: 'Recensione',
    mention: 'Menzione',
    referral: 'Invito',
    feedback: 'Feedback',
    readOnly:
      'La tua chiave può leggere ma non scrivere. Chiedi a un admin una chiave manager per registrare attività.',
  },
});

export const LOG_FORMS = /** @type {const} */ ([
  'member',
  'event',
  'review',
  'mention',
  'referral',
  'feedback',
]);

/** @type {import('../app.js').Page['render']} */
export async function render(container, { match, session }) {
  const chosen = /** @type {(typeof LOG_FORMS)[number]} */ (
    LOG_FORMS.find((name) => name === match?.[1]) ?? 'member'
  );
  container.append(pageHeader(`${t(chosen)} · ${t('title')}`, { subtitle: t('subtitle') }));
  if (!session.canWrite) {
    container.append(h('p', { class: 'notice', id: 'log-read-only' }, t('readOnly')));
    return;
  }
  container.append(
    h(
      'nav',
      { 'aria-label': t('tabs'), class: 'log-tabs-nav' },
      h(
        'ul',
        { class: 'tabs log-tabs' },
        LOG_FORMS.map((name) =>
          h(
            'li',
            {},
            h(
              'a',
              { href: `#/log/${name}`, 'aria-current': name === chosen ? 'page' : null },
              t(name),
            ),
          ),
        ),
      ),
    ),
  );
  const section = h('div', { class: 'stack log-section' });
  container.append(section);
  if (chosen === 'member') await memberCreateSection(section);
  else if (chosen === 'event') eventCreateSection(section, session);
  else if (chosen === 'review') reviewSection(section);
  else if (chosen === 'mention') mentionSection(section);
  else if (chosen === 'referral') referralSection(section, session);
  else feedbackSection(section);
}
