import { DataSource } from 'typeorm';
import { RankingPlanner } from '../../src/advocates/ranking/ranking-planner';
import { orderBy, keysetClause, rankingSql } from '../../src/advocates/ranking/ranking-sql';
import { gemsOf } from '../../src/advocates/ranking/snapshot-gems';
import { storeDefaultGrowth } from '../../src/advocates/ranking/snapshot-growth';
import { CursorPosition } from '../../src/common/pagination/cursor';
import { HaloSettings } from '../../src/config/halo-settings';
import { rawQuery } from '../../src/database/sql';
import { buildAdvocatesCommunity, writeAdvocatesConfig } from '../support/advocates-community';
import { createMember, createPurchase } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * The ranking's fast paths answer as the statements they replace, row for row and total for
 * total: hidden gems' counts and median stored after publishing (snapshot-gems.ts) against
 * counting the snapshots, the member filters walked in the sort's order (SQLite) against
 * driven by their member sets, and counts kept until a write against counted afresh.
 */
describe('advocates: fast paths answer as the statements they replace', () => {
  let test: TestApp;
  let dataSource: DataSource;
  let planner: RankingPlanner;
  let decile: number;
  const DATE = '2026-06-01';

  const get = async (query: Record<string, unknown>) =>
    (
      await test
        .http()
        .get('/api/v1/advocates')
        .query(query)
        .set('Authorization', test.keys.viewer)
        .expect(200)
    ).body;
  /** Every page, walked by cursor: the rows' ids and each page's total. */
  const walk = async (query: Record<string, unknown>) => {
    const ids: string[] = [];
    const totals: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await get({ ...query, ...(cursor ? { cursor } : {}) });
      ids.push(...page.items.map((item: any) => item.member.id));
      totals.push(page.total);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { ids, totals };
  };
  /** The ranking's own statements, run directly: every row in order, and the count. */
  const reference = async (query: Record<string, unknown>) => {
    const sql = rankingSql((await planner.plan(query as never))!);
    const rows = await rawQuery(
      dataSource,
      `SELECT s.member_id AS id ${sql.body} ${orderBy(sql)}`,
      sql.parameters,
    );
    const [count] = await rawQuery(dataSource, `SELECT COUNT(*) AS n ${sql.countBody}`, {
      ...sql.parameters,
    });
    return { ids: rows.map((row) => row.string('id')), total: count.number('n') };
  };
  const storedGems = async () =>
    (
      await dataSource.query(
        'SELECT as_of_date, basis, snapshots, advocates, customers, median_spend_minor FROM value_snapshot_gems ORDER BY basis',
      )
    ).map((row: any) => ({
      date: row.as_of_date,
      basis: row.basis,
      snapshots: Number(row.snapshots),
      advocates: Number(row.advocates),
      customers: Number(row.customers),
      median: row.median_spend_minor === null ? null : Number(row.median_spend_minor),
    }));
  /** Gems from the snapshots themselves: nothing stored. */
  const computedGems = async (basis: 'all' | 'measured') => {
    const saved = await dataSource.query('SELECT * FROM value_snapshot_gems');
    await dataSource.query('DELETE FROM value_snapshot_gems');
    const gems = await gemsOf(dataSource, DATE, basis, decile);
    for (const row of saved)
      await dataSource.query(
        `INSERT INTO value_snapshot_gems (as_of_date, run_id, basis, snapshots, advocates, customers, median_spend_minor)
         VALUES (${[1, 2, 3, 4, 5, 6, 7].map((index) => (dataSource.options.type === 'postgres' ? `$${index}` : '?')).join(', ')})`,
        [
          row.as_of_date,
          row.run_id,
          row.basis,
          row.snapshots,
          row.advocates,
          row.customers,
          row.median_spend_minor,
        ],
      );
    return gems;
  };

  beforeAll(async () => {
    test = await createTestApp({
      HALO_CONFIG_FILE: writeAdvocatesConfig(),
      VALUE_RECOMPUTE_IN_WORKER: 'false',
    });
    await buildAdvocatesCommunity(test);
    dataSource = test.app.get(DataSource);
    const settings = test.app.get(HaloSettings).advocates;
    planner = new RankingPlanner(dataSource, settings);
    decile = settings.hiddenGemsDecile;
    // A crowd: half of it tagged, spend of every size, some with an Instagram identity.
    let seed = 21;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let index = 0; index < 30; index += 1) {
      const member = await createMember(test, {
        name: `Crowd ${index}`,
        tags: index % 2 === 0 ? ['vip'] : [],
      });
      if (index % 3 === 0)
        await test
          .http()
          .post(`/api/v1/members/${member.id}/identities`)
          .set('Authorization', test.keys.manager)
          .send({ platform: 'instagram', handle: `crowd${index}` })
          .expect(201);
      const orders = Math.floor(random() * 4);
      for (let order = 0; order < orders; order += 1)
        await createPurchase(test, {
          memberId: member.id,
          amount: `${10 + Math.floor(random() * 20) * 5}.00`,
          occurredAt: new Date(Date.UTC(2026, 3, 1 + Math.floor(random() * 55)))
            .toISOString()
            .replace('.000', ''),
        });
    }
    const run = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: DATE });
    expect(run.body.status).toBe('succeeded');
  }, 240_000);
  afterAll(() => test.close());

  it('stores the hidden gems counts of the latest date after publishing, as counted', async () => {
    const snapshots = Number(
      (
        await dataSource.query(
          `SELECT COUNT(*) AS n FROM value_snapshots WHERE as_of_date = '${DATE}'`,
        )
      )[0].n,
    );
    const stored = await storedGems();
    expect(stored.map((row: any) => [row.date, row.basis, row.snapshots])).toEqual([
      [DATE, 'all', snapshots],
      [DATE, 'measured', snapshots],
    ]);
    expect(stored[0].advocates).toBeGreaterThan(0);
    for (const basis of ['all', 'measured'] as const) {
      const fromStore = await gemsOf(dataSource, DATE, basis, decile);
      expect(fromStore).toEqual(await computedGems(basis));
    }
    expect(await gemsOf(dataSource, DATE, 'all', decile)).not.toBeNull();
  });

  it('reads the stored counts while they hold, and counts again once a snapshot is gone', async () => {
    const [all] = await storedGems();
    // A stored median no snapshot has shows that the stored row is read.
    await dataSource.query(
      `UPDATE value_snapshot_gems SET median_spend_minor = ${all.median! + 0.5} WHERE basis = 'all'`,
    );
    expect((await gemsOf(dataSource, DATE, 'all', decile))!.medianSpendMinor).toBe(
      all.median! + 0.5,
    );
    // A snapshot deleted (as an erasure does): the row no longer describes the date.
    await dataSource.query(
      `DELETE FROM value_snapshot_rows WHERE id = (SELECT MIN(id) FROM value_snapshot_rows WHERE as_of_date = '${DATE}' AND order_count > 0)`,
    );
    expect(await gemsOf(dataSource, DATE, 'all', decile)).toEqual(await computedGems('all'));
    expect(await gemsOf(dataSource, DATE, 'measured', decile)).toEqual(
      await computedGems('measured'),
    );
    // Stored afresh, as the recompute does after publishing.
    await storeDefaultGrowth(dataSource, Date.parse(`${DATE}T12:00:00Z`));
    expect((await storedGems())[0].snapshots).toBe(all.snapshots - 1);
  });

  const REQUESTS: Record<string, unknown>[] = [
    { segment: 'hidden-gems' },
    { segment: 'hidden-gems', basis: 'measured' },
    { segment: 'hidden-gems', tag: 'vip' },
    { tier: 'Champion' },
    { tier: 'Advocate' },
    { tier: 'Customer', sort: 'spend' },
    { segment: 'at-risk' },
    { tag: 'vip' },
    { tag: 'vip', sort: 'engagement' },
    { platform: 'instagram', minPurchases: 1 },
    { platform: 'instagram', sort: 'influenceShare' },
    { q: 'crowd', sort: 'extendedValue' },
  ];

  it.each(REQUESTS)(
    'answers %j as the ranking statements themselves, page by page',
    async (query) => {
      const expected = await reference({ ...query, to: `${DATE}T12:00:00Z` });
      const answered = await walk({ ...query, to: `${DATE}T12:00:00Z`, limit: 4 });
      expect(answered.ids).toEqual(expected.ids);
      expect(new Set(answered.totals)).toEqual(new Set([expected.total]));
      expect(expected.total).toBeGreaterThan(0);
    },
  );

  it('counts afresh after a write: a kept count is never older than the data', async () => {
    const query = { tag: 'vip', to: `${DATE}T12:00:00Z` };
    const before = (await get(query)).total;
    expect(before).toBe((await reference(query)).total);
    const [untagged] = await rawQuery(
      dataSource,
      `SELECT s.member_id AS id FROM value_snapshots s WHERE s.as_of_date = :date
        AND s.member_id NOT IN (SELECT t.member_id FROM member_tags t WHERE t.tag = 'vip') LIMIT 1`,
      { date: DATE },
    );
    await dataSource.query(
      `INSERT INTO member_tags (member_id, tag) VALUES ('${untagged.string('id')}', 'vip')`,
    );
    expect((await get(query)).total).toBe(before + 1);
  });

  (process.env.TEST_DATABASE_URL ? it.skip : it)(
    'walks the sort order for member filters (SQLite) with the rows and count of the member sets',
    async () => {
      for (const query of REQUESTS.filter(
        (request) => request.tag || request.platform || request.q,
      )) {
        const plan = (await planner.plan({ ...query, to: `${DATE}T12:00:00Z` } as never))!;
        for (const limit of [3, 100]) {
          const pages = async (walkOrder: boolean) => {
            const sql = rankingSql(plan, { walkOrder });
            const ids: string[] = [];
            let last: CursorPosition | null = null;
            for (;;) {
              const parameters = { ...sql.parameters };
              const keyset = last ? ` AND ${keysetClause(sql, last, parameters)}` : '';
              const rows = await rawQuery(
                dataSource,
                `SELECT s.member_id AS id, ${sql.sortExpression} AS v ${sql.body}${keyset} ${orderBy(sql)} LIMIT ${limit}`,
                parameters,
              );
              ids.push(...rows.map((row) => row.string('id')));
              if (rows.length < limit) return ids;
              const end = rows[rows.length - 1];
              last = { value: end.numberOrNull('v'), id: end.string('id') };
            }
          };
          const walked = await pages(true);
          expect(walked).toEqual(await pages(false));
          expect(walked.length).toBeGreaterThan(0);
          const count = async (walkOrder: boolean) => {
            const sql = rankingSql(plan, { walkOrder });
            const [row] = await rawQuery(
              dataSource,
              `SELECT COUNT(*) AS n ${sql.countBody}`,
              sql.parameters,
            );
            return row.number('n');
          };
          expect(await count(true)).toBe(walked.length);
          expect(await count(false)).toBe(walked.length);
        }
      }
    },
  );
});
