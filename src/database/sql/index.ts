/** Raw SQL on SQLite and PostgreSQL: queries with named parameters, typed rows, driver errors. */
export { anyRow, forEachRow, rawQuery, runStatement } from './raw-query';
export type { SqlRunner } from './raw-query';
export { ResultRow, readRows } from './result-row';
export { isConstraintViolation, isUniqueViolation } from './constraint-errors';
export { isSqlite, sqliteConnection } from './dialect';
