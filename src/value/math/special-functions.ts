import betaln from '@stdlib/math-base-special-betaln';
import stdlibDigamma from '@stdlib/math-base-special-digamma';
import gammaln from '@stdlib/math-base-special-gammaln';

// ln Gamma, ln B and psi come from stdlib, a maintained numerics library (Cephes and Boost
// lineage, tested against reference tables). Only the 2F1 of hypergeometric.ts, which no
// maintained JavaScript package offers, is written here.

export function isNonPositiveInteger(x: number): boolean {
  return x <= 0 && Number.isInteger(x);
}

/** ln |Gamma(x)|; +Infinity at the poles (0, -1, -2, ...). */
export function logGamma(x: number): number {
  return gammaln(x);
}

/** Sign of Gamma(x): +1 for x > 0, alternating between the poles below 0, NaN at a pole. */
export function gammaSign(x: number): number {
  if (isNonPositiveInteger(x) || Number.isNaN(x)) return NaN;
  if (x > 0) return 1;
  return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** ln B(a, b) = ln Gamma(a) + ln Gamma(b) - ln Gamma(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return betaln(a, b);
}

/** Digamma psi(x) = d/dx ln Gamma(x); NaN at the poles. */
export function digamma(x: number): number {
  return stdlibDigamma(x);
}
