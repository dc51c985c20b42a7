const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && KNOWN_CURRENCIES.has(code);
}

const decimalsCache = new Map<string, number>();

/** ISO 4217 minor-unit digits (EUR 2, JPY 0, KWD 3), from the runtime's ICU data. */
export function currencyDecimals(code: string): number {
  let digits = decimalsCache.get(code);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
      .maximumFractionDigits as number;
    decimalsCache.set(code, digits);
  }
  return digits;
}
