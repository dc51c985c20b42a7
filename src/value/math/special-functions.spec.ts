import { digamma, gammaSign, logBeta, logGamma } from './special-functions';

// Reference values: mpmath 1.3 at 60 digits, rounded to doubles.
const LOG_GAMMA: [number, number][] = [
  [1e-300, 690.7755278982137],
  [1e-8, 18.42068073818021],
  [0.1, 2.252712651734206],
  [0.5, 0.5723649429247001],
  [1.5, -0.12078223763524522],
  [2.5, 0.2846828704729192],
  [3.7, 1.428072326665388],
  [10, 12.801827480081469],
  [33.3, 82.60372358165495],
  [171.5, 709.1431630309282],
  [1e4, 82099.71749644238],
  [1e8, 1742068066.1038346],
  [1e15, 3.3538776394910668e16],
  [-0.5, 1.2655121234846454],
  [-2.7, -0.07140708531564569],
  [-10.3, -14.457515440024208],
];

const DIGAMMA: [number, number][] = [
  [1e-6, -1000000.5772140201],
  [0.25, -4.2274535333762655],
  [1, -0.5772156649015329],
  [2.5, 0.7031566406452432],
  [9.99, 2.250700372831201],
  [10, 2.251752589066721],
  [100.5, 4.605174352581845],
  [1e6, 13.815510057964191],
  [-0.5, 0.03648997397857652],
  [-3.2, 5.635370221172645],
];

describe('logGamma', () => {
  it.each(LOG_GAMMA)('ln|Gamma(%p)| matches the reference to 1e-14 relative', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(
      1e-14 * Math.max(1, Math.abs(expected)),
    );
  });

  it('is exactly 0 to 1e-15 at 1 and 2, and ln((n - 1)!) at integers', () => {
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15);
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15);
    let factorial = 1;
    for (let n = 2; n <= 25; n++) {
      factorial *= n - 1;
      expect(logGamma(n)).toBeCloseTo(Math.log(factorial), 13);
    }
  });

  it('is infinite at the poles, with the sign of Gamma alternating between them', () => {
    expect(logGamma(0)).toBe(Infinity);
    expect(logGamma(-3)).toBe(Infinity);
    expect([gammaSign(2.5), gammaSign(-0.5), gammaSign(-1.5), gammaSign(-2.5)]).toEqual([
      1, -1, 1, -1,
    ]);
    expect(gammaSign(-2)).toBeNaN();
  });
});

describe('logBeta', () => {
  it('gives B(a, b) by hand: B(2, 3) = 1/12, B(1/2, 1/2) = pi', () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 14);
    expect(logBeta(0.5, 0.5)).toBeCloseTo(Math.log(Math.PI), 14);
  });

  it('stays finite where the Beta function itself underflows', () => {
    expect(logBeta(500, 700)).toBeCloseTo(logGamma(500) + logGamma(700) - logGamma(1200), 8);
    expect(Number.isFinite(logBeta(500, 700))).toBe(true);
  });
});

describe('digamma', () => {
  it.each(DIGAMMA)('psi(%p) matches the reference to 1e-13', (x, expected) => {
    expect(Math.abs(digamma(x) - expected)).toBeLessThanOrEqual(
      1e-13 * Math.max(1, Math.abs(expected)),
    );
  });

  it('vanishes at its positive root 1.4616321449683622', () => {
    expect(Math.abs(digamma(1.4616321449683622))).toBeLessThan(1e-15);
  });

  it('is the derivative of logGamma', () => {
    for (const x of [0.3, 2.7, 45]) {
      const h = 1e-5;
      const slope = (logGamma(x + h) - logGamma(x - h)) / (2 * h);
      expect(digamma(x)).toBeCloseTo(slope, 8);
    }
  });
});
