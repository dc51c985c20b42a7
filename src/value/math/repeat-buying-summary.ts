const DAY_MS = 86_400_000;

/** An instant: a Date, epoch milliseconds, or ISO 8601 text with Z or an offset, or a date alone. */
export type Instant = Date | number | string;

export interface DatedAmount {
  occurredAt: Instant;
  /** Minor units: an order's amount, or a refund as a negative amount dated on its order's day. */
  amountMinor: number;
}

/** One UTC day of a customer's orders, with the refunds of those orders netted on it. */
export interface PurchaseDay {
  /** Epoch day (UTC). */
  day: number;
  netMinor: number;
  /** Some of the day's orders were refunded. */
  refunded: boolean;
}

export interface RepeatBuyingSummary {
  /** Repeat purchase days: purchase days after the first, up to asOf. */
  x: number;
  /** Whole days from the first purchase day to the last one. */
  tx: number;
  /** Whole days from the first purchase day to asOf's day. */
  T: number;
  /** Mean net amount of the repeat purchase days, minor units; 0 when x = 0. */
  zbar: number;
  /** x + 1: every purchase day, the first included. */
  purchaseDays: number;
  /** Net amount of all purchase days, minor units. */
  totalAmountMinor: number;
  /** The first purchase day, YYYY-MM-DD (UTC). */
  firstPurchaseDay: string;
}

/**
 * A day bought something that stayed bought: its net is positive, or it holds orders of no
 * value that nothing refunded (a free item is still a purchase, as in the published CDNOW
 * summary). A fully refunded day, or one of refunds only, is not a purchase day.
 */
export function isPurchaseDay(day: PurchaseDay): boolean {
  return day.netMinor > 0 || (day.netMinor === 0 && !day.refunded);
}

/**
 * The repeat-buying summary of one customer's days (in increasing order) as of asOfDay: the
 * input of BG/NBD and Gamma-Gamma. Null when no day is a purchase day.
 */
export function summarizeDays(
  days: readonly PurchaseDay[],
  asOfDay: number,
): RepeatBuyingSummary | null {
  const purchases = days.filter(isPurchaseDay);
  if (purchases.length === 0) return null;
  const first = purchases[0];
  const last = purchases[purchases.length - 1];
  const repeatTotal = purchases.slice(1).reduce((total, day) => total + day.netMinor, 0);
  const x = purchases.length - 1;
  return {
    x,
    tx: last.day - first.day,
    T: asOfDay - first.day,
    zbar: x > 0 ? repeatTotal / x : 0,
    purchaseDays: purchases.length,
    totalAmountMinor: first.netMinor + repeatTotal,
    firstPurchaseDay: new Date(first.day * DAY_MS).toISOString().slice(0, 10),
  };
}

/**
 * One customer's repeat-buying summary as of asOf from dated amounts. Purchases after asOf are
 * ignored. Orders are merged per UTC day (amounts summed), so a day is one purchase whatever
 * the number of orders; which days count is isPurchaseDay's rule. Time is counted in whole UTC
 * days, the resolution of the merged data.
 */
export function summarizeRepeatBuying(
  purchases: readonly DatedAmount[],
  asOf: Instant,
): RepeatBuyingSummary | null {
  const asOfMs = toEpochMs(asOf, 'asOf');
  const byDay = new Map<number, PurchaseDay>();
  purchases.forEach((purchase, index) => {
    const occurredMs = toEpochMs(purchase.occurredAt, `purchases[${index}].occurredAt`);
    if (!Number.isFinite(purchase.amountMinor)) {
      throw new RangeError(`purchases[${index}].amountMinor must be a finite number`);
    }
    if (occurredMs > asOfMs) return;
    const day = Math.floor(occurredMs / DAY_MS);
    const entry = byDay.get(day) ?? { day, netMinor: 0, refunded: false };
    entry.netMinor += purchase.amountMinor;
    entry.refunded ||= purchase.amountMinor < 0;
    byDay.set(day, entry);
  });
  const days = [...byDay.values()].sort((left, right) => left.day - right.day);
  return summarizeDays(days, Math.floor(asOfMs / DAY_MS));
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A date alone means 00:00 UTC; a date-time must say its zone (JS would read it as local). */
export function toEpochMs(instant: Instant, field = 'instant'): number {
  let ms: number;
  if (instant instanceof Date) ms = instant.getTime();
  else if (typeof instant === 'number') ms = instant;
  else if ((DATE_ONLY.test(instant) || WITH_ZONE.test(instant)) && isCalendarDate(instant)) {
    ms = Date.parse(instant);
  } else ms = NaN;
  if (!Number.isFinite(ms)) {
    throw new RangeError(`${field} must be a valid date: ISO 8601 with Z or an offset, or a date`);
  }
  return ms;
}

/** Date.parse rolls 2023-02-30 over into March; refuse it instead. */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
