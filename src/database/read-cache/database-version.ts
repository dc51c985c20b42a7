import type { Database, Statement } from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { sqliteConnection } from '../sql';

const totalChanges = new WeakMap<Database, Statement>();

/**
 * A value that changes whenever anything is committed to the database, by any connection,
 * thread, process or instance; null when this cannot be told at the moment. On SQLite: the
 * file's `data_version` (which moves when another connection commits: a worker thread, the
 * CLI, another process) with this connection's own `total_changes()`, and null inside an open
 * transaction (its uncommitted rows could be rolled back). On PostgreSQL: the transaction
 * snapshot (`txid_current_snapshot()`), whose bounds and running list move with every writing
 * transaction of the server (another database's too: then it changes for nothing, never the
 * other way round).
 */
export async function databaseVersion(dataSource: DataSource): Promise<string | null> {
  const sqlite = sqliteConnection(dataSource);
  if (!sqlite) {
    const [row] = (await dataSource.query('SELECT txid_current_snapshot()::text AS version')) as {
      version: string;
    }[];
    return row.version;
  }
  if (sqlite.inTransaction) return null;
  let changes = totalChanges.get(sqlite);
  if (!changes) {
    changes = sqlite.prepare('SELECT total_changes()').pluck();
    totalChanges.set(sqlite, changes);
  }
  return `${String(sqlite.pragma('data_version', { simple: true }))}:${String(changes.get())}`;
}
