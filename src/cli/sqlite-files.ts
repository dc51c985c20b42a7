import Database from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';

/** A live SQLite database: the file and the WAL and shared-memory files beside it. */
export function sqliteCompanions(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`];
}

/**
 * Whether any connection (a running server, a CLI command) has the database open: in WAL mode
 * each open connection holds a shared lock, so an exclusive lock, tried without waiting, fails.
 * Works across processes and leaves nothing behind when a server was killed.
 */
export function sqliteInUse(file: string): boolean {
  if (!existsSync(file)) return false;
  const database = new Database(file, { timeout: 0, fileMustExist: true });
  try {
    database.pragma('locking_mode = EXCLUSIVE');
    database.exec('BEGIN EXCLUSIVE');
    database.exec('COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return true;
    throw error;
  } finally {
    database.close();
  }
}

/** Removes a database's WAL and shared memory: a restored file must not meet another's WAL. */
export function removeCompanions(file: string): void {
  for (const companion of sqliteCompanions(file)) rmSync(companion, { force: true });
}

/** A quick look that the file is a Halo SQLite database: it opens, checks, and has members. */
export function assertHaloSqlite(file: string): void {
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = database.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} fails SQLite's quick_check: ${String(check)}`);
    const members = database
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'members'")
      .get();
    if (!members) throw new Error(`${file} is not a Halo database (no members table)`);
  } finally {
    database.close();
  }
}
