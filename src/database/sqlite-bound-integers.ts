import { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver';

type Escape = BetterSqlite3Driver['escapeQueryWithParameters'];
const PATCHED = Symbol.for('halo.sqliteBoundIntegers');
const INT64 = 2n ** 63n;

/**
 * TypeORM's SQLite driver writes a number parameter into the SQL text (`created_at = 1764...`)
 * instead of binding it: every insert or update carrying a timestamp is then a statement never
 * seen before, prepared anew (a third of a millisecond for a purchase's INSERT), and the driver's
 * cache of 100 prepared statements (first in, first out) is flushed by them, so the hot
 * statements are prepared again too. This binds integer parameters instead, as BigInt: SQLite
 * then gets an INTEGER, exactly what the literal gave it (a JS number would be bound as REAL,
 * and stored as '5.0' in a text column). Fractions and non-finite numbers stay as the driver
 * wrote them. Array parameters (`IN (:...ids)`) were always bound and are left alone.
 * Idempotent; applies to every better-sqlite3 data source of the process (app, workers, CLI).
 */
export function bindSqliteIntegers(): void {
  const prototype = BetterSqlite3Driver.prototype as unknown as Record<symbol, unknown> & {
    escapeQueryWithParameters: Escape;
  };
  if (prototype[PATCHED]) return;
  const original = prototype.escapeQueryWithParameters;
  prototype.escapeQueryWithParameters = function (
    this: BetterSqlite3Driver,
    sql: string,
    parameters: Parameters<Escape>[1],
  ) {
    return original.call(this, sql, boundIntegers(parameters));
  };
  prototype[PATCHED] = true;
}

/** The parameters with each safe integer as a BigInt (bound as INTEGER), the rest as they were. */
export function boundIntegers<T extends Record<string, unknown> | undefined>(parameters: T): T {
  if (!parameters) return parameters;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(parameters)) {
    const value = parameters[key];
    if (typeof value !== 'number' || !Number.isInteger(value)) continue;
    const integer = BigInt(value);
    if (integer >= INT64 || integer < -INT64) continue;
    copy ??= { ...parameters };
    copy[key] = integer;
  }
  return (copy ?? parameters) as T;
}
