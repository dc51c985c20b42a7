import { problemText, t } from '../public/js/forms/form-errors.js';
import { setLanguage } from '../public/js/i18n.js';
import { t as kit } from '../public/js/forms/form-kit.js';
import { t as picker } from '../public/js/forms/member-picker.js';

afterEach(() => setLanguage('en'));

describe('the forms’ words', () => {
  it.each([
    ['errors', t],
    ['form kit', kit],
    ['member picker', picker],
  ])('%s: every English word has an Italian one, and differs where it should', (_name, words) => {
    const { en, it: italian } = words.catalog as Record<string, Record<string, unknown>>;
    expect(Object.keys(italian).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(typeof italian[key]).toBe(typeof en[key]);
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
