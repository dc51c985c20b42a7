import Database from 'better-sqlite3';
import { INestApplicationContext } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { HaloSettings } from '../config/halo-settings';
import { AppSecret } from '../database/app-secret.entity';
import { sqliteFile } from '../database/data-source-options';
import { usageError } from '../common/cli/command-exit';
import { ErasureTombstone } from '../members/erasure-tombstone.entity';
import { POSTGRES_BACKUP_HINT, UNAVAILABLE_EXIT } from './backup.command';
import { erasuresReapplyCommand } from './erasures-reapply.command';
import { assertHaloSqlite, removeCompanions, sqliteInUse } from './sqlite-files';

/** sysexits EX_TEMPFAIL: the database is in use; stop the server and try again. */
export const IN_USE_EXIT = 75;
/** sysexits EX_DATAERR: the backup cannot be restored here. */
export const DATA_ERROR_EXIT = 65;

const TOMBSTONE_SECRET = 'erasure-tombstones';

interface LiveErasures {
  secret: string | null;
  tombstones: Record<string, unknown>[];
}

/**
 * `halo restore <file>`: puts a backup in place of the live SQLite database, then re-applies
 * every erasure made since: the live database's tombstones (and the key they are hashed with)
 * are carried into the restored data, and each member they name is erased again. Refused
 * while any connection (a running server, another command) has the live database open.
 */
export async function restoreCommand(
  settings: HaloSettings,
  source: string,
  withApp: (work: (app: INestApplicationContext) => Promise<number>) => Promise<number>,
): Promise<number> {
  if (settings.database.url) {
    process.stderr.write(`halo: restore works on SQLite only; ${POSTGRES_BACKUP_HINT}\n`);
    return UNAVAILABLE_EXIT;
  }
  const live = sqliteFile(settings.database.sqlitePath);
  const backup = resolve(source);
  if (!existsSync(backup)) return usageError(`no backup at ${backup}`);
  if (backup === live) return usageError('the backup is the live database itself');
  try {
    assertHaloSqlite(backup);
  } catch (error) {
    process.stderr.write(`halo: ${(error as Error).message}\n`);
    return DATA_ERROR_EXIT;
  }
  if (sqliteInUse(live)) {
    process.stderr.write(
      `halo: ${live} is open by a running server or command; stop it, then restore\n`,
    );
    return IN_USE_EXIT;
  }
  const erasures = readErasures(live);
  const backupSecret = readErasures(backup).secret;
  if (erasures.secret && backupSecret && erasures.secret !== backupSecret) {
    process.stderr.write(
      `halo: ${backup} comes from another installation (its tombstone key differs): the ${erasures.tombstones.length} erasure(s) of the live database could not be re-applied to it; not restored\n`,
    );
    return DATA_ERROR_EXIT;
  }
  removeCompanions(live);
  const reader = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await reader.backup(live, { progress: () => 0x7fffffff });
  } finally {
    reader.close();
  }
  process.stdout.write(`restored ${backup} to ${live}\n`);
  return withApp(async (app) => {
    const carried = await carryErasures(app.get(DataSource), erasures);
    process.stdout.write(`${carried} tombstone(s) made since the backup carried over\n`);
    return erasuresReapplyCommand(app);
  });
}

/** The tombstones and their key in a database file (none when it has no such table yet). */
function readErasures(file: string): LiveErasures {
  if (!existsSync(file)) return { secret: null, tombstones: [] };
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = (name: string) =>
      database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
    const secret = table('app_secrets')
      ? (database.prepare('SELECT value FROM app_secrets WHERE name = ?').get(TOMBSTONE_SECRET) as
          { value: string } | undefined)
      : undefined;
    const tombstones = table('erasure_tombstones')
      ? (database.prepare('SELECT * FROM erasure_tombstones').all() as Record<string, unknown>[])
      : [];
    return { secret: secret?.value ?? null, tombstones };
  } finally {
    database.close();
  }
}

/** Writes the live key (when the backup had none) and the tombstones the backup lacks. */
async function carryErasures(dataSource: DataSource, erasures: LiveErasures): Promise<number> {
  if (!erasures.tombstones.length) return 0;
  return dataSource.transaction(async (manager) => {
    if (erasures.secret)
      await manager
        .createQueryBuilder()
        .insert()
        .into(AppSecret)
        .values({ name: TOMBSTONE_SECRET, value: erasures.secret })
        .orIgnore()
        .execute();
    const tombstones = manager.getRepository(ErasureTombstone);
    let carried = 0;
    for (const row of erasures.tombstones) {
      if (await tombstones.exists({ where: { hash: row.hash as string } })) continue;
      await tombstones.insert({
        id: row.id as string,
        hash: row.hash as string,
        kind: row.kind as ErasureTombstone['kind'],
        memberId: (row.member_id as string | null) ?? null,
        createdAt: Number(row.created_at),
      });
      carried += 1;
    }
    return carried;
  });
}
