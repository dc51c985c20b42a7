import { aggregateRows, indexDistinct } from './distinct-values';
import { minimizePositive, type FitOptions } from './optimizer';
import { digamma, logGamma } from '../../../src/value/math/special-functions';

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

/** A repeat buyer: x >= 1 repeat purchases whose mean value is zbar (> 0). */
export interface SpendCustomer {
  x: number;
  zbar: number;
  weight?: number;
}

export interface GammaGammaFit extends GammaGammaParams {
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  reason?: string;
}

/**
 * ln f(zbar | p, q, gamma, x) of the Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM
 * and CLV"; Fader & Hardie's note on the Gamma-Gamma model):
 * Gamma(px + q) / (Gamma(px) Gamma(q)) gamma^q zbar^(px - 1) x^(px) / (gamma + x zbar)^(px + q).
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, x: number, zbar: number): number {
  assertSpendCustomer({ x, zbar });
  const { p, q, gamma } = params;
  const px = p * x;
  return (
    logGamma(px + q) -
    logGamma(px) -
    logGamma(q) +
    q * Math.log(gamma) +
    (px - 1) * Math.log(zbar) +
    px * Math.log(x) -
    (px + q) * Math.log(gamma + x * zbar)
  );
}

/**
 * Maximum-likelihood Gamma-Gamma on repeat buyers. Rows with x = 0 are skipped (they carry no
 * repeat spend); the spend unit is the caller's (gamma scales with it, p and q do not).
 */
export function fitGammaGamma(
  customers: readonly SpendCustomer[],
  options: FitOptions = {},
): GammaGammaFit {
  const buyers = customers.filter((customer) => customer.x > 0);
  buyers.forEach((customer, row) => assertSpendCustomer(customer, row));
  const groups = aggregateRows(buyers, ({ x, zbar }) => `${x}|${zbar}`).filter((g) => g.weight > 0);
  if (groups.length === 0) {
    return {
      p: NaN,
      q: NaN,
      gamma: NaN,
      logLikelihood: NaN,
      converged: false,
      iterations: 0,
      reason: 'no repeat buyers to fit',
    };
  }
  const xs = indexDistinct(groups.map((group) => group.row.x));
  const weights = Float64Array.from(groups, (group) => group.weight);
  const zbars = Float64Array.from(groups, (group) => group.row.zbar);
  const logZbars = zbars.map(Math.log);
  const totalWeight = weights.reduce((total, weight) => total + weight, 0);
  const meanSpend = groups.reduce((total, g) => total + g.weight * g.row.zbar, 0) / totalWeight;

  const evaluate = ([p, q, gamma]: number[], withGradient: boolean) => {
    const x = xs.distinct;
    const logX = x.map(Math.log);
    const common = x.map((count) => logGamma(p * count + q) - logGamma(p * count) - logGamma(q));
    const psiPxq = withGradient ? x.map((count) => digamma(p * count + q)) : [];
    const psiPx = withGradient ? x.map((count) => digamma(p * count)) : [];
    const psiQ = withGradient ? digamma(q) : 0;
    const logGammaScale = Math.log(gamma);
    let total = 0;
    const gradient = [0, 0, 0];
    for (let row = 0; row < weights.length; row++) {
      const k = xs.index[row];
      const px = p * x[k];
      const weight = weights[row];
      const denominator = gamma + x[k] * zbars[row];
      const logDenominator = Math.log(denominator);
      total +=
        weight *
        (common[k] +
          q * logGammaScale +
          (px - 1) * logZbars[row] +
          px * logX[k] -
          (px + q) * logDenominator);
      if (withGradient) {
        gradient[0] +=
          weight * x[k] * (psiPxq[k] - psiPx[k] + logZbars[row] + logX[k] - logDenominator);
        gradient[1] += weight * (psiPxq[k] - psiQ + logGammaScale - logDenominator);
        gradient[2] += weight * (q / gamma - (px + q) / denominator);
      }
    }
    return { value: -total / totalWeight, gradient: gradient.map((g) => -g / totalWeight) };
  };

  // p = 1, q = 2 make the population mean spend equal to gamma: start it at the sample mean.
  const minimum = minimizePositive((params) => evaluate(params, false).value, [1, 2, meanSpend], {
    gradient: (params) => evaluate(params, true).gradient,
    names: ['p', 'q', 'gamma'],
    maxIterations: options.maxIterations,
    gradientTolerance: options.gradientTolerance,
  });
  const [p, q, gamma] = minimum.params;
  return {
    p,
    q,
    gamma,
    logLikelihood: -minimum.value * totalWeight,
    converged: minimum.converged,
    iterations: minimum.iterations,
    ...(minimum.reason ? { reason: minimum.reason } : {}),
  };
}

/**
 * E[M | p, q, gamma, x, zbar] = (p (gamma + x zbar)) / (p x + q - 1): a weighted mean of the
 * population mean p gamma / (q - 1) and the customer's own zbar, which weighs more with more
 * purchases. With x = 0 it is the population mean. Infinite when p x + q <= 1.
 */
export function conditionalExpectedSpend(
  params: GammaGammaParams,
  x: number,
  zbar: number,
): number {
  if (!Number.isInteger(x) || x < 0) throw new RangeError('x must be a whole number >= 0');
  if (x > 0 && !(zbar > 0)) throw new RangeError('zbar must be > 0 when x > 0');
  const { p, q, gamma } = params;
  const denominator = p * x + q - 1;
  if (denominator <= 0) return Infinity;
  return (p * (gamma + x * (x > 0 ? zbar : 0))) / denominator;
}

/** E[Z] = p gamma / (q - 1), the mean spend per purchase across customers; infinite for q <= 1. */
export function populationMeanSpend(params: GammaGammaParams): number {
  return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : Infinity;
}

function assertSpendCustomer(customer: SpendCustomer, row?: number): void {
  const where = row === undefined ? '' : ` (repeat buyer ${row})`;
  const { x, zbar, weight = 1 } = customer;
  if (!Number.isInteger(x) || x < 1) throw new RangeError(`x must be a whole number >= 1${where}`);
  if (!(zbar > 0) || !Number.isFinite(zbar)) throw new RangeError(`zbar must be > 0${where}`);
  if (!(weight >= 0) || !Number.isFinite(weight)) {
    throw new RangeError(`weight must be finite and >= 0${where}`);
  }
}
