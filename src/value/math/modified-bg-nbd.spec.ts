import { betaExpectation } from '../../../test/support/beta-quadrature';
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
import { logGamma } from './special-functions';

// The modified BG/NBD (Batislam, Denizel & Filiztekin 2007) fitted to CDNOW in weeks, as the
// reference library's tests state it.
const CDNOW_WEEKS: BgNbdParams = { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 };
const MODIFIED = 'mbgnbd';

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

/**
 * The modified model's story, integrated numerically: with rate lambda ~ Gamma(r, alpha) and
 * drop-out p ~ Beta(a, b) after every purchase including the first, a customer with x repeat
 * purchases is alive at T with weight (1 - p)^(x + 1) lambda^x e^(-lambda T), or left right after
 * their last purchase with weight (1 - p)^x p lambda^x e^(-lambda t_x). Lambda integrates out in
 * closed form (G below); p is integrated by quadrature. Alive, a customer makes
 * (1 - e^(-lambda p t)) / p purchases in the next t on average.
 */
function byQuadrature({ r, alpha, a, b }: BgNbdParams, x: number, tx: number, T: number) {
  const logG = (s: number) =>
    logGamma(r + x) - logGamma(r) + r * Math.log(alpha) - (r + x) * Math.log(alpha + s);
  const alive = betaExpectation((p) => (1 - p) ** (x + 1), a, b) * Math.exp(logG(T));
  const gone = betaExpectation((p) => (1 - p) ** x * p, a, b) * Math.exp(logG(tx));
  const likelihood = alive + gone;
  const expectedIn = (t: number) =>
    (betaExpectation(
      (p) => ((1 - p) ** (x + 1) * -Math.expm1(-(r + x) * Math.log1p((p * t) / (alpha + T)))) / p,
      a,
      b,
    ) *
      Math.exp(logG(T))) /
    likelihood;
  return { likelihood, pAlive: alive / likelihood, expectedIn };
}

