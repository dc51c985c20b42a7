import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { publishSnapshots } from '../../src/value/snapshot-publisher';
import { ValueRun } from '../../src/value/value-run.entity';
import { ValueSnapshot } from '../../src/value/value-snapshot.entity';
import { createMember, createPurchase } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

const AS_OF_DATE = '2026-06-01';

/**
 * DESIGN.md, Recompute lock: snapshots are written under their run and made current by a
 * per-date pointer when the run completes. A run still writing (or one whose instance died)
 * is never read; its completion swaps the date's rows at once.
 */
describe('snapshots swapped in when their run completes', () => {
  let test: TestApp;
  let memberId: string;
  const dataSource = () => test.app.get(DataSource);
  const rows = () => dataSource().getRepository(ValueSnapshot);
  const runs = () => dataSource().getRepository(ValueRun);
  const value = async () =>
    (
      await test
        .http()
        .get(`/api/v1/members/${memberId}/value`)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body;
  const history = async () =>
    (
      await test
        .http()
        .get(`/api/v1/members/${memberId}/value/history`)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body;
  const ranked = async () =>
    (
      await test
        .http()
        .get('/api/v1/advocates?limit=50')
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body;

  /** A run that has written its rows (the completed run's, with every value tripled). */
  async function runStillWriting(): Promise<ValueRun> {
    const completed = await runs().findOneByOrFail({ asOfDate: AS_OF_DATE, status: 'succeeded' });
    const run = Object.assign(new ValueRun(), {
      ...completed,
      id: randomUUID(),
      status: 'running',
      startedAt: Date.now(),
      finishedAt: null,
    });
    await runs().insert(run);
    const current = await rows().findBy({ runId: completed.id });
    await rows().insert(
      current.map((row) => ({
        ...row,
        id: randomUUID(),
        runId: run.id,
        extendedMinor: row.extendedMinor * 3,
      })),
    );
    return run;
  }

  beforeAll(async () => {
    test = await createTestApp();
    memberId = (await createMember(test)).id;
    const other = (await createMember(test)).id;
    for (const [member, occurredAt] of [
      [memberId, '2026-01-15T12:00:00Z'],
      [memberId, '2026-03-15T12:00:00Z'],
      [other, '2026-02-10T12:00:00Z'],
    ])
      await createPurchase(test, { memberId: member, occurredAt });
    await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: `${AS_OF_DATE}T00:00:00Z` })
      .expect(200);
  });
  afterAll(() => test.close());

  it('reads the completed run while another run of the date is still writing, then swaps', async () => {
    const before = await value();
    const rankedBefore = await ranked();
    const run = await runStillWriting();

    expect(await value()).toEqual(before);
    expect((await history()).total).toBe(1);
    expect(await ranked()).toEqual(rankedBefore);

    await publishSnapshots(
      dataSource(),
      { runId: run.id, asOfDate: AS_OF_DATE },
      { status: 'succeeded', finishedAt: Date.now() },
    );
    const after = await value();
    expect(Number(after.extendedValue)).toBeCloseTo(3 * Number(before.extendedValue), 2);
    expect((await history()).total).toBe(1);
    // The previous run's rows of the date are gone; only the new run's stay.
    expect(
      new Set((await rows().findBy({ asOfDate: AS_OF_DATE })).map((row) => row.runId)),
    ).toEqual(new Set([run.id]));
    expect((await runs().findOneByOrFail({ id: run.id })).status).toBe('succeeded');
  });

  it('never shows the rows of a run whose instance died, and deletes them at the next run', async () => {
    const before = await value();
    const dead = await runStillWriting();
    expect(await value()).toEqual(before);

    await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: `${AS_OF_DATE}T00:00:00Z` })
      .expect(200);
    const abandoned = await runs().findOneByOrFail({ id: dead.id });
    expect(abandoned.status).toBe('failed');
    expect(await rows().countBy({ runId: dead.id })).toBe(0);
    // The new run's figures: the model's, not the dead run's tripled ones.
    expect(Number((await value()).extendedValue)).toBeLessThan(2 * Number(before.extendedValue));
    const pointers = await dataSource().query('SELECT run_id FROM value_snapshot_dates');
    expect(pointers).toHaveLength(1);
    expect((await runs().findOneByOrFail({ id: pointers[0].run_id })).status).toBe('succeeded');
  });
});
