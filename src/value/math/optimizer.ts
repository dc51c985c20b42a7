export interface MinimizeOptions {
  /** Gradient of the objective with respect to the (positive) parameters; numerical if absent. */
  gradient?: (params: number[]) => number[];
  /**
   * Value and gradient in one evaluation, when that costs little more than the value alone: the
   * line search then gets the gradient of the point it accepts without evaluating it again.
   */
  valueAndGradient?: (params: number[]) => { value: number; gradient: number[] };
  maxIterations?: number;
  /** Converged when every |d objective / d log(parameter)| is at most this. */
  gradientTolerance?: number;
  /** Parameter names, for the reason given when a fit fails. */
  names?: string[];
  /** Largest |log(parameter)| allowed; a parameter pushed there has no finite optimum. */
  logBound?: number;
  /**
   * The inverse-Hessian estimate (in log parameters) to start from, e.g. that of a fit of a
   * sample of the same data: the first steps are then quasi-Newton steps, not gradient steps.
   */
  inverseHessian?: number[][];
}

/** What a model fit passes through to the minimiser. */
export type FitOptions = Pick<MinimizeOptions, 'maxIterations' | 'gradientTolerance'>;

export interface Minimum {
  params: number[];
  value: number;
  iterations: number;
  converged: boolean;
  reason?: string;
  /** The last inverse-Hessian estimate learned, in log parameters, to warm-start a related fit. */
  inverseHessian: number[][];
}

const ARMIJO = 1e-4;
const MAX_LOG_STEP = 2; // at most a factor e^2 on any parameter per iteration
const MIN_STEP = 1e-12;
// A trial point that moves no parameter by more than this relative amount (a thousandth of the
// 1e-5 to which fits are compared) changes the objective
// below its rounding noise: halving further only costs evaluations (about 40 a failed search).
const MIN_LOG_CHANGE = 1e-8;
const STALL_FACTOR = 1000;
const STEP_TOLERANCE = 1e-6; // in log(parameter): a relative change of 1e-6

/**
 * Minimises objective(params) over positive parameters with BFGS on log(params), so that no
 * step can leave the domain and scales as different as alpha (weeks or days) and a (a
 * fraction) are handled alike. Backtracking line search; the inverse-Hessian estimate is reset
 * when it stops giving descent directions. Written here because the JavaScript optimisers on
 * npm are unmaintained (fmin, numeric) or fit curves rather than minimise a likelihood
 * (ml-levenberg-marquardt), and none reports why a fit failed.
 */
export function minimizePositive(
  objective: (params: number[]) => number,
  initial: number[],
  options: MinimizeOptions = {},
): Minimum {
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.gradientTolerance ?? 1e-8;
  const logBound = options.logBound ?? 30;
  const names = options.names ?? initial.map((_, i) => `parameter ${i}`);
  if (initial.some((value) => !(value > 0) || !Number.isFinite(value))) {
    throw new RangeError(`initial parameters must be positive and finite: ${initial.join(', ')}`);
  }

  // The gradient evaluated beside the last value, for the point it belongs to.
  let evaluated: { theta: number[]; gradient: number[] } | undefined;
  const valueAt = (theta: number[]): number => {
    const params = theta.map(Math.exp);
    let value: number;
    if (options.valueAndGradient) {
      const both = options.valueAndGradient(params);
      value = both.value;
      evaluated = { theta, gradient: both.gradient };
    } else {
      value = objective(params);
    }
    return Number.isNaN(value) ? Infinity : value;
  };
  const gradientAt = (theta: number[]): number[] => {
    const params = theta.map(Math.exp);
    let gradient: number[];
    if (evaluated?.theta === theta) gradient = evaluated.gradient;
    else if (options.gradient) gradient = options.gradient(params);
    else if (options.valueAndGradient) gradient = options.valueAndGradient(params).gradient;
    else return numericalGradient(valueAt, theta);
    return gradient.map((derivative, i) => derivative * params[i]);
  };

  let theta = initial.map(Math.log);
  let value = valueAt(theta);
  if (!Number.isFinite(value)) {
    return {
      params: initial,
      value,
      iterations: 0,
      converged: false,
      reason: 'objective is not finite at the start',
      inverseHessian: identity(initial.length),
    };
  }
  let gradient = gradientAt(theta);
  let inverseHessian = options.inverseHessian ?? identity(theta.length);
  let freshHessian = options.inverseHessian === undefined;
  // The last estimate learned from steps: resets for lack of descent do not erase it.
  let learnedHessian = inverseHessian;
  let iterations = 0;
  let reason: string | undefined;

  for (;;) {
    let direction = multiply(inverseHessian, gradient).map((component) => -component);
    if (dot(direction, gradient) >= 0) {
      inverseHessian = identity(theta.length);
      freshHessian = true;
      direction = gradient.map((component) => -component);
    }
    // Small slope is not enough: towards an optimum at infinity (1/u as u grows) the slope fades
    // while the quasi-Newton step stays large. Both must be small.
    if (maxNorm(gradient) <= tolerance && maxNorm(direction) <= STEP_TOLERANCE) break;
    if (iterations >= maxIterations) {
      reason = `no convergence in ${maxIterations} iterations (gradient ${maxNorm(gradient).toExponential(2)})`;
      break;
    }
    iterations++;
    const step = lineSearch(valueAt, theta, value, gradient, direction, logBound);
    if (!step) {
      if (!freshHessian) {
        inverseHessian = identity(theta.length);
        freshHessian = true;
        continue;
      }
      // Along a long flat valley the objective stops changing in its last digit while the
      // gradient is still above the tolerance: the optimum is then as pinned down as it can be.
      if (maxNorm(gradient) <= tolerance * STALL_FACTOR) break;
      reason = `line search found no decrease (gradient ${maxNorm(gradient).toExponential(2)})`;
      break;
    }
    const nextGradient = gradientAt(step.theta);
    const s = step.theta.map((component, i) => component - theta[i]);
    const y = nextGradient.map((component, i) => component - gradient[i]);
    const curvature = dot(s, y);
    if (curvature > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (freshHessian) inverseHessian = scaledIdentity(theta.length, curvature / dot(y, y));
      inverseHessian = bfgsUpdate(inverseHessian, s, y, curvature);
      learnedHessian = inverseHessian;
      freshHessian = false;
    }
    theta = step.theta;
    value = step.value;
    gradient = nextGradient;
  }

  const atBound = theta.findIndex((component) => Math.abs(component) >= logBound - 1e-9);
  if (atBound >= 0) {
    const direction = theta[atBound] > 0 ? 'infinity' : 'zero';
    reason = `${names[atBound]} runs off to ${direction}: the data do not pin it down`;
  }
  return {
    params: theta.map(Math.exp),
    value,
    iterations,
    converged: reason === undefined,
    reason,
    inverseHessian: learnedHessian,
  };
}

