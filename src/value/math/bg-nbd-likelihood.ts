import { mergeIdenticalRows } from './distinct-values';
import { digamma, logGamma } from './special-functions';

/**
 * BG/NBD (Fader, Hardie & Lee 2005) lets a customer drop out only right after a repeat purchase;
 * the modified BG/NBD (Batislam, Denizel & Filiztekin 2007) also right after the first one, so a
 * one-time buyer's P(alive) falls with the silence. Both share parameters and most formulas: the
 * modified one reads b + x where BG/NBD reads b + x - 1, for every x including 0.
 */
export type RepeatBuyingVariant = 'bgnbd' | 'mbgnbd';

/** 1 for the modified model, whose drop-out terms shift b + x - 1 to b + x. */
export function dropOutShift(variant: RepeatBuyingVariant): number {
  return variant === 'mbgnbd' ? 1 : 0;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/**
 * One customer's repeat-buying summary: x repeat purchases, the last at t_x, observed for T
 * (t_x and T in the model's time unit from the first purchase). weight counts identical rows.
 */
export interface RepeatBuyingCustomer {
  x: number;
  tx: number;
  T: number;
  weight?: number;
}

export function assertRepeatBuyingCustomer(customer: RepeatBuyingCustomer, row?: number): void {
  const { x, tx, T, weight = 1 } = customer;
  const where = row === undefined ? '' : ` (row ${row})`;
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`x must be a whole number >= 0${where}`);
  if (!(T >= 0) || !Number.isFinite(T)) throw new RangeError(`T must be finite and >= 0${where}`);
  if (!(tx >= 0 && tx <= T)) throw new RangeError(`t_x must lie in [0, T]${where}`);
  if (x === 0 && tx !== 0) throw new RangeError(`t_x must be 0 when x is 0${where}`);
  if (!(weight >= 0) || !Number.isFinite(weight)) {
    throw new RangeError(`weight must be finite and >= 0${where}`);
  }
}

/**
 * ln L(r, alpha, a, b | x, t_x, T), Fader, Hardie & Lee (2005) eq. 6, written as
 * A1 + A2 + ln(exp(A3) + [x > 0] exp(A4)) so that large x and T stay in range. The modified
 * model (Batislam et al. 2007) has B(a, b + x + 1) / B(a, b) in A2 and the drop-out term
 * a / (b + x) for every x: L = A1 + A2 + ln(exp(A3) + exp(A4)).
 */
export function bgNbdLogLikelihood(
  params: BgNbdParams,
  customer: RepeatBuyingCustomer,
  variant: RepeatBuyingVariant = 'bgnbd',
): number {
  const { r, alpha, a, b } = params;
  const { x, tx, T } = customer;
  const shift = dropOutShift(variant);
  const common =
    logGamma(r + x) -
    logGamma(r) +
    r * Math.log(alpha) +
    logGamma(a + b) +
    logGamma(b + x + shift) -
    logGamma(b) -
    logGamma(a + b + x + shift);
  const alive = -(r + x) * Math.log(alpha + T);
  if (x === 0 && shift === 0) return common + alive;
  const goneAfterLast = Math.log(a) - Math.log(b + x - 1 + shift) - (r + x) * Math.log(alpha + tx);
  return common + logAddExp(alive, goneAfterLast);
}

export interface BgNbdObjective {
  /** Sum of the row weights: the number of customers. */
  totalWeight: number;
  /** Rows left after merging identical (x, t_x, T). */
  rows: number;
  /** -(sum of weighted log-likelihoods) / totalWeight at [r, alpha, a, b]. */
  value(params: number[]): number;
  gradient(params: number[]): number[];
  /** Both in one pass over the rows: the exponentials behind the value serve the gradient. */
  valueAndGradient(params: number[]): { value: number; gradient: number[] };
}

/**
 * The mean negative log-likelihood over many customers, with identical (x, t_x, T) merged, the
 * log-gammas and digammas computed once per distinct x, and the logs once per distinct T and
 * t_x; per row one exponential and one log1p remain (a customer without repeat purchases, in
 * BG/NBD, needs neither). Columns are typed arrays.
 */
