import { digamma, gammaSign, isNonPositiveInteger, logGamma } from './special-functions';

const EPSILON = Number.EPSILON;
// A result whose estimated relative rounding error is below this is taken without trying others.
const TRUSTED_ERROR = 1e-13;
// Above z = 0.5 the plain series is first tried only this far; it is quick when c is large.
const SHORT_BUDGET = 256;
const LONG_BUDGET = 1_000_000;
// Closer than this to an integer, c - a - b makes the two halves of A&S 15.3.6 cancel badly.
const INTEGER_GAP_WINDOW = 1e-4;
const GAP_STEP = 1e-3;
// Partial sums are rescaled by this factor so that huge intermediate terms cannot overflow.
const RESCALE = 1e200;
const LOG_RESCALE = Math.log(RESCALE);

/** value = exp(logScale) * scaled; error is an estimate of its relative rounding error. */
interface Estimate {
  scaled: number;
  logScale: number;
  error: number;
}

const FAILED: Estimate = { scaled: NaN, logScale: 0, error: Infinity };

/**
 * Gauss hypergeometric function 2F1(a, b; c; z) for real parameters and real z < 1. Near z = 1
 * pass oneMinusZ when it is known more accurately than 1 - z (for t / (alpha + T + t), it is
 * (alpha + T) / (alpha + T + t)).
 *
 * z <= 0.5 sums the series; z < 0 goes there through Pfaff's transformation. For 0.5 < z < 1
 * the candidates are the series itself (quick when c is large) and the expansion around 1 - z
 * (A&S 15.3.6, or 15.3.10-11 with digamma terms when c - a - b is an integer); each carries an
 * estimate of its rounding error and the first trustworthy one wins. Gamma factors and large
 * partial sums are kept in log space. Accurate to about 1e-13 for moderate a and b (up to ~10)
 * and any c; with large a and b and z far below -1 the series itself cancels and accuracy drops.
 */
export function hypergeometric2F1(
  a: number,
  b: number,
  c: number,
  z: number,
  oneMinusZ = 1 - z,
): number {
  return valueOf(evaluate(a, b, c, z, oneMinusZ));
}

