import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { HaloSettings } from '../config/halo-settings';
import { sqliteFile } from '../database/data-source-options';
import { usageError } from '../common/cli/command-exit';
import { assertHaloSqlite } from './sqlite-files';

/** sysexits EX_UNAVAILABLE: the command does not apply to this database. */
export const UNAVAILABLE_EXIT = 69;

/** What to say on PostgreSQL, where the database's own tools make backups. */
export const POSTGRES_BACKUP_HINT =
  'on PostgreSQL, back up with pg_dump and restore with pg_restore, then run `npm run cli -- erasures reapply` (README: Backups)';

/**
 * `halo backup <file>`: a consistent copy of the live SQLite database, taken while the server
 * runs. SQLite's backup API copies every page in one step, inside one read transaction, so the
 * copy is the database at one instant even while a server writes (a step-by-step copy would
 * start over at each write). The copy is a single file (journal mode DELETE, no WAL beside it).
 */
export async function backupCommand(settings: HaloSettings, target: string): Promise<number> {
  if (settings.database.url) {
    process.stderr.write(`halo: backup works on SQLite only; ${POSTGRES_BACKUP_HINT}\n`);
    return UNAVAILABLE_EXIT;
  }
  const live = sqliteFile(settings.database.sqlitePath);
  const file = resolve(target);
  if (!existsSync(live)) return usageError(`no database at ${live} to back up`);
  if (existsSync(file)) return usageError(`${file} exists; give a new file name`);
  const source = new Database(live, {
    fileMustExist: true,
    timeout: settings.database.busyTimeoutMs,
  });
  try {
    const result = await source.backup(file, { progress: () => 0x7fffffff });
    const copy = new Database(file);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    assertHaloSqlite(file);
    process.stdout.write(`backed up ${live} to ${file} (${result.totalPages} pages)\n`);
    return 0;
  } finally {
    source.close();
  }
}
