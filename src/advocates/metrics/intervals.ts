export const INTERVALS = ['day', 'week', 'month'] as const;
export type Interval = (typeof INTERVALS)[number];

/** [start, end): epoch ms, end exclusive. */
export interface Window {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;

/** The start of the UTC day, ISO week (Monday) or month that holds the instant. */
export function intervalStart(instant: number, interval: Interval): number {
  const day = Math.floor(instant / DAY_MS) * DAY_MS;
  if (interval === 'day') return day;
  if (interval === 'week') {
    const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
    return day - weekday * DAY_MS;
  }
  const date = new Date(day);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/** The start of the interval after the one that holds the instant. */
export function nextIntervalStart(instant: number, interval: Interval): number {
  const start = intervalStart(instant, interval);
  if (interval === 'day') return start + DAY_MS;
  if (interval === 'week') return start + 7 * DAY_MS;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/** [from, to) cut at UTC day, ISO week or month boundaries; the first and last may be partial. */
export function splitPeriod(from: number, to: number, interval: Interval): Window[] {
  const windows: Window[] = [];
  for (let start = from; start < to;) {
    const end = Math.min(nextIntervalStart(start, interval), to);
    windows.push({ start, end });
    start = end;
  }
  return windows;
}

/** How many windows splitPeriod would give, without building them. */
export function countIntervals(from: number, to: number, interval: Interval): number {
  if (interval === 'day') return Math.ceil((to - intervalStart(from, 'day')) / DAY_MS);
  if (interval === 'week') return Math.ceil((to - intervalStart(from, 'week')) / (7 * DAY_MS));
  const first = new Date(from);
  const last = new Date(to - 1);
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
export function previousWindow(window: Window, interval: Interval): Window {
  const whole =
    intervalStart(window.start, interval) === window.start &&
    nextIntervalStart(window.start, interval) === window.end;
  if (whole) return { start: intervalStart(window.start - 1, interval), end: window.start };
  return { start: window.start - (window.end - window.start), end: window.start };
}

/** "2026-03" for the month that holds the instant. */
export function monthLabel(instant: number): string {
  return new Date(instant).toISOString().slice(0, 7);
}
