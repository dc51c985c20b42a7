import { localTime, startOfLocalDay } from '../../common/dates/time-zone';

export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** [start, end): epoch ms, end exclusive. */
export interface Window {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/** The local calendar date that holds the instant, as UTC midnight of that date (for arithmetic). */
function localDate(instant: number, timeZone: string): Date {
  const local = localTime(instant, timeZone);
  return new Date(Date.UTC(local.year, local.month - 1, local.day));
}

/** The first instant of a local date given as UTC midnight of that date, `days` later. */
function startOf(date: Date, timeZone: string, days = 0, months = 0): number {
  return startOfLocalDay(
    date.getUTCFullYear(),
    date.getUTCMonth() + 1 + months,
    date.getUTCDate() + days,
    timeZone,
  );
}

/**
 * The start of the day, ISO week (Monday) or month that holds the instant, on the calendar of
 * the time zone (the brand's; UTC by default). Days are not always 24 h long there.
 */
export function intervalStart(instant: number, interval: Interval, timeZone = 'UTC'): number {
  const date = localDate(instant, timeZone);
  if (interval === 'day') return startOf(date, timeZone);
  if (interval === 'week') return startOf(date, timeZone, -((date.getUTCDay() + 6) % 7)); // Monday 0 … Sunday 6
  return startOf(date, timeZone, 1 - date.getUTCDate());
}

/** The start of the interval after the one that holds the instant. */
export function nextIntervalStart(instant: number, interval: Interval, timeZone = 'UTC'): number {
  const date = localDate(intervalStart(instant, interval, timeZone), timeZone);
  if (interval === 'day') return startOf(date, timeZone, 1);
  if (interval === 'week') return startOf(date, timeZone, 7);
  return startOf(date, timeZone, 0, 1);
}

/** The start of the local day `days` before or after the day that holds the instant. */
export function shiftDays(instant: number, days: number, timeZone = 'UTC'): number {
  return startOf(localDate(instant, timeZone), timeZone, days);
}

/** [from, to) cut at day, ISO week or month boundaries; the first and last may be partial. */
export function splitPeriod(
  from: number,
  to: number,
  interval: Interval,
  timeZone = 'UTC',
): Window[] {
  const windows: Window[] = [];
  for (let start = from; start < to;) {
    const end = Math.min(nextIntervalStart(start, interval, timeZone), to);
    windows.push({ start, end });
    start = end;
  }
  return windows;
}

/** How many windows splitPeriod would give, without building them. */
export function countIntervals(
  from: number,
  to: number,
  interval: Interval,
  timeZone = 'UTC',
): number {
  const first = localDate(from, timeZone);
  const last = localDate(to - 1, timeZone);
  const days = (last.getTime() - first.getTime()) / DAY_MS;
  if (interval === 'day') return days + 1;
  if (interval === 'week') {
    const firstMonday = first.getTime() - ((first.getUTCDay() + 6) % 7) * DAY_MS;
    return Math.floor((last.getTime() - firstMonday) / (7 * DAY_MS)) + 1;
  }
  return (
    (last.getUTCFullYear() - first.getUTCFullYear()) * 12 +
    last.getUTCMonth() -
    first.getUTCMonth() +
    1
  );
}

/**
 * The window to compare with: the calendar interval before a whole one (the previous day,
 * ISO week or month), else the same length just before it.
 */
export function previousWindow(window: Window, interval: Interval, timeZone = 'UTC'): Window {
  const whole =
    intervalStart(window.start, interval, timeZone) === window.start &&
    nextIntervalStart(window.start, interval, timeZone) === window.end;
  if (whole)
    return { start: intervalStart(window.start - 1, interval, timeZone), end: window.start };
  return { start: window.start - (window.end - window.start), end: window.start };
}

/** "2026-03" for the month that holds the instant, on the zone's calendar. */
export function monthLabel(instant: number, timeZone = 'UTC'): string {
  return localDate(instant, timeZone).toISOString().slice(0, 7);
}
