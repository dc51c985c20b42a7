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
