// Godfrey's Lanczos coefficients for g = 607/128 (his published digits rounded to doubles):
// relative error of Gamma below 1e-15 on x >= 0.5.
const LANCZOS_G = 607 / 128;
const LANCZOS_COEFFICIENTS = [
  0.9999999999999971, 57.15623566586292, -59.59796035547549, 14.136097974741746,
  -0.4919138160976202, 3.399464998481189e-5, 4.652362892704858e-5, -9.837447530487956e-5,
  1.580887032249125e-4, -2.1026444172410488e-4, 2.1743961811521265e-4, -1.643181065367639e-4,
  8.441822398385275e-5, -2.6190838401581408e-5, 3.6899182659531625e-6,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
const EULER_GAMMA = 0.5772156649015329;

/** sin(pi x), reduced first so that large or near-integer x keep their accuracy. */
export function sinPi(x: number): number {
  const reduced = x - 2 * Math.round(x / 2); // in [-1, 1]
  if (reduced === 0 || Math.abs(reduced) === 1) return 0;
  if (Math.abs(reduced) === 0.5) return Math.sign(reduced);
  return Math.sin(Math.PI * reduced);
}

export function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/** ln |Gamma(x)|; +Infinity at the poles (0, -1, -2, ...). */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (isNonPositiveInteger(x)) return Infinity;
  if (x === Infinity) return Infinity;
  if (x < 0.5) {
    // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x).
    return Math.log(Math.PI) - Math.log(Math.abs(sinPi(x))) - logGamma(1 - x);
  }
  const shifted = x - 1;
  let series = LANCZOS_COEFFICIENTS[0];
  for (let i = 1; i < LANCZOS_COEFFICIENTS.length; i++) {
    series += LANCZOS_COEFFICIENTS[i] / (shifted + i);
  }
  const base = shifted + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (shifted + 0.5) * Math.log(base) - base + Math.log(series);
}

/** Sign of Gamma(x): +1 for x > 0, alternating between the poles below 0, NaN at a pole. */
export function gammaSign(x: number): number {
  if (isNonPositiveInteger(x) || Number.isNaN(x)) return NaN;
  if (x > 0) return 1;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** Digamma psi(x) = d/dx ln Gamma(x); NaN at the poles. */
export function digamma(x: number): number {
  if (Number.isNaN(x) || isNonPositiveInteger(x)) return NaN;
  if (x < 0) {
    // Reflection: psi(1 - x) - psi(x) = pi cot(pi x).
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * (x - Math.round(x)));
  }
  if (x === 1) return -EULER_GAMMA;
  let shift = 0;
  let value = x;
  // Recurrence psi(x) = psi(x + 1) - 1/x up to where the asymptotic series is exact to 1e-16.
  while (value < 10) {
    shift += 1 / value;
    value += 1;
  }
  const inverseSquare = 1 / (value * value);
  const tail =
    inverseSquare *
    (1 / 12 -
      inverseSquare *
        (1 / 120 -
          inverseSquare *
            (1 / 252 -
              inverseSquare *
                (1 / 240 - inverseSquare * (1 / 132 - inverseSquare * (691 / 32760))))));
  return Math.log(value) - 0.5 / value - tail - shift;
}
