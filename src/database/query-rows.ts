import type { Database } from 'better-sqlite3';
import { DataSource } from 'typeorm';

export type Row = Record<string, unknown>;

/** Named parameters (`:name`, `:...list`) on SQLite and PostgreSQL alike. */
export function rawQuery(
  dataSource: DataSource,
  sql: string,
  parameters: Record<string, unknown> = {},
): Promise<Row[]> {
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters);
  return dataSource.query(text, values);
}

/** PostgreSQL returns bigint and COUNT as strings. */
export function toNumberOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}

/** The better-sqlite3 connection behind a data source; null on PostgreSQL. */
export function sqliteConnection(dataSource: DataSource): Database | null {
  if (dataSource.options.type !== 'better-sqlite3') return null;
  return (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
}

/**
 * Calls onRow with every row as the array of its columns in select order, and answers the
 * number of rows. Named parameters (`:name`) work on both databases. On SQLite the rows stream
 * from the statement, so that a million of them never sit in memory as objects at once; on
 * PostgreSQL the result is read whole (bigints arrive as strings there).
 */
export async function forEachRow(
  dataSource: DataSource,
  sql: string,
  parameters: Record<string, unknown>,
  onRow: (row: unknown[]) => void,
): Promise<number> {
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters);
  const sqlite = sqliteConnection(dataSource);
  let count = 0;
  if (sqlite) {
    for (const row of sqlite
      .prepare(text)
      .raw(true)
      .iterate(...values) as Iterable<unknown[]>) {
      onRow(row);
      count += 1;
    }
    return count;
  }
  const rows: Record<string, unknown>[] = await dataSource.query(text, values);
  for (const row of rows) {
    onRow(Object.values(row));
    count += 1;
  }
  return count;
}