export function createBgNbdObjective(
  customers: readonly RepeatBuyingCustomer[],
  variant: RepeatBuyingVariant = 'bgnbd',
): BgNbdObjective {
  customers.forEach(assertRepeatBuyingCustomer);
  const shift = dropOutShift(variant);
  const size = customers.length;
  const input = [new Float64Array(size), new Float64Array(size), new Float64Array(size)];
  const inputWeights = new Float64Array(size);
  customers.forEach(({ x, tx, T, weight = 1 }, row) => {
    input[0][row] = x;
    input[1][row] = tx;
    input[2][row] = T;
    inputWeights[row] = weight;
  });
  const { weights, distinct, index } = mergeIdenticalRows(input, inputWeights);
  const rows = weights.length;
  const [counts, distinctTx, distinctT] = distinct;
  const [xIndex, txIndex, TIndex] = index;
  const distinctX = counts.length;
  let totalWeight = 0;
  for (let row = 0; row < rows; row++) totalWeight += weights[row];
  const weightPerX = new Float64Array(distinctX);
  for (let row = 0; row < rows; row++) weightPerX[xIndex[row]] += weights[row];
  const canDropOut = Uint8Array.from(counts, (count) => (count > 0 || shift > 0 ? 1 : 0));

  // Per-evaluation scratch, allocated once.
  const common = new Float64Array(distinctX);
  const logDropOdds = new Float64Array(distinctX);
  const logAlphaT = new Float64Array(distinctT.length);
  const inverseAlphaT = new Float64Array(distinctT.length);
  const logAlphaTx = new Float64Array(distinctTx.length);
  const inverseAlphaTx = new Float64Array(distinctTx.length);

  const evaluate = (params: number[], withGradient: boolean) => {
    const [r, alpha, a, b] = params;
    const logAlpha = Math.log(alpha);
    const perCustomer = -logGamma(r) + r * logAlpha + logGamma(a + b) - logGamma(b);
    for (let k = 0; k < distinctX; k++) {
      const count = counts[k];
      common[k] =
        logGamma(r + count) +
        perCustomer +
        logGamma(b + count + shift) -
        logGamma(a + b + count + shift);
      logDropOdds[k] = canDropOut[k] ? Math.log(a) - Math.log(b + count - 1 + shift) : 0;
    }
    for (let i = 0; i < logAlphaT.length; i++) {
      logAlphaT[i] = Math.log(alpha + distinctT[i]);
      inverseAlphaT[i] = 1 / (alpha + distinctT[i]);
    }
    for (let i = 0; i < logAlphaTx.length; i++) {
      logAlphaTx[i] = Math.log(alpha + distinctTx[i]);
      inverseAlphaTx[i] = 1 / (alpha + distinctTx[i]);
    }
    let total = 0;
    let dR = 0;
    let dAlpha = 0;
    let dA = 0;
    let dB = 0;
    for (let row = 0; row < rows; row++) {
      const k = xIndex[row];
      const weight = weights[row];
      const rx = r + counts[k];
      const t = TIndex[row];
      const alive = -rx * logAlphaT[t];
      if (!canDropOut[k]) {
        total += weight * (common[k] + alive);
        if (withGradient) {
          dR -= weight * logAlphaT[t];
          dAlpha -= weight * rx * inverseAlphaT[t];
        }
        continue;
      }
      const last = txIndex[row];
      const gone = logDropOdds[k] - rx * logAlphaTx[last];
      // ln(e^alive + e^gone) = larger + ln(1 + e^-|difference|); the shares of each term in
      // the sum, which the gradient needs, come from the same exponential.
      const difference = alive - gone;
      const smallerOverLarger = Math.exp(-Math.abs(difference));
      total +=
        weight * (common[k] + (difference > 0 ? alive : gone) + Math.log1p(smallerOverLarger));
      if (withGradient) {
        const largerShare = weight / (1 + smallerOverLarger);
        const smallerShare = largerShare * smallerOverLarger;
        const aliveShare = difference > 0 ? largerShare : smallerShare;
        const goneShare = difference > 0 ? smallerShare : largerShare;
        dR -= aliveShare * logAlphaT[t] + goneShare * logAlphaTx[last];
        dAlpha -= rx * (aliveShare * inverseAlphaT[t] + goneShare * inverseAlphaTx[last]);
        dA += goneShare / a;
        dB -= goneShare / (b + counts[k] - 1 + shift);
      }
    }
    if (withGradient) {
      // The terms of A1 + A2, once per distinct x.
      const psiR = digamma(r);
      const psiB = digamma(b);
      const psiAB = digamma(a + b);
      for (let k = 0; k < distinctX; k++) {
        const count = counts[k];
        const weight = weightPerX[k];
        const psiABX = digamma(a + b + count + shift);
        dR += weight * (digamma(r + count) - psiR + logAlpha);
        dAlpha += (weight * r) / alpha;
        dA += weight * (psiAB - psiABX);
        dB += weight * (psiAB + digamma(b + count + shift) - psiB - psiABX);
      }
    }
    return {
      value: -total / totalWeight,
      gradient: [-dR / totalWeight, -dAlpha / totalWeight, -dA / totalWeight, -dB / totalWeight],
    };
  };

  return {
    totalWeight,
    rows,
    value: (params) => evaluate(params, false).value,
    gradient: (params) => evaluate(params, true).gradient,
    valueAndGradient: (params) => evaluate(params, true),
  };
}

export function logAddExp(left: number, right: number): number {
  const larger = Math.max(left, right);
  if (larger === -Infinity) return -Infinity;
  return larger + Math.log1p(Math.exp(-Math.abs(left - right)));
}
