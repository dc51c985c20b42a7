/**
 * Latency of the ranking on a generated brand (bench/generated-brand.ts): MEMBERS members
 * (default 100,000) with about half a million orders and a quarter million other activities
 * on a fresh SQLite file, valued twice (30 days ago and today) by the real recompute. Then the
 * real app serves HTTP in this process and the bench reports p50/p99 of
 * `GET /api/v1/advocates?limit=50&tier=…` (and other sorts, segments and filters) next to
 * `GET /health`, the baseline, plus the query plan of the ranking. The overview's community
 * metrics have their own bench, bench/overview.bench.ts.
 * Run: npx ts-node --transpile-only bench/advocates.bench.ts
 */
import 'reflect-metadata';
import { orderBy, rankingSql } from '../src/advocates/ranking/ranking-sql';
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
        target: quantile === 'p99' && name.includes('/advocates?') ? '< 50 ms' : undefined,
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
    ['limit=50&sort=growth', heavy],
    ['limit=50&segment=rising', heavy],
    ['limit=50&segment=new-ambassadors', heavy],
  ] as const)
    report(
      `/api/v1/advocates?${query}`,
      await latency(`${url}/api/v1/advocates?${query}`, auth, requests),
    );
  report('/api/v1/advocates/tiers', await latency(`${url}/api/v1/advocates/tiers`, auth, REQUESTS));
  report(
    '/api/v1/metrics/community?interval=day',
    await latency(`${url}/api/v1/metrics/community?interval=day`, auth, heavy),
  );
  await app.close();
  writeBenchFigures('advocates', figures);
}

void main();
