import {
  assertRepeatBuyingCustomer,
  createBgNbdObjective,
  dropOutShift,
  type BgNbdParams,
  type RepeatBuyingCustomer,
  type RepeatBuyingVariant,
} from './bg-nbd-likelihood';
import { hypergeometric2F1 } from './hypergeometric';
import { minimizePositive, type FitOptions } from './optimizer';

export {
  bgNbdLogLikelihood,
  createBgNbdObjective,
  type BgNbdParams,
  type RepeatBuyingCustomer,
  type RepeatBuyingVariant,
} from './bg-nbd-likelihood';

export interface BgNbdFit extends BgNbdParams {
  logLikelihood: number;
  converged: boolean;
  iterations: number;
  /** Why the fit did not converge. */
  reason?: string;
}

/** Sum of the weighted log-likelihoods of the customers. */
export function bgNbdTotalLogLikelihood(
  params: BgNbdParams,
  customers: readonly RepeatBuyingCustomer[],
  variant: RepeatBuyingVariant = 'bgnbd',
): number {
  const objective = createBgNbdObjective(customers, variant);
  return -objective.value(toVector(params)) * objective.totalWeight;
}

/**
 * Maximum-likelihood BG/NBD (Fader, Hardie & Lee 2005). Time unit is whatever x, t_x and T use
 * (alpha carries it: the same data in days gives alpha seven times the one in weeks).
 */
export function fitBgNbd(
  customers: readonly RepeatBuyingCustomer[],
  options: FitOptions = {},
  variant: RepeatBuyingVariant = 'bgnbd',
): BgNbdFit {
  const objective = createBgNbdObjective(customers, variant);
  const purchases = customers.reduce((total, { x, weight = 1 }) => total + x * weight, 0);
  const exposure = customers.reduce((total, { T, weight = 1 }) => total + T * weight, 0);
  if (purchases === 0 || exposure === 0) {
    return {
      r: NaN,
      alpha: NaN,
      a: NaN,
      b: NaN,
      logLikelihood: NaN,
      converged: false,
      iterations: 0,
      reason: purchases === 0 ? 'no repeat purchases to fit' : 'no observation time to fit',
    };
  }
  const warm = warmStart(customers, objective.rows, variant);
  // Else one purchase per (exposure / purchases) with r = 1, and a mild drop-out rate.
  const initial = warm?.params ?? [1, exposure / purchases, 1, 3];
  const minimum = minimizePositive(objective.value, initial, {
    inverseHessian: warm?.inverseHessian,
    valueAndGradient: objective.valueAndGradient,
    names: ['r', 'alpha', 'a', 'b'],
    maxIterations: options.maxIterations,
    gradientTolerance: options.gradientTolerance,
  });
  const [r, alpha, a, b] = minimum.params;
  return {
    r,
    alpha,
    a,
    b,
    logLikelihood: -minimum.value * objective.totalWeight,
    converged: minimum.converged,
    iterations: minimum.iterations,
    ...(minimum.reason ? { reason: minimum.reason } : {}),
  };
}

// Above this many distinct rows, the fit starts from a fit of a sample of WARM_START_SAMPLE.
const WARM_START_ROWS = 20_000;
const WARM_START_SAMPLE = 5_000;

/**
 * The optimum of every k-th customer lies close to the optimum of all of them and costs a
 * fraction of an evaluation per step: from there the full fit needs a few iterations instead of
 * twenty. Only the start moves; the full data's optimum is still the one found.
 */
function warmStart(
  customers: readonly RepeatBuyingCustomer[],
  rows: number,
  variant: RepeatBuyingVariant,
): { params: number[]; inverseHessian: number[][] } | undefined {
  if (rows <= WARM_START_ROWS) return undefined;
  const stride = Math.ceil(customers.length / WARM_START_SAMPLE);
  const sample = customers.filter((_, row) => row % stride === 0);
  const objective = createBgNbdObjective(sample, variant);
  const purchases = sample.reduce((total, { x, weight = 1 }) => total + x * weight, 0);
  const exposure = sample.reduce((total, { T, weight = 1 }) => total + T * weight, 0);
  if (purchases === 0 || exposure === 0) return undefined;
  const minimum = minimizePositive(objective.value, [1, exposure / purchases, 1, 3], {
    valueAndGradient: objective.valueAndGradient,
  });
  return minimum.converged ? minimum : undefined;
}

/**
 * E[X(t)]: expected repeat purchases in (0, t] of a customer who just made a first purchase.
 * In the modified model they may drop out at once: b / (a + b) of them stay.
 */
