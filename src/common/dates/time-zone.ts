import { DAY_MS } from './iso-date';

/** A wall-clock reading in some time zone; month 1–12. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let known = formatters.get(timeZone);
  if (!known) {
    known = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, known);
  }
  return known;
}

/** Whether the runtime knows the IANA zone (`Europe/Rome`, `UTC`). */
export function isTimeZone(name: unknown): boolean {
  if (typeof name !== 'string' || name.trim() === '') return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading of an instant in the zone. */
export function localTime(instant: number, timeZone: string): LocalTime {
  if (timeZone === 'UTC') {
    const date = new Date(instant);
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
      second: date.getUTCSeconds(),
    };
  }
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(instant))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The wall-clock reading as if it were UTC, in epoch ms: handy for calendar arithmetic. */
export function wallClock(local: LocalTime): number {
  const wall = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  // Date.UTC maps years 0–99 to 1900–1999.
  return local.year < 100 ? new Date(wall).setUTCFullYear(local.year) : wall;
}

/** Milliseconds the zone is ahead of UTC at the instant. */
export function zoneOffset(instant: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClock(localTime(whole, timeZone)) - whole;
}

/**
 * Every instant at which the zone's clocks read `wall` (a wall-clock reading as epoch ms, see
 * wallClock): one as a rule, none in a spring-forward gap, two in a fall-back hour.
 */
export function instantsOfWallClock(wall: number, timeZone: string): number[] {
  const offsets = new Set([
    zoneOffset(wall - DAY_MS, timeZone),
    zoneOffset(wall + DAY_MS, timeZone),
  ]);
  const instants = [...offsets]
    .map((offset) => wall - offset)
    .filter((instant) => zoneOffset(instant, timeZone) === wall - instant);
  return [...new Set(instants)].sort((a, b) => a - b);
}

/**
 * The instant the zone's clocks read `wall`, for calendar boundaries: in a fall-back hour the
 * earlier one; in a spring-forward gap the moment the gap ends (a day whose midnight is skipped
 * starts when the clocks jump).
 */
export function instantOfWallClock(wall: number, timeZone: string): number {
  const [first] = instantsOfWallClock(wall, timeZone);
  return first ?? wall - zoneOffset(wall - DAY_MS, timeZone);
}

/** The first instant of the local calendar day (month 1–12; days and months may overflow). */
export function startOfLocalDay(
  year: number,
  month: number,
  day: number,
  timeZone: string,
): number {
  return instantOfWallClock(Date.UTC(year, month - 1, day), timeZone);
}
