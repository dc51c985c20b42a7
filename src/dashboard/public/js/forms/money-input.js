// @ts-check
/**
 * Money as people type it, read in the dashboard's language: `12,50` or `1.234,56` in Italian,
 * `12.50` or `1,234.56` in English. Read into integer minor units without floating point, and
 * sent to the API as the exact decimal string those units make ("12.50"), which it stores as
 * 1250. A separator used the other language's way (`12.50` in Italian) is refused, not guessed.
 */

/**
 * The currency's minor-unit digits as Intl knows them (EUR 2, JPY 0, BHD 3); 2 when unknown.
 * @param {string} currency
 * @returns {number}
 */
export function currencyDecimals(currency) {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2;
  }
}

/**
 * @typedef {{ ok: true, minor: number } | { ok: false, code: 'moneyFormat' | 'moneyDecimals' | 'moneyNegative' | 'moneyTooLarge' }} ParsedMoney
 */

/**
 * @param {string} text what was typed; spaces (also thin and no-break ones) are ignored
 * @param {'en' | 'it'} language
 * @param {number} [decimals] the currency's minor-unit digits
 * @returns {ParsedMoney}
 */
export function parseMoney(text, language, decimals = 2) {
  const raw = String(text).replace(/[\s\u00a0\u202f]/g, '');
  if (raw.startsWith('-')) return { ok: false, code: 'moneyNegative' };
  const [decimalMark, groupMark] = language === 'it' ? [',', '.'] : ['.', ','];
  const group = `\\${groupMark}`;
  const pattern = new RegExp(`^(\\d{1,3}(?:${group}\\d{3})+|\\d+)(?:\\${decimalMark}(\\d+))?$`);
  const match = raw.match(pattern);
  if (!match) return { ok: false, code: 'moneyFormat' };
  const whole = match[1].split(groupMark).join('');
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) return { ok: false, code: 'moneyDecimals' };
  const minor = Number(whole + fraction.padEnd(decimals, '0'));
  if (!Number.isSafeInteger(minor)) return { ok: false, code: 'moneyTooLarge' };
  return { ok: true, minor };
}

/**
 * 1250 → "12.50" (2 decimals), 500 → "500" (0 decimals): the API's decimal amount.
 * @param {number} minor a non-negative integer
 * @param {number} decimals
 * @returns {string}
 */
export function minorToDecimal(minor, decimals) {
  if (decimals === 0) return String(minor);
  const digits = String(minor).padStart(decimals + 1, '0');
  return `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/**
 * An example amount for a field's hint, in the language's way of writing it.
 * @param {'en' | 'it'} language
 * @returns {string}
 */
export function moneyExample(language) {
  return language === 'it' ? '1.234,50' : '1,234.50';
}