function lineSearch(
  valueAt: (theta: number[]) => number,
  theta: number[],
  value: number,
  gradient: number[],
  direction: number[],
  logBound: number,
): { theta: number[]; value: number } | undefined {
  const slope = dot(gradient, direction);
  let step = Math.min(1, MAX_LOG_STEP / maxNorm(direction));
  // Stop at the box |log(parameter)| <= logBound rather than step through it.
  direction.forEach((component, i) => {
    if (component === 0) return;
    const room = ((component > 0 ? logBound : -logBound) - theta[i]) / component;
    step = Math.min(step, Math.max(room, 0));
  });
  const longest = maxNorm(direction);
  for (; step >= MIN_STEP && step * longest >= MIN_LOG_CHANGE; step /= 2) {
    const candidate = theta.map((component, i) => component + step * direction[i]);
    const candidateValue = valueAt(candidate);
    // Strictly lower: a step that only ties in the last digit is no progress.
    if (candidateValue < value && candidateValue <= value + ARMIJO * step * slope) {
      return { theta: candidate, value: candidateValue };
    }
  }
  return undefined;
}

function numericalGradient(valueAt: (theta: number[]) => number, theta: number[]): number[] {
  return theta.map((component, i) => {
    const h = 1e-6 * Math.max(1, Math.abs(component));
    const plus = [...theta];
    const minus = [...theta];
    plus[i] = component + h;
    minus[i] = component - h;
    return (valueAt(plus) - valueAt(minus)) / (2 * h);
  });
}

/** H' = (I - rho s y^T) H (I - rho y s^T) + rho s s^T with rho = 1 / (y^T s). */
function bfgsUpdate(h: number[][], s: number[], y: number[], curvature: number): number[][] {
  const rho = 1 / curvature;
  const hy = multiply(h, y);
  const yhy = dot(y, hy);
  return h.map((row, i) =>
    row.map(
      (entry, j) =>
        entry - rho * (s[i] * hy[j] + hy[i] * s[j]) + (rho * rho * yhy + rho) * s[i] * s[j],
    ),
  );
}

function identity(size: number): number[][] {
  return scaledIdentity(size, 1);
}

function scaledIdentity(size: number, diagonal: number): number[][] {
  return Array.from({ length: size }, (_, i) =>
    Array.from({ length: size }, (_, j) => (i === j ? diagonal : 0)),
  );
}

function multiply(matrix: number[][], vector: number[]): number[] {
  return matrix.map((row) => dot(row, vector));
}

function dot(left: number[], right: number[]): number {
  return left.reduce((total, component, i) => total + component * right[i], 0);
}

function maxNorm(vector: number[]): number {
  return vector.reduce((largest, component) => Math.max(largest, Math.abs(component)), 0);
}
