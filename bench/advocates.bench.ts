/**
 * Latency of the ranking on a generated brand (bench/generated-brand.ts): MEMBERS members
 * (default 100,000) with about half a million orders and a quarter million other activities
 * on a fresh SQLite file, valued twice (30 days ago and today) by the real recompute. Then the
 * real app serves HTTP in this process and the bench reports p50/p99 of
 * `GET /api/v1/advocates?limit=50&tier=…` (and other sorts, segments and filters) next to
 * `GET /health`, the baseline, plus the query plan of the ranking; the growth sorts and period
 * segments twice: reading the comparisons the recompute stored (value_snapshot_growth), then
 * comparing the snapshots themselves (the stored rows deleted), which is how every request
 * was served before they were stored. Then `GET /metrics/community` for the last 30 days by
 * day, 90 days by week and 12 months by month (bench/overview.bench.ts has more of them and
 * the page in a browser).
 * Run: npx ts-node --transpile-only bench/advocates.bench.ts
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { orderBy, rankingSql } from '../src/advocates/ranking/ranking-sql';
import { storeDefaultGrowth } from '../src/advocates/ranking/snapshot-growth';
import { asOfDate } from '../src/value/recompute-job';
import { writeBenchFigures, type BenchFigure } from './bench-result';
import { ADMIN_KEY, DAY, TODAY, latency, prepareBrand, serveBrand } from './generated-brand';

const MEMBERS = Number(process.env.MEMBERS ?? 100_000);
const REQUESTS = Number(process.env.REQUESTS ?? 200);

async function main(): Promise<void> {
  const { sqlitePath, settings, dataSource } = await prepareBrand(MEMBERS);
  const tiers = await dataSource.query(
    'SELECT tier, COUNT(*) AS n FROM value_snapshots WHERE as_of_date = ? GROUP BY tier',
    [asOfDate(TODAY)],
  );
  console.log('tiers today', tiers);
  const base = {
    currentDate: asOfDate(TODAY),
    startDate: asOfDate(TODAY - 30 * DAY),
    endDate: asOfDate(TODAY),
    from: TODAY - 30 * DAY,
    to: TODAY,
    previousFrom: TODAY - 60 * DAY,
    basis: 'all' as const,
    language: 'en' as const,
    tiers: settings.advocates.tiers.map((tier) => tier.name),
    atRiskPAlive: settings.advocates.atRiskPAlive,
    gems: null,
  };
  for (const [name, variant] of Object.entries({
    'tier=Advocate': { sort: 'extendedValue', filters: { tier: 'Advocate' } },
    'sort=advocacy': { sort: 'advocacy', filters: {} },
    'sort=influence': { sort: 'influence', filters: {} },
    'sort=growth': { sort: 'growth', filters: {} },
    'sort=growth (stored)': { sort: 'growth', filters: {}, growthStored: true },
    'segment=rising (stored)': {
      sort: 'advocacyGrowth',
      segment: 'rising',
      filters: {},
      growthStored: true,
    },
  } as const)) {
    const sql = rankingSql({ ...base, ...variant });
    for (const [label, statement] of [
      ['page', `SELECT s.member_id ${sql.body} ${orderBy(sql)} LIMIT 51`],
      ['count', `SELECT COUNT(*) ${sql.countBody}`],
    ]) {
      const [text, values] = dataSource.driver.escapeQueryWithParameters(statement, sql.parameters);
      const plan = await dataSource.query(`EXPLAIN QUERY PLAN ${text}`, values);
      console.log(
        `plan of ${name} (${label}):`,
        plan.map((row: { detail: string }) => row.detail).join(' | '),
      );
    }
  }
  await dataSource.destroy();

  const { app, url } = await serveBrand(sqlitePath);
  const auth = { Authorization: `Bearer ${ADMIN_KEY}` };
  const figures: BenchFigure[] = [];
  const health = await latency(`${url}/health`, {}, REQUESTS);
  const report = (name: string, result: { p50: number; p99: number }) => {
    console.log(name.padEnd(62), JSON.stringify(result));
    if (name.startsWith('/health')) return;
    for (const quantile of ['p50', 'p99'] as const)
      figures.push({
        figure: `GET ${name.replace('/api/v1', '')} ${quantile}`,
        value: result[quantile],
        unit: 'ms',
        baseline: health[quantile],
        baselineLabel: `GET /health ${quantile}`,
        better: 'lower',
        target:
          quantile === 'p99' &&
          /\/(advocates\?|metrics\/community)/.test(name) &&
          !name.includes('(compared')
            ? '< 50 ms'
            : undefined,
        note: `${MEMBERS} members`,
      });
  };
  report('/health (baseline)', health);
  const heavy = Math.max(10, Math.round(REQUESTS / 10));
  for (const [query, requests] of [
    ['limit=50&tier=Champion', REQUESTS],
    ['limit=50&tier=Advocate', REQUESTS],
    ['limit=50&tier=Promoter', REQUESTS],
    ['limit=50', REQUESTS],
    ['limit=50&sort=influence', REQUESTS],
    ['limit=50&sort=engagement', REQUESTS],
    ['limit=50&sort=influenceShare', REQUESTS],
    ['limit=50&tag=vip', REQUESTS],
    ['limit=50&platform=instagram&minPurchases=2', REQUESTS],
    ['limit=50&channel=referral&q=member%2012', REQUESTS],
    ['limit=50&segment=hidden-gems', REQUESTS],
    ['limit=50&segment=at-risk', REQUESTS],
    ['limit=50&sort=growth', REQUESTS],
    ['limit=50&sort=advocacyGrowth', REQUESTS],
    ['limit=50&segment=rising', REQUESTS],
    ['limit=50&segment=new-ambassadors', REQUESTS],
    ['limit=50&sort=growth&basis=measured', heavy],
  ] as const)
    report(
      `/api/v1/advocates?${query}`,
      await latency(`${url}/api/v1/advocates?${query}`, auth, requests),
    );
  report('/api/v1/advocates/tiers', await latency(`${url}/api/v1/advocates/tiers`, auth, REQUESTS));
  const day = (offset: number) => new Date(TODAY + offset * DAY).toISOString().slice(0, 10);
  for (const [name, query] of [
    ['30 days by day', `from=${day(-29)}&to=${day(1)}&interval=day`],
    ['90 days by week', `from=${day(-89)}&to=${day(1)}&interval=week`],
    ['12 months by month', `from=${day(-365)}&to=${day(1)}&interval=month`],
  ])
    report(
      `/api/v1/metrics/community ${name}`,
      await latency(`${url}/api/v1/metrics/community?${query}`, auth, heavy),
    );
  // The same after a write each time: the kept answer is never given, each one is computed.
  for (const [name, query] of [
    ['30 days by day', `from=${day(-29)}&to=${day(1)}&interval=day`],
    ['12 months by month', `from=${day(-365)}&to=${day(1)}&interval=month`],
  ])
    report(
      `/api/v1/metrics/community ${name}, after a write (computed)`,
      await latency(`${url}/api/v1/metrics/community?${query}`, auth, heavy, () =>
        app
          .get(DataSource)
          .query(
            'UPDATE members SET updated_at = updated_at + 1 WHERE id = (SELECT MIN(id) FROM members)',
          ),
      ),
    );
  // Filtered rankings after a write each time: the kept count is never given, each is counted.
  for (const query of ['limit=50&tag=vip', 'limit=50&platform=instagram&minPurchases=2'])
    report(
      `/api/v1/advocates?${query}, after a write (computed)`,
      await latency(`${url}/api/v1/advocates?${query}`, auth, heavy, () =>
        app
          .get(DataSource)
          .query(
            'UPDATE members SET updated_at = updated_at + 1 WHERE id = (SELECT MIN(id) FROM members)',
          ),
      ),
    );
  // The same growth requests without the stored comparisons: the snapshots compared per
  // request, as before they were stored (the baseline of the figures above).
  const [{ n: stored }] = await app
    .get(DataSource)
    .query('SELECT COUNT(*) AS n FROM value_snapshot_growth');
  await app.get(DataSource).query('DELETE FROM value_snapshot_growth');
  for (const query of [
    'limit=50&sort=growth',
    'limit=50&segment=rising',
    'limit=50&segment=new-ambassadors',
  ])
    report(
      `/api/v1/advocates?${query} (compared, nothing stored)`,
      await latency(`${url}/api/v1/advocates?${query}`, auth, heavy),
    );
  console.log(`(${stored} stored comparisons were deleted for the last figures; stored again)`);
  await storeDefaultGrowth(app.get(DataSource));
  await app.close();
  writeBenchFigures('advocates', figures);
}

void main();
