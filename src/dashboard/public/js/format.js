// @ts-check
import { locale } from './i18n.js';

/**
 * Numbers for people: currency, counts, percentages and dates, in the dashboard's language
 * (`locale()`: "4.273,67 €" and 31/12/2025 in Italian, "€4,273.67" and 31/12/2025 in English,
 * never mixed) and dates in the brand's time zone (UTC until the session says otherwise).
 */
/** @type {Map<string, Intl.NumberFormat | Intl.DateTimeFormat>} */
const cache = new Map();
let timeZone = 'UTC';

/**
 * The brand's time zone, as GET /api/v1/session answers it; an unknown zone leaves UTC.
 * @param {string | null | undefined} zone
 */
export function setTimeZone(zone) {
  if (!zone) {
    timeZone = 'UTC';
    return;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    timeZone = zone;
  } catch {
    timeZone = 'UTC';
  }
}

/** The time zone dates are shown in. */
export function displayTimeZone() {
  return timeZone;
}
/**
 * One formatter a key: building an Intl formatter costs far more than using one.
 * @template {Intl.NumberFormat | Intl.DateTimeFormat} Format
 * @param {string} key
 * @param {() => Format} make
 * @returns {Format}
 */
function formatter(key, make) {
  const full = `${locale()}|${timeZone}|${key}`;
  if (!cache.has(full)) cache.set(full, make());
  return /** @type {Format} */ (cache.get(full));
}

/**
 * Thousands grouped from four digits in every language (Italian's own rule would leave 4273
 * ungrouped beside 14.273, which reads as a mistake in a column).
 * @type {Intl.NumberFormatOptions}
 */
const GROUPED = /** @type {Intl.NumberFormatOptions} */ (
  /** @type {unknown} */ ({ useGrouping: 'always' })
);

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
      ? new Intl.NumberFormat(locale(), {
          style: 'currency',
          currency,
          notation: 'compact',
          maximumFractionDigits: 1,
        })
      : new Intl.NumberFormat(locale(), {
          ...GROUPED,
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
        locale(),
        compact
          ? { notation: 'compact', maximumFractionDigits: 1 }
          : { ...GROUPED, maximumFractionDigits: 2 },
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
      new Intl.NumberFormat(locale(), {
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
  return `${formatter('ratio', () => new Intl.NumberFormat(locale(), { maximumFractionDigits: 1, minimumFractionDigits: 1 })).format(number)}×`;
}

/**
 * 31/12/2025 in both languages (the day first), in the brand's time zone.
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
      new Intl.DateTimeFormat(locale(), {
        day: '2-digit',
        month: '2-digit',
        year: withYear ? 'numeric' : undefined,
        timeZone,
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
    () => new Intl.DateTimeFormat(locale(), { month: 'short', year: 'numeric', timeZone }),
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
 * A moment with its time, to the minute, in the brand's time zone: 31/12/2025, 14:05.
 * @param {string | number | Date | null | undefined} iso
 * @returns {string}
 */
export function dateTime(iso) {
  if (!iso) return '—';
  const value = new Date(iso);
  if (Number.isNaN(value.getTime())) return '—';
  return formatter(
    'datetime',
    () =>
      new Intl.DateTimeFormat(locale(), {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }),
  ).format(value);
}

/**
 * A plain number with a fixed count of decimals: decimal(2.5, 2) → "2.50" / "2,50".
 * @param {unknown} value
 * @param {number} digits
 * @returns {string}
 */
export function decimal(value, digits) {
  const number = toNumber(value);
  if (number === null) return '—';
  return formatter(
    `decimal:${digits}`,
    () =>
      new Intl.NumberFormat(locale(), {
        ...GROUPED,
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }),
  ).format(number);
}
