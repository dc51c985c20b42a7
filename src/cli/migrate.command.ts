import { DataSource } from 'typeorm';
import { loadSettings } from '../config/load-settings';
import { dataSourceOptions } from '../database/data-source-options';
import { optimizeSqlite } from '../database/sqlite-optimize';

/** Brings the schema up to date (or, with revert, undoes the last migration). */
export async function migrateCommand(options: { revert?: boolean }): Promise<number> {
  const dataSource = new DataSource(dataSourceOptions(loadSettings(process.env)));
  await dataSource.initialize();
  try {
    if (options.revert) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('reverted the last migration\n');
      return 0;
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) process.stdout.write(`applied ${migration.name}\n`);
    await optimizeSqlite(dataSource);
    process.stdout.write(
      applied.length ? `${applied.length} migration(s) applied\n` : 'schema is up to date\n',
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}
