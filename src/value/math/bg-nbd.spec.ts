import {
  bgNbdLogLikelihood,
  bgNbdTotalLogLikelihood,
  conditionalExpectedPurchases,
  createBgNbdObjective,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  type BgNbdParams,
} from './bg-nbd';
import { simulateBgNbd } from './bg-nbd-simulation';
import { SeededRandom } from './seeded-random';
import { betaExpectation } from '../../../test/support/beta-quadrature';

const CDNOW_WEEKS: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const CDNOW_DAYS: BgNbdParams = { ...CDNOW_WEEKS, alpha: 4.414 * 7 };

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/**
 * E[Y(t) | x, t_x, T] from first principles: given alive, lambda ~ Gamma(r + x, alpha + T) and
 * p ~ Beta(a, b + x), and E[Y(t) | lambda, p] = (1 - exp(-lambda p t)) / p; integrating lambda
 * out leaves a one-dimensional integral over p, taken numerically here.
 */
function conditionalByQuadrature(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
): number {
  const { r, alpha, a, b } = params;
  const whileAlive = betaExpectation(
    (p) => -Math.expm1(-(r + x) * Math.log1p((p * t) / (alpha + T))) / p,
    a,
    b + x,
  );
  return probabilityAlive(params, x, tx, T) * whileAlive;
}

describe('bgNbdLogLikelihood', () => {
  it('is r ln(alpha / (alpha + T)) without repeat purchases', () => {
    const params = { r: 2, alpha: 3, a: 0.7, b: 1.9 };
    expect(bgNbdLogLikelihood(params, { x: 0, tx: 0, T: 5 })).toBeCloseTo(2 * Math.log(3 / 8), 14);
  });

  it('matches the likelihood worked by hand for one repeat purchase', () => {
    // L = r alpha^r [b / (a + b) / (alpha + T)^(r + 1) + a / (a + b) / (alpha + t_x)^(r + 1)]
    //   = 1 * 2 * [0.5 / 64 + 0.5 / 16] = 0.078125 with r = a = b = 1, alpha = 2, t_x = 2, T = 6.
    const params = { r: 1, alpha: 2, a: 1, b: 1 };
    expect(bgNbdLogLikelihood(params, { x: 1, tx: 2, T: 6 })).toBeCloseTo(Math.log(0.078125), 14);
  });

  it('stays finite for thousands of purchases over years in days', () => {
    const value = bgNbdLogLikelihood(CDNOW_DAYS, { x: 5000, tx: 3600, T: 3650 });
    expect(Number.isFinite(value)).toBe(true);
  });

  it('totals over merged identical rows exactly as over the rows one by one', () => {
    const customers = [
      { x: 0, tx: 0, T: 30 },
      { x: 2, tx: 10, T: 30 },
      { x: 2, tx: 10, T: 30 },
      { x: 5, tx: 28, T: 30 },
      { x: 0, tx: 0, T: 30, weight: 3 },
    ];
    const oneByOne = customers.reduce(
      (total, customer) =>
        total + (customer.weight ?? 1) * bgNbdLogLikelihood(CDNOW_DAYS, customer),
      0,
    );
    expect(bgNbdTotalLogLikelihood(CDNOW_DAYS, customers)).toBeCloseTo(oneByOne, 10);
    expect(createBgNbdObjective(customers).rows).toBe(3);
  });

  it('has the analytic gradient of its finite differences', () => {
    const random = new SeededRandom(5);
    const customers = simulateBgNbd(
      CDNOW_WEEKS,
      Array.from({ length: 300 }, () => 39),
      random,
    );
    const objective = createBgNbdObjective(customers);
    const at = [0.3, 5, 0.9, 2];
    const gradient = objective.gradient(at);
    at.forEach((value, i) => {
      const h = 1e-6 * value;
      const plus = [...at];
      const minus = [...at];
      plus[i] += h;
      minus[i] -= h;
      const numerical = (objective.value(plus) - objective.value(minus)) / (2 * h);
      expect(gradient[i]).toBeCloseTo(numerical, 7);
    });
  });

  it('refuses impossible summaries', () => {
    expect(() => bgNbdTotalLogLikelihood(CDNOW_DAYS, [{ x: 2, tx: 40, T: 30 }])).toThrow('t_x');
    expect(() => bgNbdTotalLogLikelihood(CDNOW_DAYS, [{ x: 1.5, tx: 4, T: 30 }])).toThrow('x');
    expect(() => bgNbdTotalLogLikelihood(CDNOW_DAYS, [{ x: 0, tx: 4, T: 30 }])).toThrow('t_x');
  });
});

