import { isAbsolute, resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { HaloSettings } from '../config/halo-settings';
import { ENTITY_FILES } from './entity-files';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

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
  return {
    type: 'better-sqlite3',
    database: sqliteFile(settings.database.sqlitePath),
    enableWAL: true,
    timeout: settings.database.busyTimeoutMs,
    prepareDatabase: tuneSqlite,
    ...common,
  };
}

/**
 * SQLite's defaults suit a small embedded file: a 2 MB page cache and temporary b-trees on
 * disk. A recompute writes 100,000 snapshots into a dozen indexes and sorts large groupings;
 * with the indexes' pages in a 64 MB cache the write took a quarter less time. In WAL mode
 * synchronous=NORMAL keeps the database consistent after a crash (a power loss may drop the
 * last commits), the setting SQLite recommends for WAL.
 */
function tuneSqlite(database: { pragma(source: string): unknown }): void {
  database.pragma('cache_size = -65536'); // 64 MiB
  database.pragma('temp_store = MEMORY');
  database.pragma('synchronous = NORMAL');
  // An erasure must not leave the erased person's bytes in freed pages: deleted content is zeroed.
  database.pragma('secure_delete = ON');
}

export function sqliteFile(path: string): string {
  return isAbsolute(path) ? path : resolve(path);
}
