import { DataSource } from 'typeorm';
import { HaloSettings } from '../../src/config/halo-settings';
import { generateDemoCommunity } from '../../src/demo/demo-community';
import { seedDemo } from '../../src/demo/seed-demo';
import { ChunkLeases } from '../../src/value/chunks/chunk-leases';
import { ValueRunChunk } from '../../src/value/chunks/value-run-chunk.entity';
import { ValueRun } from '../../src/value/value-run.entity';
import { expectSameFigures, storedFigures, valuedInOnePass } from '../support/chunked-recompute';
import { waitFor } from '../support/spawn-halo';
import { TestApp, createTestApp } from '../support/test-app';
import { startSecondInstance } from '../support/app-instance';
import request from 'supertest';

const DAY_MS = 86_400_000;
const MEMBERS = 400;
const CHUNK = 37;
const LEASE_MS = 1_500;

/**
 * DESIGN.md, Recompute: members are valued in key-ordered chunks, each leased by one instance.
 * A chunk's inputs are its members' records plus what their values read across chunks (their
 * referees' spend, the orders naming their content): the figures equal one pass over everyone.
 */
describe('recompute in chunks', () => {
  jest.setTimeout(120_000);
  let test: TestApp;
  const dataSource = () => test.app.get(DataSource);
  const recompute = (asOf: number) =>
    test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: new Date(asOf).toISOString() });
  const chunksOf = (runId: string) =>
    dataSource()
      .getRepository(ValueRunChunk)
      .find({ where: { runId }, order: { chunkNo: 'ASC' } });

  /** Claims every free chunk of the running run as a holder that never renews (for 4 s). */
  const stallChunks = () => {
    const stalled = new ChunkLeases(dataSource(), 'stalled-instance', 4_000);
    return waitFor(async () => {
      const running = await dataSource().getRepository(ValueRun).findOneBy({ status: 'running' });
      if (!running || !(await chunksOf(running.id)).length) return false;
      while (await stalled.claim(running.id));
      return true;
    }, 60_000);
  };

  beforeAll(async () => {
    test = await createTestApp({
      VALUE_RECOMPUTE_CHUNK_SIZE: String(CHUNK),
      VALUE_RECOMPUTE_CHUNK_LEASE_MS: String(LEASE_MS),
      VALUE_RECOMPUTE_HELP: 'false',
    });
    await seedDemo(dataSource(), generateDemoCommunity(MEMBERS, Date.now(), 11));
  });
  afterAll(() => test.close());

  it('values every member once, in contiguous chunks, with the figures of one pass', async () => {
    const asOf = Date.now() - DAY_MS;
    const run = await recompute(asOf).expect(200);
    expect(run.body).toMatchObject({ status: 'succeeded', members: MEMBERS });
    const chunks = await chunksOf(run.body.id);
    expect(chunks).toHaveLength(Math.ceil(MEMBERS / CHUNK));
    expect(chunks.every((chunk) => chunk.status === 'done' && chunk.attempts === 1)).toBe(true);
    expect(chunks.reduce((total, chunk) => total + chunk.members, 0)).toBe(MEMBERS);
    // Each chunk starts where the previous one ends; the first and the last are open.
    expect(chunks[0].fromMemberId).toBeNull();
    expect(chunks[chunks.length - 1].toMemberId).toBeNull();
    for (let at = 1; at < chunks.length; at++)
      expect(chunks[at].fromMemberId).toBe(chunks[at - 1].toMemberId);

    const stored = await storedFigures(dataSource(), run.body.id);
    const settings = test.app.get(HaloSettings);
    const expected = await valuedInOnePass(dataSource(), settings, asOf);
    // The demo has what crosses chunks: referrals, attributed orders, event guests.
    const drivers = stored.flatMap(
      (row) => (row.breakdown as { drivers: { kind: string }[] }).drivers,
    );
    for (const kind of ['referral', 'second-degree-referral', 'review', 'mention', 'guest'])
      expect(drivers.some((driver) => driver.kind === kind)).toBe(true);
    expectSameFigures(stored, expected);
  });

  it('values chunks in several threads of one instance with the same figures', async () => {
    const threaded = await startSecondInstance(test, {
      VALUE_RECOMPUTE_CHUNK_SIZE: '5',
      VALUE_RECOMPUTE_CHUNK_LEASE_MS: String(LEASE_MS),
      VALUE_RECOMPUTE_THREADS: '3',
      VALUE_RECOMPUTE_HELP: 'false',
    });
    try {
      const asOf = Date.now() - 3 * DAY_MS;
      const answer = request(threaded.getHttpServer())
        .post('/api/v1/value/recompute')
        .set('Authorization', test.keys.manager)
        .send({ asOf: new Date(asOf).toISOString() })
        .then((response) => response);
      // A stalled holder takes every chunk it can for one lease, so that the threads (each
      // starts a worker and a connection, slower than the first thread values 80 small chunks)
      // are all waiting when the chunks come free.
      await stallChunks();
      const run = await answer;
      expect(run.status).toBe(200);
      expect(run.body).toMatchObject({ status: 'succeeded', members: MEMBERS });
      const holders = new Set((await chunksOf(run.body.id)).map((chunk) => chunk.holder));
      expect(holders.size).toBeGreaterThan(1);
      expect(holders.has('stalled-instance')).toBe(false);
      expectSameFigures(
        await storedFigures(dataSource(), run.body.id),
        await valuedInOnePass(dataSource(), test.app.get(HaloSettings), asOf),
      );
    } finally {
      await threaded.close();
    }
  });

  it('takes over a chunk whose holder stopped renewing its lease, and values it once', async () => {
    const asOf = Date.now() - 2 * DAY_MS;
    // A dead instance: it takes a chunk as soon as the run has them, then never renews.
    const dead = new ChunkLeases(dataSource(), 'dead-instance', LEASE_MS);
    const answer = recompute(asOf).then((response) => response);
    let taken: ValueRunChunk | null = null;
    await waitFor(async () => {
      const running = await dataSource().getRepository(ValueRun).findOneBy({ status: 'running' });
      if (running) taken = await dead.claim(running.id);
      return taken !== null;
    }, 60_000);
    const run = (await answer).body as { id: string; status: string; startedAt: string };
    expect(run.status).toBe('succeeded');
    const chunk = (await chunksOf(run.id)).find((row) => row.chunkNo === taken!.chunkNo)!;
    expect(chunk).toMatchObject({ status: 'done', attempts: 2 });
    expect(chunk.holder).not.toBe('dead-instance');
    expect(chunk.doneAt! - Date.parse(run.startedAt)).toBeGreaterThanOrEqual(LEASE_MS);
    // The dead holder can no longer complete it.
    const completion = dead.completion(taken!, 1);
    await expect(
      dataSource().transaction((manager) => completion.manager(manager)),
    ).rejects.toThrow('no longer leased');
    expectSameFigures(
      await storedFigures(dataSource(), run.id),
      await valuedInOnePass(dataSource(), test.app.get(HaloSettings), asOf),
    );
  });
});
