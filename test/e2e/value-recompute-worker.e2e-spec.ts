import { DataSource } from 'typeorm';
import { ValueSnapshot } from '../../src/value/value-snapshot.entity';
import { buildAdvocatesCommunity, writeAdvocatesConfig } from '../support/advocates-community';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * The service's recompute runs in a worker thread and sums activity on a second connection in
 * another thread meanwhile. Whatever it stores must be what the in-process pipeline and the
 * per-member explanation say.
 */
describe('recompute in a worker with the activity sums in a second thread', () => {
  let worker: TestApp;
  let inProcess: TestApp;
  let memberIds: string[];

  const snapshots = (test: TestApp) =>
    test.app
      .get(DataSource)
      .getRepository(ValueSnapshot)
      .find({ where: { asOfDate: '2026-06-01' }, order: { memberId: 'ASC' } });

  beforeAll(async () => {
    const config = writeAdvocatesConfig();
    worker = await createTestApp({ HALO_CONFIG_FILE: config, VALUE_RECOMPUTE_IN_WORKER: 'true' });
    inProcess = await createTestApp({
      HALO_CONFIG_FILE: config,
      VALUE_RECOMPUTE_IN_WORKER: 'false',
    });
    const ids = await buildAdvocatesCommunity(worker);
    await buildAdvocatesCommunity(inProcess);
    // The fixture merges ghost into longgone after the runs (so longgone's activities changed
    // since) and gives the pointer a copy of another member's snapshot: leave both out.
    memberIds = Object.values(ids).filter((id) => id !== ids.ghost && id !== ids.longgone);
  });
  afterAll(async () => {
    await worker.close();
    await inProcess.close();
  });

  it('stores engagement, last activity, orders and tier as the explanation computes them', async () => {
    const stored = await snapshots(worker);
    expect(stored.length).toBeGreaterThan(10);
    let active = 0;
    for (const snapshot of stored.filter((row) => memberIds.includes(row.memberId))) {
      const explained = (
        await worker
          .http()
          .get(`/api/v1/members/${snapshot.memberId}/engagement`)
          .query({ asOf: '2026-06-01T00:00:00Z' })
          .set('Authorization', worker.keys.viewer)
          .expect(200)
      ).body;
      // The explanation rounds its total to four decimals.
      expect(snapshot.engagement).toBeCloseTo(explained.total, 4);
      expect(snapshot.lastActivityAt === null ? null : new Date(snapshot.lastActivityAt)).toEqual(
        explained.lastActivityAt === null ? null : new Date(explained.lastActivityAt),
      );
      expect(snapshot.orderCount).toBe(
        explained.activities.filter((activity: { type: string }) => activity.type === 'purchase')
          .length,
      );
      if (explained.total > 0) active += 1;
    }
    expect(active).toBeGreaterThan(5);
  });

  it('stores the same figures as a recompute on the main thread', async () => {
    const figures = (rows: ValueSnapshot[]) =>
      rows.map((row: ValueSnapshot) => ({
        extendedMinor: row.extendedMinor,
        spendMinor: row.spendMinor,
        referralMinor: row.referralMinor,
        influenceMinor: row.influenceMinor,
        knowledgeMinor: row.knowledgeMinor,
        engagement: Number(row.engagement.toFixed(9)),
        tier: row.tier,
        orderCount: row.orderCount,
      }));
    const fromWorker = figures(await snapshots(worker));
    const fromMainThread = figures(await snapshots(inProcess));
    // The two communities have their own member ids; compare the figures as sorted multisets.
    const sorted = (rows: object[]) => rows.map((row) => JSON.stringify(row)).sort();
    expect(sorted(fromWorker)).toEqual(sorted(fromMainThread));
    expect(new Set(fromWorker.map((row) => row.tier)).size).toBeGreaterThan(1);
  });
});
