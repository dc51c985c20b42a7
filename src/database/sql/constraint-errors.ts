import { QueryFailedError } from 'typeorm';

/** The driver's error code: PostgreSQL's SQLSTATE, or better-sqlite3's SQLITE_… code. */
function driverCode(error: unknown): string | null {
  if (!(error instanceof QueryFailedError)) return null;
  const driverError = error.driverError as { code?: unknown } | undefined;
  const code = driverError?.code ?? (error as unknown as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** A unique index or primary key refused the row: PostgreSQL 23505, SQLite's UNIQUE/PRIMARYKEY. */
export function isUniqueViolation(error: unknown): boolean {
  const code = driverCode(error);
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Any integrity constraint refused the row (unique, foreign key, not null, check): PostgreSQL's
 * class 23, SQLite's SQLITE_CONSTRAINT codes. A unique violation is one of these.
 */
export function isConstraintViolation(error: unknown): boolean {
  const code = driverCode(error);
  return code !== null && (code.startsWith('23') || code.startsWith('SQLITE_CONSTRAINT'));
}
