import { IANAZone } from 'luxon';

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** A calendar day as whole days since 1970-01-01, so that date arithmetic is integer arithmetic. */
export type DayNumber = number;

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function calendarDate(day: DayNumber): { year: number; month: number; day: number } {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: DayNumber): number {
  return ((new Date(day * DAY_MS).getUTCDay() + 6) % 7) + 1;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The local calendar day of an instant in a zone. */
export function localDay(instant: number, zone: string): DayNumber {
  const offset = IANAZone.create(zone).offset(instant);
  return Math.floor((instant + offset * MINUTE_MS) / DAY_MS);
}

/**
 * The instant of a local wall time. A time that does not exist (spring-forward gap) moves
 * forward by the length of the gap (02:30 becomes 03:30); an ambiguous one (fall-back) takes
 * the first of its two instants.
 */
export function wallTimeToInstant(
  zone: string,
  day: DayNumber,
  hour: number,
  minute: number,
): number {
  const iana = IANAZone.create(zone);
  const wall = day * DAY_MS + (hour * 60 + minute) * MINUTE_MS;
  const offsetBefore = iana.offset(wall - DAY_MS);
  const offsets = [...new Set([offsetBefore, iana.offset(wall), iana.offset(wall + DAY_MS)])];
  const instants = offsets
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((instant) => wall - iana.offset(instant) * MINUTE_MS === instant);
  if (instants.length > 0) return Math.min(...instants);
  return wall - offsetBefore * MINUTE_MS;
}

export function isKnownTimeZone(zone: unknown): boolean {
  return typeof zone === 'string' && zone.length <= 64 && IANAZone.isValidZone(zone);
}

/** The zone's canonical spelling (`europe/rome` → `Europe/Rome`). */
export function canonicalTimeZone(zone: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}
