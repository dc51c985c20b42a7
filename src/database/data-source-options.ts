import { isAbsolute, resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { HaloSettings } from '../config/halo-settings';
import { ENTITY_FILES } from './entity-files';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { bindSqliteIntegers } from './sqlite-bound-integers';

/**
 * PostgreSQL when a URL is set, else the embedded SQLite file (WAL, busy timeout, foreign keys).
 * The entities are every entity file (for worker threads, the CLI and benches); the app's
 * DatabaseModule loads the feature modules' entities instead.
 */
export function dataSourceOptions(settings: Pick<HaloSettings, 'database'>): DataSourceOptions {
  const common = {
    entities: [ENTITY_FILES],
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each' as const,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: false as const,
  };
  if (settings.database.url) {
    return { type: 'postgres', url: settings.database.url, ...common, extra: { max: 10 } };
  }
  bindSqliteIntegers();
  return {
    type: 'better-sqlite3',
    database: sqliteFile(settings.database.sqlitePath),
    // The hot statements of every route stay prepared (the driver's default keeps 100).
    statementCacheSize: 1000,
    enableWAL: true,
    timeout: settings.database.busyTimeoutMs,
    prepareDatabase: (database: SqliteHandle) =>
      tuneSqlite(database, settings.database.sqliteCacheMb),
    ...common,
  };
}

/**
 * SQLite's defaults suit a small embedded file: a 2 MB page cache and temporary b-trees on
 * disk. A recompute writes 100,000 snapshots into a dozen indexes and sorts large groupings;
 * a larger page cache keeps the indexes' pages at hand (`database.sqliteCacheMb`, 32 MiB by
 * default). Every connection holds its own cache and a process holds several (the server's,
 * an import's or a recompute's worker thread). Measured on a 100,000-member recompute: 64 MiB
 * each, 17.7 s and 452 MB peak RSS; 32 MiB, 17.7 s and 370 MB; 16 MiB, 20.6 s and 340 MB (the
 * operating system's cache of the file serves the pages that no longer fit). In WAL mode
 * synchronous=NORMAL keeps the database consistent after a crash (a power loss may drop the
 * last commits), the setting SQLite recommends for WAL.
 */
function tuneSqlite(database: SqliteHandle, cacheMb: number): void {
  database.pragma(`cache_size = -${cacheMb * 1024}`); // negative: KiB
  database.pragma('temp_store = MEMORY');
  database.pragma('synchronous = NORMAL');
  // An erasure must not leave the erased person's bytes in freed pages: deleted content is zeroed.
  database.pragma('secure_delete = ON');
  beginImmediately(database);
}

interface SqliteHandle {
  pragma(source: string): unknown;
  prepare(source: string): unknown;
}

/**
 * TypeORM opens every transaction with a deferred `BEGIN`: it takes SQLite's write lock only at
 * its first write. A transaction that reads first (an import batch looks its keys up, a
 * service checks before it inserts) then finds that another connection (a worker thread, the
 * CLI, another process) committed since its read, and SQLite answers SQLITE_BUSY_SNAPSHOT at
 * once, without waiting out the busy timeout: a 500 under load. Halo's transactions all write,
 * so they begin IMMEDIATE: the lock is taken first, and a busy writer is waited for.
 */
function beginImmediately(database: SqliteHandle): void {
  const prepare = database.prepare.bind(database);
  database.prepare = (source: string) =>
    prepare(source === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : source);
}

export function sqliteFile(path: string): string {
  return isAbsolute(path) ? path : resolve(path);
}
