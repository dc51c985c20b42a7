import { isAbsolute, resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { HaloSettings } from '../config/halo-settings';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** PostgreSQL when a URL is set, else the embedded SQLite file (WAL, busy timeout, foreign keys). */
export function dataSourceOptions(settings: HaloSettings): DataSourceOptions {
  const common = {
    entities: ENTITIES,
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
    ...common,
  };
}

export function sqliteFile(path: string): string {
  return isAbsolute(path) ? path : resolve(path);
}
