import { DataSource } from 'typeorm';

export type Row = Record<string, unknown>;

/** Named parameters (`:start`) on SQLite and PostgreSQL alike. */
export async function runQuery(
  dataSource: DataSource,
  sql: string,
  parameters: Record<string, unknown>,
): Promise<Row[]> {
  const [text, values] = dataSource.driver.escapeQueryWithParameters(sql, parameters);
  return dataSource.query(text, values);
}

/** PostgreSQL returns counts and bigints as strings. */
export function toNumber(value: unknown): number {
  return value === null || value === undefined ? 0 : Number(value);
}

export function toNullableNumber(value: unknown): number | null {
  return value === null || value === undefined ? null : Number(value);
}
