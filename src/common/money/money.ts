import { currencyDecimals } from './currency';

/** The largest amount accepted, in minor units: keeps every sum a safe integer. */
export const MAX_MINOR_UNITS = 10 ** 14;

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

export type AmountProblem = 'not-a-decimal' | 'negative' | 'too-many-decimals' | 'too-large';

/** A decimal string or JSON number, as minor units of the currency, or the reason it is not one. */
export function parseAmount(
  value: unknown,
  currency: string,
): { minor: number } | { problem: AmountProblem } {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { problem: 'not-a-decimal' };
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return { problem: 'not-a-decimal' };
  }
  if (text.startsWith('-'))
    return /^-\d/.test(text) ? { problem: 'negative' } : { problem: 'not-a-decimal' };
  const match = DECIMAL.exec(text);
  if (!match) return { problem: 'not-a-decimal' };
  const decimals = currencyDecimals(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > decimals) return { problem: 'too-many-decimals' };
  const minor =
    BigInt(match[1]) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
  if (minor > BigInt(MAX_MINOR_UNITS)) return { problem: 'too-large' };
  return { minor: Number(minor) };
}

/** Minor units as the decimal string the API shows: 4990 EUR → "49.90". */
export function formatAmount(minor: number, currency: string): string {
  const decimals = currencyDecimals(currency);
  const negative = minor < 0;
  const digits = String(Math.abs(Math.round(minor))).padStart(decimals + 1, '0');
  const whole = decimals === 0 ? digits : digits.slice(0, -decimals);
  const fraction = decimals === 0 ? '' : `.${digits.slice(-decimals)}`;
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

/** Back from the decimal string the API shows, sign included: "-49.90" EUR → -4990. */
export function minorFromAmount(text: string, currency: string): number {
  const negative = text.startsWith('-');
  const parsed = parseAmount(negative ? text.slice(1) : text, currency);
  if (!('minor' in parsed)) throw new Error(`not an amount in ${currency}: ${text}`);
  return negative ? -parsed.minor : parsed.minor;
}

/** Divides with round-half-to-even, on exact integers. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const twiceRemainder = (n % d) * 2n;
  let rounded = quotient;
  if (twiceRemainder > d || (twiceRemainder === d && quotient % 2n === 1n)) rounded += 1n;
  return sign * rounded;
}

/**
 * Converts minor units of one currency into minor units of another at a decimal rate
 * (target units per one source unit), rounding half-even once.
 */
export function convertMinor(
  minor: number,
  fromCurrency: string,
  toCurrency: string,
  rate: string,
): number {
  const [whole, fraction = ''] = rate.split('.');
  const rateScaled = BigInt(whole + fraction);
  const rateScale = 10n ** BigInt(fraction.length);
  const fromScale = 10n ** BigInt(currencyDecimals(fromCurrency));
  const toScale = 10n ** BigInt(currencyDecimals(toCurrency));
  return Number(divideHalfEven(BigInt(minor) * rateScaled * toScale, rateScale * fromScale));
}

/** Rounds a float amount of minor units half-even (for modeled values). */
export function roundMinor(value: number): number {
  const floor = Math.floor(value);
  const difference = value - floor;
  if (Math.abs(difference - 0.5) < 1e-9) return floor % 2 === 0 ? floor : floor + 1;
  return Math.round(value);
}
