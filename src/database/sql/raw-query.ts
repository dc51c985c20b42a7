import { DataSource, EntityManager } from 'typeorm';
import { sqliteConnection } from './dialect';
import { ResultRow, readRows } from './result-row';

/** A connection, or a transaction's manager: raw SQL runs on either. */
export type SqlRunner = DataSource | EntityManager;

function escaped(
  runner: SqlRunner,
  sql: string,
  parameters: Record<string, unknown>,
): [string, unknown[]] {
  const driver = runner instanceof DataSource ? runner.driver : runner.connection.driver;
  return driver.escapeQueryWithParameters(sql, parameters);
}

/** Named parameters (`:name`, `:...list`) on SQLite and PostgreSQL alike. */
export async function rawQuery(
  runner: SqlRunner,
  sql: string,
  parameters: Record<string, unknown> = {},
): Promise<ResultRow[]> {
  const [text, values] = escaped(runner, sql, parameters);
  return readRows(await runner.query(text, values));
}

/** A statement that answers no rows (INSERT, UPDATE, DELETE), with named parameters. */
export async function runStatement(
  runner: SqlRunner,
  sql: string,
  parameters: Record<string, unknown> = {},
): Promise<void> {
  const [text, values] = escaped(runner, sql, parameters);
  await runner.query(text, values);
}

/**
 * Whether the query (named parameters) answers any row, in the manager's transaction. A probe
 * for the hot path of a write: most writes look up a natural key that does not exist yet, and
 * this answers that without building a query (the caller reads the entity only when it exists).
 */
export async function anyRow(
  manager: EntityManager,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<boolean> {
  const [text, values] = escaped(manager, sql, parameters);
  const rows: unknown[] = await manager.query(text, values);
  return rows.length > 0;
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
