import { referenceFitBgNbd } from '../../../test/support/reference-fit/bg-nbd';
import { fitGammaGamma as referenceFitGammaGamma } from '../../../test/support/reference-fit/gamma-gamma';
import { fitBgNbd, type RepeatBuyingVariant } from './bg-nbd';
import * as fs from 'fs';
import { CDNOW_SUMMARY_FILE } from '../../../test/fixtures/cdnow';
import { fitGammaGamma } from './gamma-gamma';
import { simulateBgNbd } from './bg-nbd-simulation';
import { SeededRandom } from './seeded-random';

// The fast objectives must find the optimum the implementation before them found (kept frozen
// in test/support/reference-fit): every parameter within 1e-5 relative, the log-likelihood no
// worse beyond rounding (1e-10 relative).
const PARAMETER_TOLERANCE = 1e-5;
const LIKELIHOOD_ROUNDING = 1e-10;
const CDNOW_DAYS = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
const CDNOW_SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };

function customers(count: number, resolution: number | undefined, variant: RepeatBuyingVariant) {
  const random = new SeededRandom(20050101);
  // Observation lengths in fractional days when resolution is undefined: no two rows merge.
  const lengths = Array.from({ length: count }, () => 183 + random.uniform() * 91);
  return simulateBgNbd(CDNOW_DAYS, lengths, random, {
    spend: CDNOW_SPEND,
    resolution,
    variant,
  });
}

function readCdnowSummary() {
  const [, ...lines] = fs.readFileSync(CDNOW_SUMMARY_FILE, 'utf8').trim().split(/\r?\n/);
  return lines.map((line) => {
    const [, x, tx, T] = line.split(',').map(Number);
    return { x, tx, T };
  });
}

type Fitted = { logLikelihood: number };

function expectSameOptimum(fast: Fitted, reference: Fitted, names: string[]): void {
  for (const name of names) {
    const value = (fast as unknown as Record<string, number>)[name];
    const expected = (reference as unknown as Record<string, number>)[name];
    const relative = Math.abs(value - expected) / Math.abs(expected);
    expect({ name, relative: relative <= PARAMETER_TOLERANCE }).toEqual({ name, relative: true });
  }
  const worse = reference.logLikelihood - fast.logLikelihood;
  expect(worse).toBeLessThanOrEqual(LIKELIHOOD_ROUNDING * Math.abs(reference.logLikelihood));
}

describe('fits against the reference implementation', () => {
  const cases: [string, number | undefined][] = [
    ['5,000 customers, distinct timestamps', undefined],
    ['5,000 customers, whole days (rows merge)', 1],
  ];
  describe.each(cases)('%s', (_, resolution) => {
    it.each<RepeatBuyingVariant>(['bgnbd', 'mbgnbd'])('%s finds the same optimum', (variant) => {
      const data = customers(5000, resolution, variant);
      const fast = fitBgNbd(data, {}, variant);
      const reference = referenceFitBgNbd(data, variant);
      expect(fast.converged && reference.converged).toBe(true);
      expectSameOptimum(fast, reference, ['r', 'alpha', 'a', 'b']);
    });

    it('Gamma-Gamma finds the same optimum', () => {
      const data = customers(5000, resolution, 'bgnbd');
      const fast = fitGammaGamma(data);
      const reference = referenceFitGammaGamma(data);
      expect(fast.converged && reference.converged).toBe(true);
      expectSameOptimum(fast, reference, ['p', 'q', 'gamma']);
    });
  });

  // Above 20,000 distinct rows the fit starts from a fit of a sample (bg-nbd.ts, warmStart).
  it.each<RepeatBuyingVariant>(['bgnbd', 'mbgnbd'])(
    '%s from a warm start, 21,000 distinct customers, finds the same optimum',
    (variant) => {
      const data = customers(21_000, undefined, variant);
      const fast = fitBgNbd(data, {}, variant);
      const reference = referenceFitBgNbd(data, variant);
      expect(fast.converged && reference.converged).toBe(true);
      expect(fast.iterations).toBeLessThan(reference.iterations);
      expectSameOptimum(fast, reference, ['r', 'alpha', 'a', 'b']);
    },
    120_000,
  );

  it.each<RepeatBuyingVariant>(['bgnbd', 'mbgnbd'])('%s on CDNOW (weeks)', (variant) => {
    const rows = readCdnowSummary();
    expectSameOptimum(fitBgNbd(rows, {}, variant), referenceFitBgNbd(rows, variant), [
      'r',
      'alpha',
      'a',
      'b',
    ]);
  });

  it('weights count as repeated rows, in the fast fit as in the reference', () => {
    const data = customers(2000, 1, 'bgnbd');
    const doubled = data.map((customer) => ({ ...customer, weight: 2 }));
    const twice = fitBgNbd([...data, ...data]);
    const weighted = fitBgNbd(doubled);
    expect(weighted.logLikelihood).toBeCloseTo(twice.logLikelihood, 6);
    expectSameOptimum(weighted, referenceFitBgNbd(doubled), ['r', 'alpha', 'a', 'b']);
  });
});
