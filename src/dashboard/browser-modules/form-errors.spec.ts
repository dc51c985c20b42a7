import { problemText, t } from '../public/js/forms/form-errors.js';
import { setLanguage } from '../public/js/i18n.js';
import { t as kit } from '../public/js/forms/form-kit.js';
import { t as picker } from '../public/js/forms/member-picker.js';
import { t as attendance } from '../public/js/pages/event-attendance.js';
import { t as activity } from '../public/js/pages/log-activity.js';
import { t as event } from '../public/js/pages/log-event.js';
import { t as feedback } from '../public/js/pages/log-feedback.js';
import { t as member } from '../public/js/pages/log-member.js';
import { t as log } from '../public/js/pages/log.js';

afterEach(() => setLanguage('en'));

describe('the forms’ words', () => {
  it.each([
    ['errors', t],
    ['form kit', kit],
    ['member picker', picker],
    ['log area', log],
    ['member form', member],
    ['event form', event],
    ['attendance page', attendance],
    ['review, mention and referral forms', activity],
    ['feedback form', feedback],
  ])('%s: every English word has an Italian one of the same kind', (_name, words) => {
    const { en, it: italian } = words.catalog as Record<string, Record<string, unknown>>;
    expect(Object.keys(italian).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(typeof italian[key]).toBe(typeof en[key]);
    // Most sentences are translated, not copied (a few words are the same in both languages).
    const letters = (text: string) => text.replace(/\{\w+\}/g, '').replace(/[^\p{L}]/gu, '');
    const copied = Object.keys(en).filter(
      (key) =>
        typeof en[key] === 'string' &&
        letters(en[key] as string).length > 10 &&
        en[key] === italian[key],
    );
    expect(copied).toEqual([]);
  });

  it('says counts and statuses in natural Italian', () => {
    setLanguage('it');
    expect(attendance('marked', { count: 1, status: 'attended' })).toBe(
      'Una persona segnata come presente.',
    );
    expect(attendance('marked', { count: 3, status: 'no-show' })).toBe(
      '3 persone segnate come assenti.',
    );
    expect(kit('problems', { count: 2 })).toBe('2 campi vanno corretti:');
    expect(picker('found', { count: 1 })).toBe('Trovato un membro.');
  });

  it('says a refused field in the form’s language, field-specific first, then the code', () => {
    const taken = {
      field: 'email',
      code: 'MEMBER_EXISTS',
      reason: 'another member has this email',
    };
    expect(problemText(taken)).toBe('Another member already has this email.');
    expect(
      problemText({ field: 'email', code: 'isEmail', reason: 'must be an email address' }),
    ).toBe('Not an email address (name@example.com).');
    setLanguage('it');
    expect(problemText(taken)).toBe('Un altro membro ha già questa email.');
    expect(problemText({ field: 'cost', code: 'moneyFormat' })).toBe(
      'Serve un importo come 1.234,50 (virgola prima dei centesimi).',
    );
    expect(problemText({ field: 'externalId', code: 'required' })).toMatch(/^Indica un’email/);
  });

  it('falls back to the error’s own code, then to the API’s reason', () => {
    expect(
      problemText({ field: 'refereeEmail', code: 'conflict' }, 'REFEREE_ALREADY_REFERRED'),
    ).toBe('This person was referred by someone else already.');
    expect(problemText({ field: 'x', code: 'somethingNew', reason: 'is odd' })).toBe(
      'Refused by Halo: is odd',
    );
  });
});
