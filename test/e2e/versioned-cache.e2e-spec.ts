import { DataSource } from 'typeorm';
import { CommunityMetricsService } from '../../src/advocates/metrics/community-metrics.service';
import { databaseVersion } from '../../src/database/read-cache/database-version';
import { VersionedCache } from '../../src/database/read-cache/versioned-cache';
import { createMember, createPurchase } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * An answer kept by VersionedCache is given again only while nothing at all was committed to
 * the database: by this connection, by another one (a worker thread, the CLI, another
 * instance), on SQLite and PostgreSQL alike.
 */
describe('VersionedCache: answers kept until the database changes', () => {
  let test: TestApp;
  let other: DataSource;
  const dataSource = () => test.app.get(DataSource);
  /**
   * On PostgreSQL the version is the server's transaction snapshot: a commit in any database of
   * the server (the other spec files of the run use the same one) makes it compute again. Its
   * answers are still exact; only how often one is kept cannot be asserted there.
   */
  const sqlite = () => dataSource().options.type === 'better-sqlite3';
  const counting = () => {
    let computed = 0;
    const compute = () => Promise.resolve({ computed: (computed += 1) });
    return { compute, count: () => computed };
  };

  beforeAll(async () => {
    test = await createTestApp();
    // Another connection to the same database: another pool, or another SQLite handle.
    other = new DataSource({ ...dataSource().options, migrationsRun: false });
    await other.initialize();
  });
  afterAll(async () => {
    await other.destroy();
    await test.close();
  });

  it('computes once while nothing is written, and gives copies', async () => {
    const cache = new VersionedCache<{ computed: number }>(dataSource());
    const { compute, count } = counting();
    const first = await cache.get('a', compute);
    first.computed = 99;
    expect((await cache.get('a', compute)).computed).not.toBe(99);
    await Promise.all([cache.get('a', compute), cache.get('a', compute)]);
    if (!sqlite()) return;
    expect(count()).toBe(1);
    expect(await cache.get('b', compute)).toEqual({ computed: 2 });
  });

  it('computes again after a write on this connection', async () => {
    const cache = new VersionedCache<{ computed: number }>(dataSource());
    const { compute, count } = counting();
    await cache.get('a', compute);
    await createMember(test, { name: 'Writer One' });
    expect(await cache.get('a', compute)).toEqual({ computed: 2 });
    expect(count()).toBe(2);
  });

  it('computes again after a commit by another connection', async () => {
    const cache = new VersionedCache<{ computed: number }>(dataSource());
    const { compute } = counting();
    const before = await databaseVersion(dataSource());
    await cache.get('a', compute);
    await other.query(`UPDATE members SET name = 'Renamed elsewhere' WHERE name = 'Writer One'`);
    expect(await databaseVersion(dataSource())).not.toBe(before);
    expect(await cache.get('a', compute)).toEqual({ computed: 2 });
  });

  // PostgreSQL reads outside the writer's transaction (a pool): only SQLite's one connection
  // can compute inside an open transaction.
  const onSqlite = !process.env.TEST_DATABASE_URL;
  (onSqlite ? it : it.skip)(
    'keeps nothing computed inside an open transaction on SQLite (it could roll back)',
    async () => {
      const cache = new VersionedCache<{ computed: number }>(dataSource());
      const { compute, count } = counting();
      await dataSource()
        .transaction(async (manager) => {
          await manager.query(
            `UPDATE members SET name = 'Rolled back' WHERE name = 'Renamed elsewhere'`,
          );
          await cache.get('a', compute);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await cache.get('a', compute);
      expect(count()).toBe(2);
    },
  );

  it('GET /metrics/community answers the same, then what a new purchase changed', async () => {
    const metrics = test.app.get(CommunityMetricsService);
    const compute = jest.spyOn(
      metrics as unknown as { compute: (...args: unknown[]) => unknown },
      'compute',
    );
    const query = { from: '2026-01-01', to: '2026-02-01', interval: 'week' };
    const get = async () =>
      (
        await test
          .http()
          .get('/api/v1/metrics/community')
          .query(query)
          .set('Authorization', test.keys.viewer)
          .expect(200)
      ).body;
    const first = await get();
    expect(await get()).toEqual(first);
    if (sqlite()) expect(compute).toHaveBeenCalledTimes(1);
    compute.mockClear();
    const buyer = await createMember(test, { name: 'Buyer' });
    await createPurchase(test, {
      memberId: buyer.id,
      occurredAt: '2026-01-10T10:00:00Z',
      amount: '30.00',
    });
    const after = await get();
    expect(compute).toHaveBeenCalledTimes(1);
    expect(after.total.values).not.toEqual(first.total.values);
    compute.mockRestore();
  });
});
