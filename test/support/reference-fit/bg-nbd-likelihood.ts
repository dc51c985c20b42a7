import { aggregateRows, indexDistinct } from './distinct-values';
import { digamma, logGamma } from '../../../src/value/math/special-functions';

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
}

/**
 * The mean negative log-likelihood over many customers, with identical (x, t_x, T) merged and
 * the log-gammas computed once per distinct x and the logs once per distinct T and t_x, so one
 * evaluation over 100,000 customers costs a few thousand logs rather than a million.
 */
export function createBgNbdObjective(
  customers: readonly RepeatBuyingCustomer[],
  variant: RepeatBuyingVariant = 'bgnbd',
): BgNbdObjective {
  customers.forEach(assertRepeatBuyingCustomer);
  const shift = dropOutShift(variant);
  const groups = aggregateRows(customers, ({ x, tx, T }) => `${x}|${tx}|${T}`).filter(
    (group) => group.weight > 0,
  );
  const xs = indexDistinct(groups.map((group) => group.row.x));
  const Ts = indexDistinct(groups.map((group) => group.row.T));
  const txs = indexDistinct(groups.map((group) => group.row.tx));
  const weights = Float64Array.from(groups, (group) => group.weight);
  const totalWeight = weights.reduce((total, weight) => total + weight, 0);
  const weightPerX = new Float64Array(xs.distinct.length);
  groups.forEach((_, row) => (weightPerX[xs.index[row]] += weights[row]));

  const evaluate = ([r, alpha, a, b]: number[], withGradient: boolean) => {
    const x = xs.distinct;
    const common = x.map(
      (count) =>
        logGamma(r + count) -
        logGamma(r) +
        r * Math.log(alpha) +
        logGamma(a + b) +
        logGamma(b + count + shift) -
        logGamma(b) -
        logGamma(a + b + count + shift),
    );
    const canDropOut = (count: number) => count > 0 || shift > 0;
    const logDropOdds = x.map((count) =>
      canDropOut(count) ? Math.log(a) - Math.log(b + count - 1 + shift) : 0,
    );
    const logAlphaT = Ts.distinct.map((T) => Math.log(alpha + T));
    const logAlphaTx = txs.distinct.map((tx) => Math.log(alpha + tx));
    const gradient = [0, 0, 0, 0];
    let total = 0;
    for (let row = 0; row < weights.length; row++) {
      const k = xs.index[row];
      const count = x[k];
      const weight = weights[row];
      const alive = -(r + count) * logAlphaT[Ts.index[row]];
      if (!canDropOut(count)) {
        total += weight * (common[k] + alive);
        if (withGradient) {
          gradient[0] -= weight * logAlphaT[Ts.index[row]];
          gradient[1] -= (weight * r) / (alpha + Ts.distinct[Ts.index[row]]);
        }
        continue;
      }
      const gone = logDropOdds[k] - (r + count) * logAlphaTx[txs.index[row]];
      const both = logAddExp(alive, gone);
      total += weight * (common[k] + both);
      if (withGradient) {
        const aliveShare = weight * Math.exp(alive - both);
        const goneShare = weight * Math.exp(gone - both);
        gradient[0] -=
          aliveShare * logAlphaT[Ts.index[row]] + goneShare * logAlphaTx[txs.index[row]];
        gradient[1] -=
          (aliveShare * (r + count)) / (alpha + Ts.distinct[Ts.index[row]]) +
          (goneShare * (r + count)) / (alpha + txs.distinct[txs.index[row]]);
        gradient[2] += goneShare / a;
        gradient[3] -= goneShare / (b + count - 1 + shift);
      }
    }
    if (withGradient) {
      // The terms of A1 + A2, once per distinct x.
      const psiR = digamma(r);
      const psiB = digamma(b);
      const psiAB = digamma(a + b);
      x.forEach((count, k) => {
        const weight = weightPerX[k];
        const psiABX = digamma(a + b + count + shift);
        gradient[0] += weight * (digamma(r + count) - psiR + Math.log(alpha));
        gradient[1] += (weight * r) / alpha;
        gradient[2] += weight * (psiAB - psiABX);
        gradient[3] += weight * (psiAB + digamma(b + count + shift) - psiB - psiABX);
      });
    }
    return { value: -total / totalWeight, gradient: gradient.map((g) => -g / totalWeight) };
  };

  return {
    totalWeight,
    rows: weights.length,
    value: (params) => evaluate(params, false).value,
    gradient: (params) => evaluate(params, true).gradient,
  };
}

export function logAddExp(left: number, right: number): number {
  const larger = Math.max(left, right);
  if (larger === -Infinity) return -Infinity;
  return larger + Math.log1p(Math.exp(-Math.abs(left - right)));
}
