import type { Database } from 'better-sqlite3';
import { DataSource } from 'typeorm';

/**
 * What differs between the two databases Halo runs on. The SQL elsewhere is written to run on
 * both; code that takes a faster path on one asks here.
 */
export function isSqlite(dataSource: DataSource): boolean {
  return dataSource.options.type === 'better-sqlite3';
}

/** The better-sqlite3 connection behind a data source; null on PostgreSQL. */
export function sqliteConnection(dataSource: DataSource): Database | null {
  if (!isSqlite(dataSource)) return null;
  return (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
}
