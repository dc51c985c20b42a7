import { KaplanMeierMean } from './kaplan-meier';

function meanOf(durations: [number, 'ended' | 'running'][]): number | null {
  const estimate = new KaplanMeierMean();
  for (const [length, state] of durations) estimate.add(length, state === 'ended');
  return estimate.restrictedMean();
}

describe('KaplanMeierMean', () => {
  it('is the plain mean when every duration has ended', () => {
    expect(
      meanOf([
        [0, 'ended'],
        [100, 'ended'],
        [500, 'ended'],
      ]),
    ).toBeCloseTo(200, 12);
  });

  it('counts running durations as lasting at least their length so far', () => {
    // Ended 0, 100, 200; running 0, 150, 300 (six in all).
    // At 0: 5 at risk (the running 0 tells nothing), 1 ends: S = 4/5; 4 left.
    // At 100: 4 at risk, 1 ends: S = 4/5 × 3/4 = 3/5; 3 left. At 150 one leaves running: 2 left.
    // At 200: 2 at risk, 1 ends: S = 3/5 × 1/2 = 3/10. At 300 the last leaves running.
    // Area: 0.8 × 100 + 0.6 × 100 + 0.3 × 100 = 170 days. The ended alone average 100; all six
    // lengths read as ended, 125.
    expect(
      meanOf([
        [0, 'ended'],
        [0, 'running'],
        [100, 'ended'],
        [150, 'running'],
        [200, 'ended'],
        [300, 'running'],
      ]),
    ).toBeCloseTo(170, 12);
  });

  it('leaves a running duration out of the endings of its own length', () => {
    // A one-time buyer who bought recently may never buy again: the running 0 is not counted
    // as having outlived 0. With it at risk at 0 the mean would be 2/3 × 100 = 66.7.
    expect(
      meanOf([
        [0, 'ended'],
        [0, 'running'],
        [100, 'ended'],
      ]),
    ).toBeCloseTo(50, 12);
  });

  it('stops at the longest duration seen (the restricted mean)', () => {
    // Half end at 100, half still run at 400: S = 1/2 from 100 to 400, nothing after.
    expect(
      meanOf([
        [100, 'ended'],
        [400, 'running'],
      ]),
    ).toBeCloseTo(250, 12);
    // Nothing has ended: the longest length so far.
    expect(meanOf([[30, 'running']])).toBe(30);
  });

  it('has no mean without durations, and refuses a negative one', () => {
    expect(meanOf([])).toBeNull();
    expect(() => new KaplanMeierMean().add(-1, true)).toThrow(RangeError);
    const estimate = new KaplanMeierMean();
    estimate.add(5, true);
    estimate.add(9, false);
    expect([estimate.ended, estimate.running]).toEqual([1, 1]);
  });
});
