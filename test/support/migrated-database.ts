import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../src/database/migrations';
import { SnakeNamingStrategy } from '../../src/database/snake-naming.strategy';

/**
 * An in-memory SQLite database migrated up to (and including) one migration, for the specs of
 * index migrations: `plan(sql)` answers SQLite's query plan of a statement as one string. Call
 * `open()` in beforeAll and `close()` in afterAll.
 */
export function migratedDatabase(upTo: (typeof MIGRATIONS)[number]) {
  let dataSource: DataSource | undefined;
  const database = {
    get dataSource(): DataSource {
      if (!dataSource) throw new Error('migratedDatabase: open() it in beforeAll');
      return dataSource;
    },
    async open(): Promise<void> {
      dataSource = new DataSource({
        type: 'better-sqlite3',
        database: ':memory:',
        migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(upTo) + 1),
        migrationsTransactionMode: 'each',
        namingStrategy: new SnakeNamingStrategy(),
      });
      await dataSource.initialize();
      await dataSource.runMigrations();
    },
    close: () => database.dataSource.destroy(),
    plan: async (sql: string): Promise<string> =>
      ((await database.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`)) as { detail: string }[])
        .map((row) => row.detail)
        .join('\n'),
  };
  return database;
}
