import { storable } from './import-report';
import { scrubbedReason } from './scrubbed-reason';

describe('scrubbedReason', () => {
  it('takes out every value of the row, nested and in any case', () => {
    const row = {
      memberEmail: 'Ada@Example.com',
      attribution: { campaignId: 'spring-24' },
      amount: 125,
    };
    expect(scrubbedReason('no member ada@example.com; campaign spring-24 of 125', row)).toBe(
      'no member (value); campaign (value) of (value)',
    );
  });

  it('leaves a reason without values alone, and single characters', () => {
    expect(scrubbedReason('must be an email address', { email: 'x' })).toBe(
      'must be an email address',
    );
    expect(scrubbedReason('is not valid JSON', undefined)).toBe('is not valid JSON');
  });

  it('cuts a long reason to the column', () => {
    expect(scrubbedReason('y'.repeat(500), {})).toHaveLength(300);
  });
});

describe('storable', () => {
  it('keeps no NUL and no lone surrogate, which PostgreSQL refuses', () => {
    expect(storable('k\u0000')).toBe('k\u2400');
    expect(storable('a\ud800b\udc00 😀')).toBe('a\ufffdb\ufffd 😀');
  });
});
