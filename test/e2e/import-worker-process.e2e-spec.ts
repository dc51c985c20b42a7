import { configFile } from '../support/settings-file';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { ClientRequest, IncomingMessage, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulkMembers, toCsv } from '../support/import-files';
import { listTotal, uploadImport } from '../support/import-requests';
import { SpawnedHalo, spawnHalo, waitFor } from '../support/spawn-halo';
import { ADMIN_KEY, TestApp, createTestApp } from '../support/test-app';

const COLUMNS = ['externalId', 'email', 'name', 'tags', 'acquiredAt'];

/**
 * The service process with every import in a worker thread, on the test app's database: what a
 * SIGTERM and a SIGKILL in the middle of a worker's import leave behind.
 */
describe('an import in a worker thread when the process stops', () => {
  jest.setTimeout(300_000);
  let test: TestApp;
  let folder: string;
  const started: SpawnedHalo[] = [];
  beforeAll(async () => {
    test = await createTestApp();
    folder = mkdtempSync(join(tmpdir(), 'halo-import-worker-process-'));
  });
  afterAll(async () => {
    for (const halo of started) if (halo.child.exitCode === null) halo.child.kill('SIGKILL');
    await Promise.all(started.map((halo) => halo.exited));
    await test.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const total = (prefix: string) => listTotal(test, '/api/v1/members', { q: `${prefix}-` });

  /** Halo on the test database, started as an operator would, once it listens. */
  const startHalo = async (environment: Record<string, string> = {}) => {
    const halo = spawnHalo({
      ...test.database.environment,
      PORT: '0',
      HALO_ADMIN_KEY: ADMIN_KEY,
      IMPORT_WORKER_MIN_BYTES: '0',
      LOG_LEVEL: 'debug',
      ...environment,
    });
    started.push(halo);
    // ts-node compiles the app on start: slow on a loaded 2-core machine.
    await waitFor(() => /Halo listens on \S+:(\d+)/.test(halo.output()), 150_000);
    const port = Number(/Halo listens on \S+:(\d+)/.exec(halo.output())![1]);
    return { halo, port };
  };

  /** A chunked upload (no Content-Length), written by the test as it goes. */
  const openUpload = (port: number) => {
    const upload: ClientRequest = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/import/members',
      headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${ADMIN_KEY}` },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      upload.on('response', (reply: IncomingMessage) => {
        let body = '';
        reply.on('data', (chunk: Buffer) => (body += chunk.toString()));
        reply.on('end', () => resolve({ status: reply.statusCode!, body }));
      });
      upload.on('error', reject);
    });
    return { upload, answered };
  };

  const stopped = async (halo: SpawnedHalo) => {
    await halo.exited;
    return halo.child;
  };

  it('finishes and answers the import on SIGTERM, then exits 0', async () => {
    // Batches of 500, whatever the default: the first is committed while the body is coming.
    const { halo, port } = await startHalo({
      HALO_CONFIG_FILE: configFile({ imports: { batchSize: 500 } }),
    });
    const [header, ...rows] = toCsv(bulkMembers(1_200, 'term'), COLUMNS).split(/(?<=\n)/);
    const { upload, answered } = openUpload(port);
    upload.write(header + rows.slice(0, 600).join(''));
    // The worker has committed its first batch (500 rows) while the body is still coming.
    await waitFor(async () => (await total('term')) >= 500, 120_000);
    halo.child.kill('SIGTERM');
    await waitFor(() => halo.output().includes('SIGTERM received'));
    upload.end(rows.slice(600).join(''));
    const reply = await answered;
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ rows: 1_200, created: 1_200, refused: 0 });
    expect((await stopped(halo)).exitCode).toBe(0);
    expect(halo.output()).toMatch(/import of members ran in worker thread [1-9]/);
    expect(await total('term')).toBe(1_200);
  });

  it('keeps only whole batches when killed mid-import, and a re-run finishes it without duplicates', async () => {
    const ROWS = 20_000;
    const BATCH = 100;
    const config = join(folder, 'halo.json');
    writeFileSync(config, JSON.stringify({ imports: { batchSize: BATCH } }));
    const { halo, port } = await startHalo({ HALO_CONFIG_FILE: config, LOG_LEVEL: 'log' });
    const csv = toCsv(bulkMembers(ROWS, 'kill'), COLUMNS);
    const { upload, answered } = openUpload(port);
    let replied = false;
    void answered.then(
      () => (replied = true),
      () => undefined,
    );
    upload.end(csv);
    await waitFor(async () => replied || (await total('kill')) >= 3 * BATCH, 120_000);
    expect(replied).toBe(false);
    halo.child.kill('SIGKILL');
    expect((await stopped(halo)).signalCode).toBe('SIGKILL');

    const kept = await total('kill');
    expect(kept % BATCH).toBe(0);
    expect(kept).toBeLessThan(ROWS);
    const rerun = await uploadImport(test, 'members', 'text/csv', csv).expect(200);
    expect(rerun.body).toMatchObject({
      rows: ROWS,
      created: ROWS - kept,
      unchanged: kept,
      refused: 0,
    });
    expect(await total('kill')).toBe(ROWS);
  });
});
