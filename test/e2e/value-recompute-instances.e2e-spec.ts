import { DataSource, Like } from 'typeorm';
import { HaloSettings } from '../../src/config/halo-settings';
import { generateDemoCommunity } from '../../src/demo/demo-community';
import { seedDemo } from '../../src/demo/seed-demo';
import { ChunkLeases } from '../../src/value/chunks/chunk-leases';
import { ValueRunChunk } from '../../src/value/chunks/value-run-chunk.entity';
import { ValueRun } from '../../src/value/value-run.entity';
import { expectSameFigures, storedFigures, valuedInOnePass } from '../support/chunked-recompute';
import { SpawnedHalo, spawnHalo, waitFor } from '../support/spawn-halo';
import { ADMIN_KEY, TestApp, createTestApp } from '../support/test-app';

const DAY_MS = 86_400_000;
const MEMBERS = 1_500;
const CHUNK = '25';
const LEASE_MS = 2_000;

/**
 * DESIGN.md, Recompute: several instances on one database share a run's chunks. A second
 * instance (its own process) helps with a run the first started; frozen while it holds a chunk
 * and then killed, its chunk is valued again by the first once the lease expires, and the run
 * ends with every member valued once, as in one pass.
 */
describe('a recompute shared by two instances, one of them killed', () => {
  jest.setTimeout(300_000);
  let test: TestApp;
  let other: SpawnedHalo;
  const chunks = () => test.app.get(DataSource).getRepository(ValueRunChunk);

  beforeAll(async () => {
    const settings = {
      VALUE_RECOMPUTE_CHUNK_SIZE: CHUNK,
      VALUE_RECOMPUTE_CHUNK_LEASE_MS: String(LEASE_MS),
    };
    test = await createTestApp({ ...settings, VALUE_RECOMPUTE_HELP: 'false' });
    await seedDemo(test.app.get(DataSource), generateDemoCommunity(MEMBERS, Date.now(), 5));
    other = spawnHalo({
      ...test.database.environment,
      ...settings,
      VALUE_RECOMPUTE_HELP: 'true',
      HALO_ADMIN_KEY: ADMIN_KEY,
      PORT: '0',
      LOG_LEVEL: 'log',
      DIGEST_SCHEDULER: 'false',
    });
    await waitFor(() => other.output().includes('Halo listens on'), 150_000);
  });
  afterAll(async () => {
    if (other.child.exitCode === null && other.child.signalCode === null) {
      other.child.kill('SIGKILL');
      await other.exited;
    }
    await test.close();
  });

  it('re-leases the chunk of the killed instance and values every member once', async () => {
    const asOf = Date.now() - DAY_MS;
    const running = test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: new Date(asOf).toISOString() })
      .then((response) => response);
    // A third instance that stalls holds most chunks for one lease: when those expire, both
    // instances take them, so that the second one surely values some (the first alone values
    // 1,500 members in about the time the second needs to notice the run).
    const stalled = new ChunkLeases(test.app.get(DataSource), 'stalled-instance', LEASE_MS);
    await waitFor(async () => {
      const run = await test.app.get(DataSource).getRepository(ValueRun).findOneBy({
        status: 'running',
      });
      if (!run || !(await chunks().countBy({ runId: run.id }))) return false;
      while (await stalled.claim(run.id));
      return true;
    }, 60_000);
    // Freeze the other instance while it holds a chunk (it can no longer renew), then kill it.
    const theirs = Like(`%:${other.child.pid}:%`);
    let frozen: ValueRunChunk | null = null;
    await waitFor(async () => {
      // Once it has valued a chunk of its own: the two share the run.
      if (!(await chunks().countBy({ status: 'done', holder: theirs }))) return false;
      const held = await chunks().findOneBy({ status: 'pending', holder: theirs });
      if (!held) return false;
      other.child.kill('SIGSTOP');
      const still = await chunks().findOneBy({ runId: held.runId, chunkNo: held.chunkNo });
      if (still?.status === 'pending' && still.holder === held.holder) frozen = still;
      else other.child.kill('SIGCONT');
      return frozen !== null;
    }, 120_000);
    other.child.kill('SIGKILL');
    await other.exited;

    const run = (await running).body as { id: string; status: string; members: number };
    expect(run).toMatchObject({ status: 'succeeded', members: MEMBERS });
    const all = await chunks().findBy({ runId: run.id });
    expect(all.every((chunk) => chunk.status === 'done')).toBe(true);
    const retaken = all.find((chunk) => chunk.chunkNo === frozen!.chunkNo)!;
    expect(retaken.attempts).toBeGreaterThanOrEqual(2);
    expect(retaken.holder).not.toBe(frozen!.holder);
    expect(all.some((chunk) => chunk.holder === frozen!.holder)).toBe(true);
    const byHolder = all.reduce<Record<string, number>>((counts, chunk) => {
      const who = chunk.holder === frozen!.holder ? 'killed instance' : 'first instance';
      // Every chunk the stalled instance took was valued by one of the two.
      expect(chunk.holder).not.toBe('stalled-instance');
      counts[who] = (counts[who] ?? 0) + 1;
      return counts;
    }, {});
    console.log('chunks valued by', byHolder, 'retaken chunk', retaken.chunkNo);
    expectSameFigures(
      await storedFigures(test.app.get(DataSource), run.id),
      await valuedInOnePass(test.app.get(DataSource), test.app.get(HaloSettings), asOf),
    );
  });
});