function evaluate(a: number, b: number, c: number, z: number, oneMinusZ: number): Estimate {
  if (![a, b, c, z].every(Number.isFinite) || z >= 1) {
    throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}) needs finite parameters and z < 1`);
  }
  if (z === 0 || a === 0 || b === 0) return { scaled: 1, logScale: 0, error: 0 };
  if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) return seriesOrThrow(a, b, c, z);
  if (isNonPositiveInteger(c)) return FAILED;
  if (z < 0) {
    // Pfaff: 2F1(a, b; c; z) = (1 - z)^-a 2F1(a, c - b; c; z / (z - 1)), with z / (z - 1) in
    // (0, 1) and 1 - z / (z - 1) = 1 / (1 - z) exactly.
    return scale(evaluate(a, c - b, c, -z / oneMinusZ, 1 / oneMinusZ), -a * Math.log(oneMinusZ));
  }
  if (z <= 0.5) return seriesOrThrow(a, b, c, z);
  return nearOne(a, b, c, z, oneMinusZ);
}

function nearOne(a: number, b: number, c: number, z: number, s: number): Estimate {
  const gap = c - a - b;
  if (gap < 0) {
    // Euler: 2F1(a, b; c; z) = (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z). Afterwards the gap is
    // positive and the series terms fall like n^-(gap + 1) z^n.
    return scale(evaluate(c - a, c - b, c, z, s), gap * Math.log(s));
  }
  const short = gaussSeries(a, b, c, z, SHORT_BUDGET);
  if (short.error <= TRUSTED_ERROR) return short;
  const expansion = expansionAroundOne(a, b, c, s, gap);
  if (expansion.error <= TRUSTED_ERROR) return expansion;
  // The series needs about log(eps) / log(z) terms once past its bulge; skip it when that is
  // beyond the budget instead of spending the budget to find out.
  if (Math.log(EPSILON) / Math.log(z) > LONG_BUDGET / 2) return expansion;
  const long = gaussSeries(a, b, c, z, LONG_BUDGET);
  return long.error <= expansion.error ? long : expansion;
}

function expansionAroundOne(a: number, b: number, c: number, s: number, gap: number): Estimate {
  const nearestInteger = Math.round(gap);
  if (Math.abs(gap - nearestInteger) >= INTEGER_GAP_WINDOW) return aroundOne(a, b, c, s);
  const atInteger = aroundOneIntegerGap(a, b, nearestInteger, s);
  const offset = c - (a + b + nearestInteger);
  if (offset === 0) return atInteger;
  // A second-order Taylor step in c away from the integer gap, with the derivatives taken from
  // points far enough from it for 15.3.6 to be accurate.
  const base = a + b + nearestInteger;
  const above = aroundOne(a, b, base + GAP_STEP, s);
  const below = aroundOne(a, b, base - GAP_STEP, s);
  const [f0, fAbove, fBelow] = [atInteger, above, below].map(valueOf);
  const slope = (fAbove - fBelow) / (2 * GAP_STEP);
  const curvature = (fAbove - 2 * f0 + fBelow) / (GAP_STEP * GAP_STEP);
  const value = f0 + offset * slope + 0.5 * offset * offset * curvature;
  const truncation = Math.abs(offset * GAP_STEP * curvature) / 6;
  const rounding =
    Math.max(atInteger.error, above.error, below.error) * (1 + Math.abs(offset) / GAP_STEP);
  return { scaled: value, logScale: 0, error: truncation / Math.abs(value) + rounding };
}

/** sum_n (a)_n (b)_n / ((c)_n n!) z^n; FAILED when maxTerms were not enough. */
function gaussSeries(a: number, b: number, c: number, z: number, maxTerms: number): Estimate {
  const settled = Math.max(0, -a, -b, -c) + 1;
  let term = 1;
  let sum = 1;
  let absoluteSum = 1;
  let logScale = 0;
  for (let n = 0; n < maxTerms; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    // A term built by n multiplications carries about sqrt(n) roundings.
    absoluteSum += Math.abs(term) * (1 + Math.sqrt(n));
    if (absoluteSum > RESCALE) {
      term /= RESCALE;
      sum /= RESCALE;
      absoluteSum /= RESCALE;
      logScale += LOG_RESCALE;
    }
    const shrinking = Math.abs(ratio) < 1;
    const negligible = Math.abs(term) <= EPSILON * Math.abs(sum) * (1 - Math.abs(ratio));
    if (term === 0 || (n >= settled && shrinking && negligible)) {
      return { scaled: sum, logScale, error: (EPSILON * absoluteSum) / Math.abs(sum) };
    }
  }
  return FAILED;
}

function seriesOrThrow(a: number, b: number, c: number, z: number): Estimate {
  const series = gaussSeries(a, b, c, z, LONG_BUDGET);
  if (Number.isNaN(series.scaled)) {
    throw new RangeError(`2F1(${a}, ${b}; ${c}; ${z}): series did not converge`);
  }
  return series;
}

function scale(estimate: Estimate, logFactor: number): Estimate {
  return { ...estimate, logScale: estimate.logScale + logFactor };
}

function valueOf({ scaled, logScale }: Estimate): number {
  if (logScale === 0 || scaled === 0) return scaled;
  return Math.sign(scaled) * Math.exp(logScale + Math.log(Math.abs(scaled)));
}

/**
 * Gamma(numerator...) / Gamma(denominator...) * exp(logExtra) as [sign, log |value|, rounding]:
 * each log-gamma carries an absolute rounding error proportional to its own size, which is
 * what limits the accuracy of a ratio of large Gamma values.
 */
function gammaProduct(
  numerator: number[],
  denominator: number[],
  logExtra = 0,
): [number, number, number] {
  if (denominator.some(isNonPositiveInteger)) return [0, -Infinity, 0]; // 1 / Gamma(pole) = 0
  let logAbs = logExtra;
  let size = Math.abs(logExtra);
  let sign = 1;
  const add = (x: number, direction: number) => {
    const logValue = logGamma(x);
    logAbs += direction * logValue;
    size += Math.abs(logValue) + 1;
    sign *= gammaSign(x);
  };
  numerator.forEach((x) => add(x, 1));
  denominator.forEach((x) => add(x, -1));
  return [sign, logAbs, EPSILON * size];
}

/** Sum of Gamma products times series, with the rounding error of each part added up. */
function combine(parts: [[number, number, number], Estimate][]): Estimate {
  const values = parts.map(([[sign, logFactor], series]) =>
    sign === 0 ? 0 : sign * Math.exp(logFactor + series.logScale) * series.scaled,
  );
  const value = values.reduce((total, part) => total + part, 0);
  const error = parts.reduce(
    (total, [[, , rounding], series], i) => total + Math.abs(values[i]) * (series.error + rounding),
    0,
  );
  const relative = value === 0 ? (error === 0 ? 0 : Infinity) : error / Math.abs(value);
  return { scaled: value, logScale: 0, error: relative };
}

/** A&S 15.3.6 for c - a - b not an integer, in powers of s = 1 - z. */
function aroundOne(a: number, b: number, c: number, s: number): Estimate {
  const gap = c - a - b;
  const first = gammaProduct([c, gap], [c - a, c - b]);
  const second = gammaProduct([c, -gap], [a, b], gap * Math.log(s));
  const none = { scaled: 0, logScale: 0, error: 0 };
  return combine([
    [first, first[0] === 0 ? none : seriesOrThrow(a, b, 1 - gap, s)],
    [second, second[0] === 0 ? none : seriesOrThrow(c - a, c - b, 1 + gap, s)],
  ]);
}

/** A&S 15.3.10 (gap 0) and 15.3.11 (gap 1, 2, ...): c = a + b + gap, with digamma terms. */
function aroundOneIntegerGap(a: number, b: number, gap: number, s: number): Estimate {
  const c = a + b + gap;
  const logS = Math.log(s);
  let finiteSum = 1;
  let finiteAbsolute = 1;
  let term = 1;
  for (let n = 0; n < gap - 1; n++) {
    term *= (((a + n) * (b + n)) / ((n + 1) * (1 - gap + n))) * s;
    finiteSum += term;
    finiteAbsolute += Math.abs(term);
  }
  const finite: [number, number, number] =
    gap >= 1 ? gammaProduct([gap, c], [a + gap, b + gap]) : [0, 0, 0];
  // -(z - 1)^gap Gamma(c) / (Gamma(a) Gamma(b) gap!) * sum_n coefficient_n bracket_n
  const [sign, logFactor, rounding] = gammaProduct([c], [a, b, gap + 1], gap * logS);
  let coefficient = 1; // (a + gap)_n (b + gap)_n gap! / (n! (n + gap)!) s^n
  let psiOne = digamma(1);
  let psiGap = digamma(gap + 1);
  let psiA = digamma(a + gap);
  let psiB = digamma(b + gap);
  let sum = 0;
  let absoluteSum = 0;
  const settled = Math.max(0, -(a + gap), -(b + gap)) + 1;
  for (let n = 0; n < LONG_BUDGET && sign !== 0; n++) {
    const bracket = logS - psiOne - psiGap + psiA + psiB;
    sum += coefficient * bracket;
    absoluteSum += Math.abs(coefficient) * (Math.abs(logS) + Math.abs(psiA) + Math.abs(psiB) + 1);
    const ratio = (((a + gap + n) * (b + gap + n)) / ((n + 1) * (n + gap + 1))) * s;
    const size = Math.abs(coefficient) * Math.max(1, Math.abs(bracket));
    if (n >= settled && Math.abs(ratio) < 1 && size <= EPSILON * Math.abs(sum)) break;
    coefficient *= ratio;
    psiOne += 1 / (n + 1);
    psiGap += 1 / (n + gap + 1);
    psiA += 1 / (a + gap + n);
    psiB += 1 / (b + gap + n);
  }
  const finiteSeries = {
    scaled: finiteSum,
    logScale: 0,
    error: (EPSILON * finiteAbsolute) / Math.abs(finiteSum),
  };
  const logSeries = { scaled: sum, logScale: 0, error: (EPSILON * absoluteSum) / Math.abs(sum) };
  return combine([
    [finite, finiteSeries],
    [[gap % 2 === 0 ? -sign : sign, logFactor, rounding], logSeries],
  ]);
}