export function expectedPurchases(
  params: BgNbdParams,
  t: number,
  variant: RepeatBuyingVariant = 'bgnbd',
): number {
  return conditionalExpectedPurchases(params, t, 0, 0, 0, variant);
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in (T, T + t] given the history (FHL 2005 eq. 10;
 * Batislam et al. 2007 eq. 14 for the modified model): P(alive) × E[Y(t) | alive, x, T].
 */
export function conditionalExpectedPurchases(
  params: BgNbdParams,
  t: number,
  x: number,
  tx: number,
  T: number,
  variant: RepeatBuyingVariant = 'bgnbd',
): number {
  assertTime(t);
  return (
    probabilityAlive(params, x, tx, T, variant) *
    expectedPurchasesWhileAlive(params, t, x, T, variant)
  );
}

/**
 * P(alive | x, t_x, T) = 1 / (1 + [x > 0] a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x)).
 * In BG/NBD a customer without repeat purchases cannot have dropped out yet: drop-out happens
 * only right after a repeat purchase. The modified model reads a / (b + x) for every x, so a
 * one-time buyer's P(alive) falls with the silence since their first purchase.
 */
export function probabilityAlive(
  params: BgNbdParams,
  x: number,
  tx: number,
  T: number,
  variant: RepeatBuyingVariant = 'bgnbd',
): number {
  assertRepeatBuyingCustomer({ x, tx, T });
  const shift = dropOutShift(variant);
  if (x === 0 && shift === 0) return 1;
  const { r, alpha, a, b } = params;
  const logOdds =
    Math.log(a) - Math.log(b + x - 1 + shift) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds));
}

// a = 1 and a + b + x - 1 = 0 are removable singularities of the closed form (0 / 0); within
// this distance of them the value is interpolated linearly from points twice as far out.
const SINGULARITY_HALF_WIDTH = 1e-5;

/**
 * E[Y(t) | alive, x, T], the closed form away from its removable singularities. The modified
 * model's is BG/NBD's with b + 1 in place of b: (a + b + x) / (a - 1) [1 - ((alpha + T) /
 * (alpha + T + t))^(r + x) 2F1(r + x, b + x + 1; a + b + x; z)].
 */
export function expectedPurchasesWhileAlive(
  params: BgNbdParams,
  t: number,
  x: number,
  T: number,
  variant: RepeatBuyingVariant = 'bgnbd',
): number {
  if (t === 0) return 0;
  if (variant === 'mbgnbd') params = { ...params, b: params.b + 1 };
  const { a, b } = params;
  const at = (changed: Partial<BgNbdParams>) => closedForm({ ...params, ...changed }, t, x, T);
  if (Math.abs(a - 1) < SINGULARITY_HALF_WIDTH) {
    return interpolate(a, 1, (value) => at({ a: value }));
  }
  if (Math.abs(a + b + x - 1) < SINGULARITY_HALF_WIDTH) {
    return interpolate(b, 1 - a - x, (value) => at({ b: value }));
  }
  return closedForm(params, t, x, T);
}

/**
 * (a + b + x - 1) / (a - 1) [1 - ((alpha + T) / (alpha + T + t))^(r + x)
 * 2F1(r + x, b + x; a + b + x - 1; z)], z = t / (alpha + T + t). Euler's transformation turns
 * the power times 2F1 into (1 - z)^(a - 1) 2F1(a + b - 1 - r, a - 1; a + b + x - 1; z), which
 * stays near 1 for any x where the original factors overflow and underflow in opposite ways.
 */
function closedForm({ r, alpha, a, b }: BgNbdParams, t: number, x: number, T: number): number {
  const c = a + b + x - 1;
  const scaleT = alpha + T;
  const z = t / (scaleT + t);
  const oneMinusZ = scaleT / (scaleT + t);
  const tail =
    Math.exp(-(a - 1) * Math.log1p(t / scaleT)) *
    hypergeometric2F1(a + b - 1 - r, a - 1, c, z, oneMinusZ);
  return (c / (a - 1)) * (1 - tail);
}

function interpolate(at: number, singular: number, evaluate: (value: number) => number): number {
  const distance = 2 * SINGULARITY_HALF_WIDTH;
  const below = evaluate(singular - distance);
  const above = evaluate(singular + distance);
  return below + ((above - below) * (at - (singular - distance))) / (2 * distance);
}

function assertTime(t: number): void {
  if (!(t >= 0) || !Number.isFinite(t)) throw new RangeError('t must be finite and >= 0');
}

function toVector({ r, alpha, a, b }: BgNbdParams): number[] {
  return [r, alpha, a, b];
}
