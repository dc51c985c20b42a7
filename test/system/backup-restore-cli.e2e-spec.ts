import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addIdentity, createMember } from '../support/factories';
import { spawnHalo } from '../support/spawn-halo';
import { ADMIN_KEY, TestApp, createTestApp } from '../support/test-app';

/**
 * `halo backup` / `halo restore` / `halo erasures reapply`, run as an operator runs them: the
 * built CLI in a child process, against the SQLite file of a running app (this test's).
 */
describe('backup and restore from the command line', () => {
  jest.setTimeout(180_000);
  let test: TestApp;
  let folder: string;
  let live: string;
  let bea: Record<string, any>;
  let alice: Record<string, any>;
  const BEA = { name: 'Bea Backupvergessen', email: 'bea.backup@erase-me.example' };
  const BEA_HANDLE = 'bea_backup_handle';

  const cli = async (args: string[], environment: Record<string, string> = {}) => {
    const run = spawnHalo(
      {
        SQLITE_PATH: live,
        HALO_ADMIN_KEY: ADMIN_KEY,
        LOG_LEVEL: 'warn',
        DIGEST_SCHEDULER: 'false',
        ...environment,
      },
      'src/cli/main.ts',
      args,
    );
    const code = await run.exited;
    return { code, output: run.output() };
  };
  const rows = (file: string, sql: string) => {
    const database = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return database.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      database.close();
    }
  };

  beforeAll(async () => {
    test = await createTestApp();
    live = test.database.environment.SQLITE_PATH;
    folder = mkdtempSync(join(tmpdir(), 'halo-backup-'));
    alice = await createMember(test, { name: 'Alice Stays', email: 'alice@stays.example' });
    bea = await createMember(test, { ...BEA, externalId: 'crm-bea' });
    await addIdentity(test, bea.id, 'instagram', BEA_HANDLE);
  });
  afterAll(async () => {
    await test.app.close().catch(() => undefined);
    await test.database.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('copies the live database while the app writes to it: one consistent instant', async () => {
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing && written < 2_000) {
        await createMember(test, { email: `busy-${written}@busy.example`, tags: ['busy'] });
        written += 1;
      }
    })();
    const backup = join(folder, 'during-writes.sqlite');
    const run = await cli(['backup', backup]);
    writing = false;
    await writer;
    expect(run.output).toContain(`backed up ${live} to ${backup}`);
    expect(run.code).toBe(0);
    expect(written).toBeGreaterThan(0);
    expect(existsSync(`${backup}-wal`)).toBe(false);
    const [check] = rows(backup, 'PRAGMA quick_check');
    expect(Object.values(check)).toEqual(['ok']);
    // Each member was written with its tag in one transaction: the copy has both or neither.
    const [counts] = rows(
      backup,
      "SELECT (SELECT COUNT(*) FROM members WHERE email LIKE 'busy-%') AS members, (SELECT COUNT(*) FROM member_tags WHERE tag = 'busy') AS tags",
    );
    expect(counts.members).toBe(counts.tags);
    expect(Number(counts.members)).toBeLessThanOrEqual(written);
    // An existing file is never overwritten.
    const again = await cli(['backup', backup]);
    expect(again.code).toBe(64);
    expect(again.output).toContain('exists');
  });

  it('restores a backup only with the server stopped, and erases again who was erased since', async () => {
    const backup = join(folder, 'before-erasure.sqlite');
    expect((await cli(['backup', backup])).code).toBe(0);
    await test
      .http()
      .delete(`/api/v1/members/${bea.id}`)
      .set('Authorization', test.keys.admin)
      .expect(200);
    expect(rows(backup, `SELECT email FROM members WHERE id = '${bea.id}'`)).toEqual([
      { email: BEA.email },
    ]);

    const refused = await cli(['restore', backup]);
    expect(refused.code).toBe(75);
    expect(refused.output).toContain('is open by a running server or command');
    expect(rows(live, `SELECT email FROM members WHERE id = '${bea.id}'`)).toEqual([
      { email: null },
    ]);

    await test.app.close();
    const restored = await cli(['restore', backup]);
    expect(restored.output).toContain(`restored ${backup} to ${live}`);
    expect(restored.output).toContain('3 tombstone(s) made since the backup carried over');
    expect(restored.output).toContain(
      `erased member ${bea.id} (matched by email, externalId, handle)`,
    );
    expect(restored.output).toContain('1 member(s) erased again');
    expect(restored.code).toBe(0);

    expect(rows(live, `SELECT email, name FROM members WHERE id = '${bea.id}'`)).toEqual([
      { email: null, name: null },
    ]);
    expect(rows(live, `SELECT email FROM members WHERE id = '${alice.id}'`)).toEqual([
      { email: 'alice@stays.example' },
    ]);
    expect(rows(live, 'SELECT COUNT(*) AS count FROM erasure_tombstones')).toEqual([{ count: 3 }]);
    const bytes = Buffer.concat(
      [live, `${live}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path)),
    );
    for (const needle of [BEA.name, BEA.email, BEA_HANDLE, 'crm-bea'])
      expect(bytes.includes(Buffer.from(needle))).toBe(false);

    // Re-applying again finds nobody left to erase.
    const reapplied = await cli(['erasures', 'reapply']);
    expect(reapplied.output).toContain('0 member(s) erased again; 3 tombstone(s) checked');
    expect(reapplied.code).toBe(0);
  });

  it('refuses both on PostgreSQL, pointing to pg_dump and pg_restore', async () => {
    for (const command of ['backup', 'restore']) {
      const run = await cli([command, join(folder, 'pg.sqlite')], {
        DATABASE_URL: 'postgres://halo@127.0.0.1:1/halo',
      });
      expect(run.code).toBe(69);
      expect(run.output).toContain('pg_dump');
      expect(run.output).toContain('erasures reapply');
    }
  });
});
