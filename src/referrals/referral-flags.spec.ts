import {
  areSimilarEmails,
  canonicalLocalPart,
  editDistance,
  isDisposableEmail,
  referralFlags,
} from './referral-flags';

describe('referral flags', () => {
  it('measures edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('ada', 'ada')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('ada', 'adda')).toBe(1);
  });

  it('drops +tags and dots from the local part', () => {
    expect(canonicalLocalPart('a.da+spring')).toBe('ada');
  });

  it.each([
    ['ada@example.com', 'ada+1@example.com', true],
    ['ada.lovelace@example.com', 'adalovelace+x@example.com', true],
    ['ada@example.com', 'ada12@example.com', true],
    ['ada@example.com', 'ada123@example.com', false],
    ['ada@example.com', 'ada@example.org', false],
    ['ada.lovelace@example.com', 'grace.hopper@example.com', false],
    // Two unrelated short names at one domain are not look-alikes; typos of longer ones are.
    ['ada@example.com', 'dan@example.com', false],
    ['ann@example.com', 'ben@example.com', false],
    ['grace@example.com', 'grance@example.com', true],
    ['john.smith@example.com', 'jon.smith@example.com', true],
    ['john.smith@example.com', 'jane.smyth@example.com', false],
  ])('%s and %s similar: %s', (first, second, similar) => {
    expect(areSimilarEmails(first, second)).toBe(similar);
  });

  it('knows disposable domains and their subdomains, ignoring case', () => {
    const list = ['mailinator.com'];
    expect(isDisposableEmail('x@Mailinator.com', list)).toBe(true);
    expect(isDisposableEmail('x@eu.mailinator.com', list)).toBe(true);
    expect(isDisposableEmail('x@notmailinator.com', list)).toBe(false);
  });

  it('flags a burst only above the threshold', () => {
    const base = {
      referrerEmail: 'ada@example.com',
      refereeEmail: 'grace@example.org',
      disposableDomains: [],
      burstThreshold: 5,
    };
    expect(referralFlags({ ...base, referralsInWindow: 5 })).toEqual([]);
    expect(referralFlags({ ...base, referralsInWindow: 6 })).toEqual(['burst']);
  });

  it('lists every reason at once', () => {
    expect(
      referralFlags({
        referrerEmail: 'ada@mailinator.com',
        refereeEmail: 'ada+2@mailinator.com',
        disposableDomains: ['mailinator.com'],
        referralsInWindow: 1,
        burstThreshold: 5,
      }),
    ).toEqual(['disposable_domain', 'similar_email']);
  });
});