describe('modified BG/NBD formulas', () => {
  const histories: Array<[number, number, number]> = [
    [0, 0, 0],
    [0, 0, 39],
    [1, 12.5, 39],
    [2, 30.43, 38.86],
    [7, 35, 38],
    [25, 70, 78],
  ];

  it.each(histories)(
    'x = %d, t_x = %d, T = %d: likelihood, P(alive) and E[Y(t)] match the integrated story',
    (x, tx, T) => {
      const integrated = byQuadrature(CDNOW_WEEKS, x, tx, T);
      expectRelative(
        Math.exp(bgNbdLogLikelihood(CDNOW_WEEKS, { x, tx, T }, MODIFIED)),
        integrated.likelihood,
        1e-9,
      );
      expectRelative(probabilityAlive(CDNOW_WEEKS, x, tx, T, MODIFIED), integrated.pAlive, 1e-9);
      for (const t of [1, 39, 104]) {
        expectRelative(
          conditionalExpectedPurchases(CDNOW_WEEKS, t, x, tx, T, MODIFIED),
          integrated.expectedIn(t),
          1e-8,
        );
      }
    },
  );

  it('gives a one-time buyer b / (a + b) + a / (a + b) (alpha / (alpha + T))^r... by hand', () => {
    // L(x = 0, T) = a / (a + b) + b / (a + b) (alpha / (alpha + T))^r: gone at the first purchase,
    // or alive and silent for T.
    const { r, alpha, a, b } = CDNOW_WEEKS;
    const T = 20;
    const byHand = a / (a + b) + (b / (a + b)) * (alpha / (alpha + T)) ** r;
    expectRelative(
      Math.exp(bgNbdLogLikelihood(CDNOW_WEEKS, { x: 0, tx: 0, T }, MODIFIED)),
      byHand,
      1e-12,
    );
  });

  it("lets a one-time buyer's P(alive) fall with the silence, from b / (a + b) at once", () => {
    const { a, b } = CDNOW_WEEKS;
    expectRelative(probabilityAlive(CDNOW_WEEKS, 0, 0, 0, MODIFIED), b / (a + b), 1e-12);
    const overTime = [1, 10, 52, 104].map((T) => probabilityAlive(CDNOW_WEEKS, 0, 0, T, MODIFIED));
    overTime.reduce((previous, current) => {
      expect(current).toBeLessThan(previous);
      return current;
    });
    expect(overTime[3]).toBeLessThan(0.4);
    // BG/NBD keeps the same buyer alive for ever.
    expect(probabilityAlive(CDNOW_WEEKS, 0, 0, 104)).toBe(1);
  });

  it('has the analytic gradient of its finite differences', () => {
    const customers = [
      { x: 0, tx: 0, T: 30 },
      { x: 1, tx: 4, T: 30 },
      { x: 4, tx: 22.5, T: 28 },
      { x: 12, tx: 37, T: 39 },
    ];
    const objective = createBgNbdObjective(customers, MODIFIED);
    const point = [0.6, 5.5, 0.8, 1.9];
    const gradient = objective.gradient(point);
    point.forEach((value, i) => {
      const step = value * 1e-6;
      const up = [...point];
      const down = [...point];
      up[i] += step;
      down[i] -= step;
      const numeric = (objective.value(up) - objective.value(down)) / (2 * step);
      expect(Math.abs(gradient[i] - numeric)).toBeLessThan(1e-7 * Math.max(1, Math.abs(numeric)));
    });
  });

  it('agrees with a seeded simulation: E[X(t)], and E[Y(t) | history] averaged over histories', () => {
    // 40,000 customers of the modified story observed for 39 weeks. The mean count must match
    // E[X(39)], and the mean of each history's E[Y(26) | x, t_x, 39] must match the expected
    // purchases in (39, 65]: E[X(65)] - E[X(39)]. Bounds are 5 standard errors.
    const random = new SeededRandom(2007);
    const customers = simulateBgNbd(
      CDNOW_WEEKS,
      Array.from({ length: 40_000 }, () => 39),
      random,
      { variant: MODIFIED },
    );
    const withinFiveErrors = (values: number[], expected: number) => {
      const mean = values.reduce((total, value) => total + value, 0) / values.length;
      const variance =
        values.reduce((total, value) => total + (value - mean) ** 2, 0) / (values.length - 1);
      expect(Math.abs(mean - expected)).toBeLessThan(5 * Math.sqrt(variance / values.length));
    };
    withinFiveErrors(
      customers.map((customer) => customer.x),
      expectedPurchases(CDNOW_WEEKS, 39, MODIFIED),
    );
    withinFiveErrors(
      customers.map(({ x, tx, T }) =>
        conditionalExpectedPurchases(CDNOW_WEEKS, 26, x, tx, T, MODIFIED),
      ),
      expectedPurchases(CDNOW_WEEKS, 65, MODIFIED) - expectedPurchases(CDNOW_WEEKS, 39, MODIFIED),
    );
    // The simulation drops a share a / (a + b) at the first purchase: BG/NBD's E[X(39)] is higher.
    expect(expectedPurchases(CDNOW_WEEKS, 39)).toBeGreaterThan(
      expectedPurchases(CDNOW_WEEKS, 39, MODIFIED),
    );
  });

  it('recovers the parameters of simulated customers', () => {
    const random = new SeededRandom(19);
    const truth: BgNbdParams = { ...CDNOW_WEEKS, alpha: CDNOW_WEEKS.alpha * 7 };
    const lengths = Array.from({ length: 20_000 }, () => 183 + Math.floor(random.uniform() * 91));
    const customers = simulateBgNbd(truth, lengths, random, { variant: MODIFIED });
    const fit = fitBgNbd(customers, {}, MODIFIED);
    expect(fit.converged).toBe(true);
    const ratio = 2 * (fit.logLikelihood - bgNbdTotalLogLikelihood(truth, customers, MODIFIED));
    expect(ratio).toBeGreaterThanOrEqual(0);
    expect(ratio).toBeLessThan(20);
    expectRelative(fit.r, truth.r, 0.1);
    expectRelative(fit.alpha, truth.alpha, 0.15);
  });
});
