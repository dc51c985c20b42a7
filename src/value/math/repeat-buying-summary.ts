const DAY_MS = 86_400_000;

/** An instant: a Date, epoch milliseconds, or ISO 8601 text with Z or an offset, or a date alone. */
export type Instant = Date | number | string;

export interface DatedAmount {
  occurredAt: Instant;
  /** Net amount in minor units: the order minus what was refunded of it. */
  amountMinor: number;
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
 * One customer's repeat-buying summary as of asOf, the input of BG/NBD and Gamma-Gamma.
 *
 * Purchases after asOf are ignored. Orders are merged per UTC day (amounts summed), so a day is
 * one purchase whatever the number of orders. A day whose net amount is <= 0 (fully refunded,
 * or only refunds) is not a purchase day: it bought nothing that stayed bought. Time is counted
 * in whole UTC days, the resolution of the merged data. Returns null when no purchase day is left.
 */
export function summarizeRepeatBuying(
  purchases: readonly DatedAmount[],
  asOf: Instant,
): RepeatBuyingSummary | null {
  const asOfMs = toEpochMs(asOf, 'asOf');
  const amountPerDay = new Map<number, number>();
  purchases.forEach((purchase, index) => {
    const occurredMs = toEpochMs(purchase.occurredAt, `purchases[${index}].occurredAt`);
    if (!Number.isFinite(purchase.amountMinor)) {
      throw new RangeError(`purchases[${index}].amountMinor must be a finite number`);
    }
    if (occurredMs > asOfMs) return;
    const day = Math.floor(occurredMs / DAY_MS);
    amountPerDay.set(day, (amountPerDay.get(day) ?? 0) + purchase.amountMinor);
  });
  const days = [...amountPerDay.entries()]
    .filter(([, amount]) => amount > 0)
    .sort(([left], [right]) => left - right);
  if (days.length === 0) return null;

  const [firstDay, firstAmount] = days[0];
  const repeatTotal = days.slice(1).reduce((total, [, amount]) => total + amount, 0);
  const x = days.length - 1;
  return {
    x,
    tx: days[days.length - 1][0] - firstDay,
    T: Math.floor(asOfMs / DAY_MS) - firstDay,
    zbar: x > 0 ? repeatTotal / x : 0,
    purchaseDays: days.length,
    totalAmountMinor: firstAmount + repeatTotal,
    firstPurchaseDay: new Date(firstDay * DAY_MS).toISOString().slice(0, 10),
  };
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