describe('probabilityAlive', () => {
  it('is 1 without repeat purchases, whatever the silence since', () => {
    expect(probabilityAlive(CDNOW_DAYS, 0, 0, 10_000)).toBe(1);
  });

  it('is 1 / (1 + a / (b + x - 1)) right after a purchase: 2/3 for a = 1, b = 2, x = 1', () => {
    expect(probabilityAlive({ r: 0.7, alpha: 9, a: 1, b: 2 }, 1, 30, 30)).toBeCloseTo(2 / 3, 15);
  });

  it('works by hand: a = 0.5, b = 1.5, x = 2, r = 1, alpha = 2, t_x = 1, T = 3 gives 27/52', () => {
    // odds of having dropped = 0.5 / 2.5 * (5 / 3)^3 = 25 / 27
    expect(probabilityAlive({ r: 1, alpha: 2, a: 0.5, b: 1.5 }, 2, 1, 3)).toBeCloseTo(27 / 52, 15);
  });

  it('falls with the silence since the last purchase and stays in [0, 1] for huge x', () => {
    const recent = probabilityAlive(CDNOW_DAYS, 10, 270, 273);
    const silent = probabilityAlive(CDNOW_DAYS, 10, 30, 273);
    expect(silent).toBeLessThan(recent);
    const heavy = probabilityAlive(CDNOW_DAYS, 100_000, 100, 3650);
    expect(heavy).toBeGreaterThanOrEqual(0);
    expect(heavy).toBeLessThan(1e-300);
  });

  it('matches mpmath for CDNOW customer 1 (x = 2, t_x = 30.43, T = 38.86 weeks)', () => {
    expectRelative(probabilityAlive(CDNOW_WEEKS, 2, 30.43, 38.86), 0.726578570080673, 1e-13);
  });
});

// FHL 2005 eq. 10 evaluated by mpmath 1.3 at 300 digits: [r, alpha, a, b, t, x, t_x, T, E[Y]].
const CONDITIONAL: number[][] = [
  [0.243, 4.414, 0.793, 2.426, 39.0, 2, 30.43, 38.86, 1.2260281747671444],
  [0.243, 4.414, 0.793, 2.426, 39.0, 26, 30.86, 31.0, 20.74972614085729],
  [0.243, 4.414, 0.793, 2.426, 39.0, 0, 0.0, 38.86, 0.19509805201126262],
  [0.243, 30.898, 0.793, 2.426, 1095.75, 3, 200.0, 250.0, 5.357595701537031],
  [0.243, 30.898, 0.793, 2.426, 30.4375, 500, 300.0, 301.0, 43.984964717002576],
  [0.243, 30.898, 0.793, 2.426, 1095.75, 2000, 700.0, 702.0, 1841.4141573589598],
  [0.5, 2.0, 1.5, 0.3, 100.0, 0, 0.0, 10.0, 0.8411348224420221],
  [0.144384, 1.54115, 0.129158, 3062.08, 365.25, 0, 0.0, 0.0, 34.03393971898973],
  [5.85, 214.4, 0.0883, 1142.5, 1947.5, 500, 59.47, 144.06, 3.5858129620166e-52],
];

describe('conditionalExpectedPurchases', () => {
  it.each(CONDITIONAL)(
    'r=%p alpha=%p a=%p b=%p: E[Y(%p) | x=%p, t_x=%p, T=%p] = %p to 1e-11',
    (r, alpha, a, b, t, x, tx, T, expected) => {
      expectRelative(
        conditionalExpectedPurchases({ r, alpha, a, b }, t, x, tx, T),
        expected,
        1e-11,
      );
    },
  );

  it.each([
    [CDNOW_DAYS, 1095.75, 0, 0, 200],
    [CDNOW_DAYS, 365.25, 7, 150, 260],
    [CDNOW_DAYS, 30.4375, 60, 250, 251],
    [{ r: 1.3, alpha: 40, a: 2.5, b: 0.6 }, 200, 0, 0, 15],
    [{ r: 0.5, alpha: 10, a: 0.2, b: 30 }, 720, 3, 40, 90],
  ] as const)(
    'agrees with the integral over p (quadrature) for %o, t=%p, x=%p',
    (params, t, x, tx, T) => {
      expectRelative(
        conditionalExpectedPurchases(params, t, x, tx, T),
        conditionalByQuadrature(params, t, x, tx, T),
        1e-10,
      );
    },
  );

  it('is 0 over no time and grows with the horizon', () => {
    expect(conditionalExpectedPurchases(CDNOW_DAYS, 0, 3, 100, 200)).toBe(0);
    const month = conditionalExpectedPurchases(CDNOW_DAYS, 30.4375, 3, 100, 200);
    const year = conditionalExpectedPurchases(CDNOW_DAYS, 365.25, 3, 100, 200);
    expect(year).toBeGreaterThan(month);
  });

  it('does not depend on the time unit: weeks with alpha, days with 7 alpha give the same', () => {
    const weeks = conditionalExpectedPurchases(CDNOW_WEEKS, 52, 4, 20, 38);
    const days = conditionalExpectedPurchases(CDNOW_DAYS, 52 * 7, 4, 20 * 7, 38 * 7);
    expectRelative(days, weeks, 1e-12);
  });

  it('is continuous across a = 1, where the closed form divides 0 by 0', () => {
    const at = (a: number) =>
      conditionalExpectedPurchases({ ...CDNOW_DAYS, a }, 365.25, 2, 50, 200);
    const exact = at(1);
    expect(Number.isFinite(exact)).toBe(true);
    expectRelative(exact, (at(1 - 1e-3) + at(1 + 1e-3)) / 2, 1e-6);
  });
});

