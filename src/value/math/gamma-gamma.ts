import { mergeIdenticalRows } from './distinct-values';
import { minimizePositive, type FitOptions } from './optimizer';
import { digamma, logGamma } from './special-functions';

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
  const { columns, weights, distinct, index } = mergeIdenticalRows(
    [Float64Array.from(buyers, ({ x }) => x), Float64Array.from(buyers, ({ zbar }) => zbar)],
    Float64Array.from(buyers, ({ weight = 1 }) => weight),
  );
  const rows = weights.length;
  if (rows === 0) {
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
  const counts = distinct[0];
  const xIndex = index[0];
  const distinctX = counts.length;
  const zbars = columns[1];
  const logZbars = zbars.map(Math.log);
  let totalWeight = 0;
  let totalSpend = 0;
  for (let row = 0; row < rows; row++) {
    totalWeight += weights[row];
    totalSpend += weights[row] * zbars[row];
  }
  const meanSpend = totalSpend / totalWeight;
  const logX = counts.map(Math.log);
  // Per-evaluation scratch, allocated once.
  const common = new Float64Array(distinctX);
  const psiPxq = new Float64Array(distinctX);
  const psiPx = new Float64Array(distinctX);

  const evaluate = ([p, q, gamma]: number[], withGradient: boolean) => {
    const logGammaQ = logGamma(q);
    for (let k = 0; k < distinctX; k++) {
      const px = p * counts[k];
      common[k] = logGamma(px + q) - logGamma(px) - logGammaQ;
      if (withGradient) {
        psiPxq[k] = digamma(px + q);
        psiPx[k] = digamma(px);
      }
    }
    const psiQ = withGradient ? digamma(q) : 0;
    const logGammaScale = Math.log(gamma);
    let total = 0;
    let dP = 0;
    let dQ = 0;
    let dGamma = 0;
    for (let row = 0; row < rows; row++) {
      const k = xIndex[row];
      const count = counts[k];
      const px = p * count;
      const weight = weights[row];
      const denominator = gamma + count * zbars[row];
      const logDenominator = Math.log(denominator);
      total +=
        weight *
        (common[k] +
          q * logGammaScale +
          (px - 1) * logZbars[row] +
          px * logX[k] -
          (px + q) * logDenominator);
      if (withGradient) {
        dP += weight * count * (psiPxq[k] - psiPx[k] + logZbars[row] + logX[k] - logDenominator);
        dQ += weight * (psiPxq[k] - psiQ + logGammaScale - logDenominator);
        dGamma += weight * (q / gamma - (px + q) / denominator);
      }
    }
    return {
      value: -total / totalWeight,
      gradient: [-dP / totalWeight, -dQ / totalWeight, -dGamma / totalWeight],
    };
  };

  // p = 1, q = 2 make the population mean spend equal to gamma: start it at the sample mean.
  const minimum = minimizePositive((params) => evaluate(params, false).value, [1, 2, meanSpend], {
    valueAndGradient: (params) => evaluate(params, true),
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
