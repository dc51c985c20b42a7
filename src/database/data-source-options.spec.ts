import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

describe('dataSourceOptions on SQLite', () => {
  let folder: string;
  let dataSource: DataSource;
  let other: Database.Database;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'halo-immediate-'));
    const file = join(folder, 'halo.sqlite');
    const options = dataSourceOptions({
      database: { sqlitePath: file, busyTimeoutMs: 5000, sqliteCacheMb: 12 },
    });
    dataSource = new DataSource({ ...options, entities: [], migrations: [] });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE t (x INTEGER)');
    // Another connection, as a worker thread or the CLI holds; it does not wait for the lock.
    other = new Database(file, { timeout: 0 });
  });

  afterEach(async () => {
    other.close();
    await dataSource.destroy();
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives the connection the page cache the settings name', async () => {
    expect(await dataSource.query('PRAGMA cache_size')).toEqual([{ cache_size: -12 * 1024 }]);
  });

  it('takes the write lock when a transaction begins, so a write after a read never meets a newer snapshot', async () => {
    let otherWrite: unknown = 'not tried';
    await dataSource.transaction(async (manager) => {
      await manager.query('SELECT COUNT(*) FROM t');
      // With a deferred BEGIN this write would succeed and the insert below fail at once
      // with SQLITE_BUSY_SNAPSHOT; begun IMMEDIATE, the other connection waits its turn.
      try {
        other.exec('INSERT INTO t VALUES (1)');
        otherWrite = 'stored';
      } catch (error) {
        otherWrite = (error as { code?: string }).code;
      }
      await manager.query('INSERT INTO t VALUES (2)');
    });
    expect(otherWrite).toBe('SQLITE_BUSY');
    other.exec('INSERT INTO t VALUES (1)');
    expect(await dataSource.query('SELECT x FROM t ORDER BY x')).toEqual([{ x: 1 }, { x: 2 }]);
  });
});
