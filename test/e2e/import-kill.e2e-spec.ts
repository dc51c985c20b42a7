import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkMembers, toCsv } from '../support/import-files';
import { listTotal, uploadImport } from '../support/import-requests';
import { spawnHalo, waitFor } from '../support/spawn-halo';
import { TestApp, createTestApp } from '../support/test-app';

const ROWS = 3_000;
const BATCH = 100;
const COMMITTED_BEFORE_KILL = 3;

describe('an import killed mid-batch', () => {
  jest.setTimeout(180_000);
  let test: TestApp;
  let folder: string;
  beforeAll(async () => {
    test = await createTestApp();
    folder = mkdtempSync(join(tmpdir(), 'halo-import-kill-'));
  });
  afterAll(async () => {
    await test.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const total = () => listTotal(test, '/api/v1/members');
  const upload = (csv: string) => uploadImport(test, 'members', 'text/csv', csv).expect(200);

  it('keeps exactly the committed batches, and a re-run finishes the import without duplicates', async () => {
    const file = join(folder, 'members.csv');
    writeFileSync(
      file,
      toCsv(bulkMembers(ROWS, 'kill'), ['externalId', 'email', 'name', 'tags', 'acquiredAt']),
    );
    const config = join(folder, 'halo.json');
    writeFileSync(config, JSON.stringify({ imports: { batchSize: BATCH } }));

    const child = spawnHalo(
      { ...test.database.environment, HALO_CONFIG_FILE: config, LOG_LEVEL: 'error' },
      'test/support/import-child.ts',
      ['members', file, String(COMMITTED_BEFORE_KILL)],
    );
    await waitFor(
      () =>
        child.output().includes(`hanging inside batch ${COMMITTED_BEFORE_KILL + 1}`) ||
        child.child.exitCode !== null,
      120_000,
    );
    expect(child.output()).toContain(`committed batch ${COMMITTED_BEFORE_KILL}\n`);
    child.child.kill('SIGKILL');
    await child.exited;
    expect(child.child.signalCode).toBe('SIGKILL');

    // The open batch had rows written in its transaction; none of them survive the kill.
    expect(await total()).toBe(COMMITTED_BEFORE_KILL * BATCH);

    const rerun = await upload(readFileSync(file, 'utf8'));
    expect(rerun.body).toMatchObject({
      rows: ROWS,
      created: ROWS - COMMITTED_BEFORE_KILL * BATCH,
      unchanged: COMMITTED_BEFORE_KILL * BATCH,
      refused: 0,
    });
    expect(await total()).toBe(ROWS);

    const again = await upload(readFileSync(file, 'utf8'));
    expect(again.body).toMatchObject({ created: 0, unchanged: ROWS, refused: 0 });
    expect(await total()).toBe(ROWS);
  });
});
