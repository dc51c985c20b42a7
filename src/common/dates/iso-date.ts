const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

export const DAY_MS = 86_400_000;

/**
 * An ISO 8601 instant with `Z` or an offset, or a date alone (00:00 UTC), as epoch ms.
 * Returns undefined for anything else, including impossible dates such as 2025-02-30.
 */
export function parseIsoInstant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const dateOnly = ISO_DATE.exec(value);
  if (dateOnly) {
    const [, year, month, day] = dateOnly.map(Number);
    const epoch = Date.UTC(year, month - 1, day);
    return isSameCalendarDay(epoch, year, month, day) ? epoch : undefined;
  }
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1, 7)
    .map((part) => Number(part ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const local = Date.UTC(year, month - 1, day);
  if (!isSameCalendarDay(local, year, month, day)) return undefined;
  const milliseconds = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const offsetMinutes = parseOffset(match[8]);
  if (offsetMinutes === undefined) return undefined;
  return local + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + milliseconds;
}

export function toIso(epochMs: number | null | undefined): string | null {
  return epochMs === null || epochMs === undefined ? null : new Date(epochMs).toISOString();
}

export function isDateOnly(value: string): boolean {
  return ISO_DATE.test(value);
}

function isSameCalendarDay(epoch: number, year: number, month: number, day: number): boolean {
  const date = new Date(epoch);
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function parseOffset(offset: string): number | undefined {
  if (offset === 'Z') return 0;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return undefined;
  return (offset[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}
