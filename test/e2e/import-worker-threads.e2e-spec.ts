import { Logger } from '@nestjs/common';
import { threadId } from 'node:worker_threads';
import { ImportRegistry } from '../../src/imports/import-registry';
import { bulkMembers, toCsv } from '../support/import-files';
import { listTotal, uploadChunked, uploadImport } from '../support/import-requests';
import { TestApp, createTestApp } from '../support/test-app';

const WORKER_MIN_BYTES = 4096;
const COLUMNS = ['externalId', 'email', 'name', 'tags', 'acquiredAt'];

/**
 * Which thread an HTTP import runs on, told two ways without timing: the main thread's registry
 * holds a counting copy of the members importer (rows given to its plan or written alone) (a worker has its own registry, so it never
 * counts), and the import service logs the thread the worker reported (its own threadId).
 */
describe('the thread an HTTP import runs on', () => {
  jest.setTimeout(120_000);
  let test: TestApp;
  let mainThreadWrites = 0;
  let workerThreads: number[] = [];

  beforeAll(async () => {
    test = await createTestApp({ IMPORT_WORKER_MIN_BYTES: String(WORKER_MIN_BYTES) });
    const registry = test.app.get(ImportRegistry);
    const members = registry.get('members')!;
    registry.register({
      ...members,
      write: (manager, row) => {
        mainThreadWrites += 1;
        return members.write(manager, row);
      },
      // New rows are written by the set-based plan: count the rows it is given.
      plan: (manager, rows) => {
        mainThreadWrites += rows.length;
        return members.plan!(manager, rows);
      },
    });
    await test.app.listen(0, '127.0.0.1');
  });
  afterAll(() => test.close());
  beforeEach(() => {
    mainThreadWrites = 0;
    workerThreads = [];
    jest.spyOn(Logger.prototype, 'debug').mockImplementation((message: unknown) => {
      const reported = /ran in worker thread (\d+)/.exec(String(message));
      if (reported) workerThreads.push(Number(reported[1]));
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const membersCsv = (prefix: string, count: number) => toCsv(bulkMembers(count, prefix), COLUMNS);
  const upload = (csv: string) => uploadImport(test, 'members', 'text/csv', csv).expect(200);
  const total = (prefix: string) => listTotal(test, '/api/v1/members', { q: `${prefix}-` });

  it('imports a body declared below imports.workerMinBytes on the main thread', async () => {
    const csv = membersCsv('small', 10);
    expect(Buffer.byteLength(csv)).toBeLessThan(WORKER_MIN_BYTES);
    const response = await upload(csv);
    expect(response.body).toMatchObject({ rows: 10, created: 10 });
    expect(mainThreadWrites).toBe(10);
    expect(workerThreads).toEqual([]);
  });

  it('imports a body declared at imports.workerMinBytes or more in a worker thread', async () => {
    const csv = membersCsv('large', 200);
    expect(Buffer.byteLength(csv)).toBeGreaterThanOrEqual(WORKER_MIN_BYTES);
    const response = await upload(csv);
    expect(response.body).toMatchObject({ rows: 200, created: 200, refused: 0 });
    expect(await total('large')).toBe(200);
    expect(mainThreadWrites).toBe(0);
    expect(workerThreads).toHaveLength(1);
    expect(workerThreads[0]).not.toBe(threadId);
  });

  it('imports a chunked body (its size unknown) in a worker thread, however small', async () => {
    const lines = membersCsv('chunked', 3).split(/(?<=\n)/);
    const response = await uploadChunked(test, 'members', 'text/csv', lines);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ rows: 3, created: 3 });
    expect(mainThreadWrites).toBe(0);
    expect(workerThreads).toHaveLength(1);
    expect(workerThreads[0]).not.toBe(threadId);
  });
});
