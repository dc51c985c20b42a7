// @ts-check
/** Numbers for people: currency, counts, percentages and dates (dates in UTC, as the API means them). */
import { locale } from './i18n.js';
/** @type {Map<string, Intl.NumberFormat | Intl.DateTimeFormat>} */
const cache = new Map();
/**
 * One formatter a key: building an Intl formatter costs far more than using one.
 * @template {Intl.NumberFormat | Intl.DateTimeFormat} Format
 * @param {string} key
 * @param {() => Format} make
 * @returns {Format}
 */
function formatter(key, make) {
  if (!cache.has(key)) cache.set(key, make());
  return /** @type {Format} */ (cache.get(key));
}

/**
 * A finite number from a number or a numeric string (the API sends decimals as strings).
 * @param {unknown} value
 * @returns {number | null}
 */
export function toNumber(value) {
  if (value === null || value === undefined || value === '') return null;
  const number = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * @param {unknown} value
 * @param {string} [currency]
 * @param {{ compact?: boolean }} [options]
 * @returns {string}
 */
export function money(value, currency = 'EUR', { compact = false } = {}) {
  const number = toNumber(value);
  if (number === null) return '—';
  const key = `money:${currency}:${compact}`;
  const format = formatter(key, () =>
    compact
      ? new Intl.NumberFormat(undefined, {
          style: 'currency',
          currency,
          notation: 'compact',
          maximumFractionDigits: 1,
        })
      : new Intl.NumberFormat(undefined, {
          style: 'currency',
          currency,
          minimumFractionDigits: 2,
          maximumFractionDigits: 2,
        }),
  );
  return format.format(number);
}

/**
 * @param {unknown} value
 * @param {{ compact?: boolean }} [options]
 * @returns {string}
 */
export function count(value, { compact = false } = {}) {
  const number = toNumber(value);
  if (number === null) return '—';
  const format = formatter(
    `count:${compact}`,
    () =>
      new Intl.NumberFormat(
        undefined,
        compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 2 },
      ),
  );
  return format.format(number);
}

/**
 * 0.1234 → "12.3%".
 * @param {unknown} ratio
 * @param {number} [digits]
 * @returns {string}
 */
export function percent(ratio, digits = 1) {
  const number = toNumber(ratio);
  if (number === null) return '—';
  const format = formatter(
    `percent:${digits}`,
    () =>
      new Intl.NumberFormat(undefined, {
        style: 'percent',
        maximumFractionDigits: digits,
        minimumFractionDigits: 0,
      }),
  );
  return format.format(number);
}

/**
 * 2.5 → "2.5×".
 * @param {unknown} value
 * @returns {string}
 */
export function ratio(value) {
  const number = toNumber(value);
  if (number === null) return '—';
  return `${formatter('ratio', () => new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 })).format(number)}×`;
}

/**
 * @param {string | number | Date | null | undefined} iso
 * @param {{ withYear?: boolean }} [options]
 * @returns {string}
 */
export function date(iso, { withYear = true } = {}) {
  if (!iso) return '—';
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return '—';
  const format = formatter(
    `date:${withYear}`,
    () =>
      new Intl.DateTimeFormat(undefined, {
        day: 'numeric',
        month: 'short',
        year: withYear ? 'numeric' : undefined,
        timeZone: 'UTC',
      }),
  );
  return format.format(value);
}

/**
 * @param {string | number | Date | null | undefined} iso
 * @returns {string}
 */
export function monthYear(iso) {
  if (!iso) return '—';
  return formatter(
    'month',
    () => new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }),
  ).format(new Date(iso));
}

/**
 * YYYY-MM-DD of a Date in UTC, for date inputs and API periods.
 * @param {string | number | Date} value
 * @returns {string}
 */
export function isoDay(value) {
  return new Date(value).toISOString().slice(0, 10);
}

/**
 * @param {string} day YYYY-MM-DD
 * @param {number} days
 * @returns {string}
 */
export function addDays(day, days) {
  const value = new Date(`${day}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return isoDay(value);
}

/**
 * @param {string} day YYYY-MM-DD
 * @param {number} months
 * @returns {string}
 */
export function addMonths(day, months) {
  const value = new Date(`${day}T00:00:00Z`);
  value.setUTCMonth(value.getUTCMonth() + months);
  return isoDay(value);
}

/**
 * "repeatPurchase" or "repeat_purchase" → "Repeat purchase".
 * @param {unknown} text
 * @returns {string}
 */
export function humanize(text) {
  const words = String(text ?? '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/**
 * "3 Dec 2026, 14:05": a moment to the minute, in the dashboard's language, in UTC.
 * @param {string | null | undefined} iso
 * @returns {string}
 */
export function dateTime(iso) {
  if (!iso) return '—';
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return '—';
  const format = formatter(
    `dateTime:${locale()}`,
    () =>
      new Intl.DateTimeFormat(locale(), {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'UTC',
      }),
  );
  return format.format(value);
}