describe('expectedPurchases', () => {
  it('matches mpmath for CDNOW at 1, 39, 78 and 1000 weeks', () => {
    expectRelative(expectedPurchases(CDNOW_WEEKS, 1), 0.05326789117165828, 1e-11);
    expectRelative(expectedPurchases(CDNOW_WEEKS, 39), 1.196723193320817, 1e-12);
    expectRelative(expectedPurchases(CDNOW_WEEKS, 78), 1.8605190579427686, 1e-12);
    expectRelative(expectedPurchases(CDNOW_WEEKS, 1000), 6.580391613738232, 1e-12);
  });

  it('starts at the rate r / alpha: E[X(t)] / t -> r / alpha as t -> 0', () => {
    const t = 1e-6;
    expectRelative(expectedPurchases(CDNOW_WEEKS, t) / t, CDNOW_WEEKS.r / CDNOW_WEEKS.alpha, 1e-5);
  });

  it('agrees with a seeded Monte-Carlo simulation of the model', () => {
    // 40,000 customers observed for 39 weeks; the bound is 5 standard errors of the mean, and
    // the seed fixes the draw, so the test is deterministic.
    const random = new SeededRandom(2005);
    const customers = simulateBgNbd(
      CDNOW_WEEKS,
      Array.from({ length: 40_000 }, () => 39),
      random,
    );
    const counts = customers.map((customer) => customer.x);
    const mean = counts.reduce((total, count) => total + count, 0) / counts.length;
    const variance =
      counts.reduce((total, count) => total + (count - mean) ** 2, 0) / (counts.length - 1);
    const standardError = Math.sqrt(variance / counts.length);
    expect(Math.abs(mean - expectedPurchases(CDNOW_WEEKS, 39))).toBeLessThan(5 * standardError);
  });
});

describe('fitBgNbd', () => {
  it('recovers the parameters of simulated customers', () => {
    const random = new SeededRandom(17);
    const lengths = Array.from({ length: 20_000 }, () => 183 + Math.floor(random.uniform() * 91));
    const customers = simulateBgNbd(CDNOW_DAYS, lengths, random);
    const fit = fitBgNbd(customers);
    expect(fit.converged).toBe(true);
    // The maximum beats the true parameters, by a likelihood-ratio statistic that is chi-square
    // with 4 degrees of freedom (above 20 with probability 5e-4).
    const ratio = 2 * (fit.logLikelihood - bgNbdTotalLogLikelihood(CDNOW_DAYS, customers));
    expect(ratio).toBeGreaterThanOrEqual(0);
    expect(ratio).toBeLessThan(20);
    // Sampling error with 20,000 customers is a few per cent on each parameter.
    expectRelative(fit.r, CDNOW_DAYS.r, 0.1);
    expectRelative(fit.alpha, CDNOW_DAYS.alpha, 0.15);
    expectRelative(fit.a, CDNOW_DAYS.a, 0.15);
    expectRelative(fit.b, CDNOW_DAYS.b, 0.2);
  });

  it('says it did not converge when there is nothing to fit', () => {
    const fit = fitBgNbd([
      { x: 0, tx: 0, T: 30 },
      { x: 0, tx: 0, T: 90 },
    ]);
    expect(fit.converged).toBe(false);
    expect(fit.reason).toBe('no repeat purchases to fit');
  });

  it('says it did not converge when it runs out of iterations', () => {
    const random = new SeededRandom(3);
    const fit = fitBgNbd(
      simulateBgNbd(
        CDNOW_WEEKS,
        Array.from({ length: 2000 }, () => 39),
        random,
      ),
      {
        maxIterations: 2,
      },
    );
    expect(fit.converged).toBe(false);
    expect(fit.reason).toMatch(/no convergence in 2 iterations/);
  });
});
