import { DataSource } from 'typeorm';
import { HaloSettings } from '../../src/config/halo-settings';
import { loadSettings } from '../../src/config/load-settings';
import { ENTITY_FILES } from '../../src/database/entity-files';
import { MIGRATIONS } from '../../src/database/migrations';
import { SnakeNamingStrategy } from '../../src/database/snake-naming.strategy';

/**
 * An in-memory SQLite database with the project's migrations run, for the services' unit
 * specs: built once per spec file (about 100 ms), without Nest or HTTP. Close it in afterAll.
 */
export async function createInMemoryDataSource(): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities: [ENTITY_FILES],
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: false,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

/** The default settings of config/halo.json, with overrides for the sections a spec needs. */
export function testSettings(overrides: Partial<HaloSettings> = {}): HaloSettings {
  return Object.assign(loadSettings({}), overrides);
}
