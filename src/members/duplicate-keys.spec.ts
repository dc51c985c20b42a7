import { emailKeys, isDistinctiveName, levenshteinRatio, normalizeName } from './duplicate-keys';

describe('emailKeys', () => {
  it('ignores case, dots in the local part and +tags', () => {
    expect(emailKeys('A.Da+x@Gmail.com')).toEqual({ mailbox: 'ada@gmail.com', localPart: 'ada' });
    expect(emailKeys('ada@gmail.com')?.mailbox).toBe('ada@gmail.com');
  });

  it('keeps dots in the domain and treats googlemail.com as gmail.com', () => {
    expect(emailKeys('ada@mail.example.co.uk')?.mailbox).toBe('ada@mail.example.co.uk');
    expect(emailKeys('ada@googlemail.com')?.mailbox).toBe('ada@gmail.com');
  });

  it('has no key for a missing or broken email', () => {
    expect(emailKeys(null)).toBeNull();
    expect(emailKeys('no-at-sign')).toBeNull();
    expect(emailKeys('+tag@example.com')).toBeNull();
  });
});

describe('normalizeName', () => {
  it('drops accents, punctuation and case, and sorts the words', () => {
    expect(normalizeName('Lovelace, Ádá')).toBe('ada lovelace');
    expect(normalizeName('  Ada   LOVELACE ')).toBe('ada lovelace');
    expect(normalizeName(null)).toBe('');
  });
});

describe('isDistinctiveName', () => {
  it('needs two words and twelve letters', () => {
    expect(isDistinctiveName('bartholomew featherstonehaugh')).toBe(true);
    expect(isDistinctiveName('ada lovelace')).toBe(false);
    expect(isDistinctiveName('featherstonehaugh')).toBe(false);
  });
});

describe('levenshteinRatio', () => {
  it('is 1 − distance / longer length', () => {
    expect(levenshteinRatio('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7);
    expect(levenshteinRatio('john smith', 'john smyth')).toBeCloseTo(0.9);
    expect(levenshteinRatio('', '')).toBe(1);
    expect(levenshteinRatio('abc', 'abc')).toBe(1);
  });

  it('gives 0 when the ratio cannot reach the bound', () => {
    expect(levenshteinRatio('kitten', 'sitting', 0.9)).toBe(0);
    expect(levenshteinRatio('a', 'abcdefghij', 0.5)).toBe(0);
    expect(levenshteinRatio('john smith', 'john smyth', 0.9)).toBeCloseTo(0.9);
  });
});
