import { FieldRule, compareRecord } from './compare-record';

interface Post {
  url: string;
  externalId: string | null;
  likes: number;
  sentiment: number | null;
}

const rules: Record<keyof Post, FieldRule> = {
  url: 'fixed',
  externalId: 'fillable',
  likes: 'mutable',
  sentiment: 'fillable',
};
const stored: Post = { url: 'https://a.example/1', externalId: null, likes: 3, sentiment: 0.5 };

describe('compareRecord', () => {
  it('is unchanged for the same content and for fields not sent', () => {
    expect(compareRecord(stored, { ...stored }, rules)).toEqual({
      outcome: 'unchanged',
      changes: {},
    });
    expect(compareRecord(stored, { url: stored.url }, rules).outcome).toBe('unchanged');
  });

  it('updates a changed mutable field', () => {
    expect(compareRecord(stored, { ...stored, likes: 9 }, rules)).toEqual({
      outcome: 'updated',
      changes: { likes: 9 },
    });
  });

  it('fills an empty fillable field', () => {
    expect(compareRecord(stored, { externalId: 'x-1' }, rules)).toEqual({
      outcome: 'updated',
      changes: { externalId: 'x-1' },
    });
  });

  it('refuses another value of a fixed or a filled field', () => {
    expect(compareRecord(stored, { url: 'https://a.example/2', likes: 9 }, rules)).toEqual({
      outcome: 'conflict',
      field: 'url',
    });
    expect(compareRecord(stored, { sentiment: -0.5 }, rules)).toEqual({
      outcome: 'conflict',
      field: 'sentiment',
    });
    expect(compareRecord({ ...stored, externalId: 'x-1' }, { externalId: 'x-2' }, rules)).toEqual({
      outcome: 'conflict',
      field: 'externalId',
    });
  });

  it('ignores fields without a rule', () => {
    const loose = { url: 'https://a.example/1' };
    expect(compareRecord(stored, loose, { likes: 'mutable' }).outcome).toBe('unchanged');
  });
});
