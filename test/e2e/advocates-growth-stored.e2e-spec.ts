import { DataSource } from 'typeorm';
import { RankingPlanner } from '../../src/advocates/ranking/ranking-planner';
import { storeGrowth } from '../../src/advocates/ranking/snapshot-growth';
import { HaloSettings } from '../../src/config/halo-settings';
import {
  CommunityIds,
  buildAdvocatesCommunity,
  writeAdvocatesConfig,
} from '../support/advocates-community';
import { createMember, createPurchase, buildReview } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * The growth sorts and the rising and new-ambassadors segments read the comparisons the
 * recompute stores (value_snapshot_growth) where they cover the request, and compare the
 * snapshots themselves where not: both answer the same, row for row, on the hand-built
 * community plus a generated crowd (seeded orders and reviews, many ties at zero growth).
 */
describe('advocates: stored period comparisons answer as the comparison itself', () => {
  let test: TestApp;
  let ids: CommunityIds;
  let dataSource: DataSource;
  let planner: RankingPlanner;
  const PERIOD = { from: '2026-05-01', to: '2026-06-01' };

  const get = async (path: string, query: Record<string, unknown> = {}) =>
    (await test.http().get(path).query(query).set('Authorization', test.keys.viewer).expect(200))
      .body;
  const csv = async (query: Record<string, unknown>) =>
    (
      await test
        .http()
        .get('/api/v1/advocates')
        .query({ ...query, format: 'csv' })
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).text;
  const recompute = async (asOf: string) => {
    const run = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf });
    expect(run.body.status).toBe('succeeded');
  };
  const storedPairs = async () =>
    (
      await dataSource.query(
        'SELECT as_of_date, start_date, COUNT(*) AS n FROM value_snapshot_growth GROUP BY as_of_date, start_date ORDER BY as_of_date, start_date',
      )
    ).map((row: any) => `${row.as_of_date}/${row.start_date}/${Number(row.n)}`);
  /** Every page of a request, walked by cursor. */
  const allPages = async (query: Record<string, unknown>) => {
    const pages = [];
    let cursor: string | undefined;
    do {
      const page = await get('/api/v1/advocates', { ...query, ...(cursor ? { cursor } : {}) });
      pages.push(page);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return pages;
  };

  /** The answer with the stored comparisons (checked to be read), then without them. */
  const bothPaths = async (
    query: Record<string, unknown>,
    read: (query: Record<string, unknown>) => Promise<any> = allPages,
  ) => {
    const plan = await planner.plan(query as never);
    expect(plan?.growthStored).toBe(true);
    const stored = await read(query);
    const saved = await dataSource.query('SELECT * FROM value_snapshot_growth');
    await dataSource.query('DELETE FROM value_snapshot_growth');
    expect((await planner.plan(query as never))?.growthStored).toBe(false);
    const compared = await read(query);
    await restore(saved);
    return { stored, compared };
  };
  const restore = async (rows: Record<string, unknown>[]) => {
    for (const row of rows) {
      const columns = Object.keys(row);
      const values = columns.map((column) => row[column]);
      const placeholders = columns.map((_, index) =>
        dataSource.options.type === 'postgres' ? `$${index + 1}` : '?',
      );
      await dataSource.query(
        `INSERT INTO value_snapshot_growth (${columns.join(', ')}) VALUES (${placeholders.join(', ')})`,
        values,
      );
    }
  };

  beforeAll(async () => {
    test = await createTestApp({
      HALO_CONFIG_FILE: writeAdvocatesConfig(),
      VALUE_RECOMPUTE_IN_WORKER: 'false',
    });
    ids = await buildAdvocatesCommunity(test);
    dataSource = test.app.get(DataSource);
    planner = new RankingPlanner(dataSource, test.app.get(HaloSettings).advocates);
    // A generated crowd: seeded orders before and within the period, reviews that bring orders.
    let seed = 15;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const day = (from: number, span: number) =>
      new Date(Date.UTC(2026, 3, 1) + Math.floor(from + random() * span) * 86_400_000)
        .toISOString()
        .replace('.000', '');
    const reviews: string[] = [];
    for (let index = 0; index < 30; index += 1) {
      const member = await createMember(test, {
        name: `Crowd ${index}`,
        tags: index % 4 === 0 ? ['vip'] : [],
      });
      ids[`crowd${index}`] = member.id;
      const orders = Math.floor(random() * 4);
      for (let order = 0; order < orders; order += 1)
        await createPurchase(test, {
          memberId: member.id,
          amount: `${10 + Math.floor(random() * 20) * 5}.00`,
          occurredAt: day(0, 60),
          ...(reviews.length && random() < 0.4
            ? { attribution: { reviewId: reviews[Math.floor(random() * reviews.length)] } }
            : {}),
        });
      if (random() < 0.3) {
        const response = await test
          .http()
          .post('/api/v1/reviews')
          .set('Authorization', test.keys.manager)
          .send(buildReview({ memberId: member.id, views: 0, publishedAt: day(0, 55) }));
        expect(response.status).toBe(201);
        reviews.push(response.body.id);
      }
    }
    await recompute('2026-05-01');
    await recompute('2026-06-01');
    // The recompute stores the default period's (the latest date against 30 days ago, which
    // for these past dates is the same date); the spec stores the period's too.
    await storeGrowth(dataSource, '2026-06-01', '2026-05-01');
  }, 240_000);
  afterAll(() => test.close());

  const REQUESTS: Record<string, unknown>[] = [
    { sort: 'growth' },
    { sort: 'advocacyGrowth' },
    { segment: 'rising' },
    { segment: 'new-ambassadors' },
    { segment: 'rising', sort: 'engagement' },
    { segment: 'rising', sort: 'growth' },
    { segment: 'new-ambassadors', sort: 'advocacyGrowth' },
    { sort: 'growth', basis: 'measured' },
    { segment: 'rising', basis: 'measured' },
    { sort: 'growth', tier: 'Promoter' },
    { sort: 'advocacyGrowth', tag: 'vip' },
    { segment: 'rising', minPurchases: 1 },
    { sort: 'growth', segment: 'at-risk' },
    { sort: 'growth', q: 'crowd' },
  ];

  it('stores one row per current snapshot, for the default period and the one stored here', async () => {
    const current = Number(
      (
        await dataSource.query(
          "SELECT COUNT(*) AS n FROM value_snapshots WHERE as_of_date = '2026-06-01'",
        )
      )[0].n,
    );
    expect(current).toBeGreaterThan(40);
    expect(await storedPairs()).toEqual([`2026-06-01/2026-05-01/${current}`]);
  });

  it.each(REQUESTS)('answers %j for the period the same both ways, page by page', async (query) => {
    const { stored, compared } = await bothPaths({ ...PERIOD, limit: 7, ...query });
    expect(stored).toEqual(compared);
    expect(stored[0].total).toBeGreaterThan(0);
  });

  it('answers a growth sort by offset, and its CSV export, the same both ways', async () => {
    for (const offset of [0, 5, 20]) {
      const { stored, compared } = await bothPaths(
        { ...PERIOD, sort: 'growth', limit: 6, offset },
        async (query) => get('/api/v1/advocates', query),
      );
      expect(stored).toEqual(compared);
    }
    const exported = await bothPaths({ ...PERIOD, sort: 'advocacyGrowth' }, csv);
    expect(exported.stored).toEqual(exported.compared);
    expect(exported.stored.split('\n').length).toBeGreaterThan(40);
  });

  it('answers the default period (stored by the recompute) the same both ways', async () => {
    await dataSource.query('DELETE FROM value_snapshot_growth');
    // What the recompute stores after publishing: the latest date against 30 days ago.
    await recompute('2026-06-01');
    const [pair] = await storedPairs();
    expect(pair).toMatch(/^2026-06-01\/2026-06-01\/\d+$/);
    for (const query of [
      { sort: 'growth' },
      { segment: 'rising' },
      { segment: 'new-ambassadors' },
    ]) {
      const { stored, compared } = await bothPaths({ limit: 10, ...query });
      expect(stored).toEqual(compared);
    }
    await storeGrowth(dataSource, '2026-06-01', '2026-05-01');
  });

  it('reflects writes after the comparisons were stored: a re-run of the start date, an erasure', async () => {
    const query = { ...PERIOD, sort: 'growth', limit: 200 };
    const before = await get('/api/v1/advocates', query);
    const crowd = ids.crowd3;
    const changeOf = (page: any, id: string) =>
      page.items.find((row: any) => row.member.id === id)?.change.extendedValue;
    // An order before the start: the start snapshot of 2026-05-01 grows, so the change shrinks.
    await createPurchase(test, {
      memberId: crowd,
      amount: '500.00',
      occurredAt: '2026-04-10T00:00:00Z',
    });
    await recompute('2026-05-01');
    // Publishing dropped every stored comparison; the default period's came back, not this one.
    expect((await planner.plan(query as never))?.growthStored).toBe(false);
    const rerun = await get('/api/v1/advocates', query);
    expect(changeOf(rerun, crowd)).not.toEqual(changeOf(before, crowd));
    await storeGrowth(dataSource, '2026-06-01', '2026-05-01');
    const { stored, compared } = await bothPaths(query);
    expect(stored).toEqual(compared);
    expect(changeOf(stored[0], crowd)).toEqual(changeOf(rerun, crowd));

    // An erasure deletes the member's snapshots and, with them, their stored comparisons.
    const erased = ids.crowd5;
    await test
      .http()
      .delete(`/api/v1/members/${erased}`)
      .set('Authorization', test.keys.admin)
      .expect(200);
    const left = await dataSource.query(
      'SELECT COUNT(*) AS n FROM value_snapshot_growth WHERE member_id = $1'.replace(
        '$1',
        dataSource.options.type === 'postgres' ? '$1' : '?',
      ),
      [erased],
    );
    expect(Number(left[0].n)).toBe(0);
    const afterErasure = await bothPaths(query);
    expect(afterErasure.stored).toEqual(afterErasure.compared);
    expect(afterErasure.stored[0].items.some((row: any) => row.member.id === erased)).toBe(false);
  });
});
