/**
 * Conversions of raw column values to the types the code reads them as. PostgreSQL returns
 * bigint, COUNT and SUM as strings and SQLite returns numbers; both end here as numbers. A value
 * of the wrong kind throws, naming the column, instead of turning into NaN, 0 or 'null'.
 */

type Column = string | number;

function refuse(column: Column, value: unknown, expected: string): never {
  throw new TypeError(`column ${column}: expected ${expected}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  return typeof value === 'string' ? JSON.stringify(value) : typeof value;
}

export function numberValue(value: unknown, column: Column): number {
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'bigint' || (typeof value === 'string' && value.trim() !== '')
        ? Number(value)
        : NaN;
  if (Number.isNaN(number)) refuse(column, value, 'a number');
  return number;
}

export function numberOrNullValue(value: unknown, column: Column): number | null {
  return value === null ? null : numberValue(value, column);
}

/** An instant as epoch milliseconds: a whole number. */
export function instantValue(value: unknown, column: Column): number {
  const instant = numberValue(value, column);
  if (!Number.isSafeInteger(instant)) refuse(column, value, 'epoch milliseconds');
  return instant;
}

export function instantOrNullValue(value: unknown, column: Column): number | null {
  return value === null ? null : instantValue(value, column);
}

/** Text; numbers are accepted as their decimal text (an id or a count read as a key). */
export function stringValue(value: unknown, column: Column): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return refuse(column, value, 'text');
}

export function stringOrNullValue(value: unknown, column: Column): string | null {
  return value === null ? null : stringValue(value, column);
}

/** A flag written in SQL as 1/0 (either database) or read from a boolean column. */
export function booleanValue(value: unknown, column: Column): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === '1' || value === 1n) return true;
  if (value === 0 || value === '0' || value === 0n) return false;
  return refuse(column, value, 'a flag (1 or 0)');
}
