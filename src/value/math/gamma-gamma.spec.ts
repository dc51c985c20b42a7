import { simulateBgNbd } from './bg-nbd-simulation';
import {
  conditionalExpectedSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  populationMeanSpend,
} from './gamma-gamma';
import { SeededRandom } from './seeded-random';

const CDNOW = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('gammaGammaLogLikelihood', () => {
  it('matches the density worked by hand for one purchase with p = q = gamma = 1', () => {
    // Gamma(2) / (Gamma(1) Gamma(1)) * 1^1 * z^0 * 1^1 / (1 + z)^2 = 1 / (1 + z)^2 at x = 1.
    const params = { p: 1, q: 1, gamma: 1 };
    expect(gammaGammaLogLikelihood(params, 1, 3)).toBeCloseTo(Math.log(1 / 16), 14);
  });

  it('integrates to 1 over zbar (it is a density)', () => {
    // Substitute zbar = u / (1 - u) to map (0, inf) onto (0, 1); the integrand vanishes
    // smoothly at both ends, where the midpoint rule converges fast.
    const steps = 4000;
    let total = 0;
    for (let i = 0; i < steps; i++) {
      const u = (i + 0.5) / steps;
      const zbar = u / (1 - u);
      total += Math.exp(gammaGammaLogLikelihood(CDNOW, 3, zbar)) / (1 - u) ** 2 / steps;
    }
    expect(total).toBeCloseTo(1, 7);
  });

  it('refuses a customer without repeat purchases or with a non-positive mean', () => {
    expect(() => gammaGammaLogLikelihood(CDNOW, 0, 10)).toThrow('x');
    expect(() => gammaGammaLogLikelihood(CDNOW, 2, 0)).toThrow('zbar');
  });
});

describe('conditionalExpectedSpend', () => {
  it('is p (gamma + x zbar) / (p x + q - 1), worked by hand', () => {
    // p = 2, q = 3, gamma = 10, x = 4, zbar = 25: 2 * (10 + 100) / (8 + 2) = 22
    expect(conditionalExpectedSpend({ p: 2, q: 3, gamma: 10 }, 4, 25)).toBeCloseTo(22, 12);
  });

  it('is the population mean p gamma / (q - 1) without repeat purchases', () => {
    expect(populationMeanSpend({ p: 2, q: 3, gamma: 10 })).toBe(10);
    expect(conditionalExpectedSpend({ p: 2, q: 3, gamma: 10 }, 0, 0)).toBe(10);
  });

  it('moves from the population mean towards the customer mean as purchases add up', () => {
    const population = populationMeanSpend(CDNOW);
    const few = conditionalExpectedSpend(CDNOW, 1, 100);
    const many = conditionalExpectedSpend(CDNOW, 50, 100);
    expect(few).toBeGreaterThan(population);
    expect(many).toBeGreaterThan(few);
    expect(many).toBeLessThan(100);
  });

  it('is infinite where the model has no mean (q <= 1)', () => {
    expect(populationMeanSpend({ p: 2, q: 0.8, gamma: 10 })).toBe(Infinity);
  });
});

describe('fitGammaGamma', () => {
  it('recovers the mean spend of simulated repeat buyers and the shape of the model', () => {
    const random = new SeededRandom(11);
    const lengths = Array.from({ length: 10_000 }, () => 39);
    const customers = simulateBgNbd(
      { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
      lengths,
      random,
      {
        spend: CDNOW,
      },
    );
    const fit = fitGammaGamma(customers);
    expect(fit.converged).toBe(true);
    // p, q and gamma trade off against each other; their mean p gamma / (q - 1) is sharp.
    const mean = populationMeanSpend(fit);
    expect(Math.abs(mean - populationMeanSpend(CDNOW)) / populationMeanSpend(CDNOW)).toBeLessThan(
      0.03,
    );
    expect(Math.abs(fit.p - CDNOW.p) / CDNOW.p).toBeLessThan(0.15);
  });

  it('skips customers without repeat purchases and says so when none are left', () => {
    const fit = fitGammaGamma([{ x: 0, zbar: 0 }]);
    expect(fit.converged).toBe(false);
    expect(fit.reason).toBe('no repeat buyers to fit');
  });
});
