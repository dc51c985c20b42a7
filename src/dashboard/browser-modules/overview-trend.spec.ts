import { partialNote } from '../public/js/pages/overview-trend.js';

/** A last interval that has not ended is drawn as partial, never as a dive. */
describe('overview trend', () => {
  const window = (start: string, end: string) => ({ start, end, values: {} });
  const metrics = (interval: string, intervals: ReturnType<typeof window>[]) =>
    ({ from: '', to: '', interval, total: {}, intervals }) as never;

  it('notes a month that is not over yet, and nothing once it is', () => {
    const months = metrics('month', [
      window('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
      window('2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'),
    ]);
    expect(partialNote(months, Date.parse('2026-12-03T12:00:00Z'))).toMatch(/so far/);
    expect(partialNote(months, Date.parse('2027-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('leaves a single interval alone (nothing to compare it with)', () => {
    const one = metrics('day', [window('2026-12-03T00:00:00.000Z', '2026-12-04T00:00:00.000Z')]);
    expect(partialNote(one, Date.parse('2026-12-03T12:00:00Z'))).toBeUndefined();
  });
});
