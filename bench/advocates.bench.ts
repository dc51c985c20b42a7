/**
 * Latency of the ranking on a generated brand: MEMBERS members (default 100,000) with about a
 * million purchases and activities on a fresh SQLite file, valued twice (30 days ago and
 * today) by the real recompute. Then the real app serves HTTP in this process and the bench
 * reports p50/p99 of `GET /api/v1/advocates?limit=50&tier=…` (and other sorts, segments and
 * filters) next to `GET /health`, the baseline, plus the query plan of the ranking.
 * Run: npx ts-node --transpile-only bench/advocates.bench.ts
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { orderBy, rankingSql } from '../src/advocates/ranking/ranking-sql';
import { AppModule } from '../src/app.module';
import { loadSettings } from '../src/config/load-settings';
import { configureApp } from '../src/configure-app';
import { dataSourceOptions } from '../src/database/data-source-options';
import { SeededRandom } from '../src/value/math';
import { asOfDate, executeRecompute } from '../src/value/recompute-job';
import { ValueRun } from '../src/value/value-run.entity';

const MEMBERS = Number(process.env.MEMBERS ?? 100_000);
const REQUESTS = Number(process.env.REQUESTS ?? 200);
const DAY = 86_400_000;
const TODAY = Math.floor(Date.now() / DAY) * DAY;
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const CHANNELS = ['referral', 'paid-search', 'events', 'organic', 'social'];
const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'blog'];

/** A brand much like bench/recompute.bench.ts: BG/NBD-like buying, content, referrals, tags. */
function generate(db: Database): Record<string, number> {
  const random = new SeededRandom(7);
  const statement = (sql: string) => db.prepare(sql);
  const member = statement(
    "INSERT INTO members (id, name, email, email_normalized, referral_code, acquisition_channel, created_at, updated_at, acquired_at, acquired_at_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'firstPurchase')",
  );
  const tag = statement('INSERT INTO member_tags (member_id, tag) VALUES (?, ?)');
  const purchase = statement(
    "INSERT INTO purchases (id, external_id, member_id, kind, amount_minor, currency, base_amount_minor, rate, occurred_at, created_at, attribution_mention_id) VALUES (?, ?, ?, 'order', ?, 'EUR', ?, '1', ?, ?, ?)",
  );
  const identity = statement(
    'INSERT INTO identities (id, member_id, platform, handle, handle_normalized, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const mention = statement(
    'INSERT INTO mentions (id, platform, handle, handle_normalized, member_id, url, url_normalized, posted_at, reach, likes, shares, comments, clicks, sentiment, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?)',
  );
  const review = statement(
    "INSERT INTO reviews (id, member_id, product, rating, platform, url, url_normalized, published_at, views, helpful_votes, verified_purchase, verified_purchase_source, created_at, updated_at) VALUES (?, ?, 'Product', 5, 'trustpilot', ?, ?, ?, ?, 0, 0, 'given', ?, ?)",
  );
  const referral = statement(
    "INSERT INTO referrals (id, referrer_id, referee_member_id, code, status, reward_minor, reward_currency, base_reward_minor, reward_rate, invited_at, converted_at, flags, created_at, updated_at) VALUES (?, ?, ?, 'CODE', 'converted', 1000, 'EUR', 1000, '1', ?, ?, '', ?, ?)",
  );
  const counts = { members: 0, purchases: 0, mentions: 0, reviews: 0, referrals: 0 };
  const ids: string[] = [];
  const mentions: { id: string; at: number }[] = [];
  db.transaction(() => {
    for (let index = 0; index < MEMBERS; index += 1) {
      const id = randomUUID();
      ids.push(id);
      const first = TODAY - Math.floor(random.uniform() * 730) * DAY;
      const channel = CHANNELS[Math.floor(random.uniform() * CHANNELS.length)];
      member.run(
        id,
        `Member ${index}`,
        `m${index}@example.com`,
        `m${index}@example.com`,
        `M-${index}`,
        channel,
        first,
        first,
        first,
      );
      counts.members += 1;
      if (random.uniform() < 0.1) tag.run(id, 'vip');
      const rate = random.gamma(0.243, 30.9 / 8);
      const dropOut = random.beta(0.793, 2.426);
      const spend = 1000 + Math.floor(random.gamma(6.25, 1 / 400));
      for (
        let t = first, n = 0;
        t <= TODAY;
        t += Math.ceil(random.exponential(rate) || 1e9) * DAY, n += 1
      ) {
        const content =
          mentions.length && random.uniform() < 0.05
            ? mentions[Math.floor(random.uniform() * mentions.length)]
            : null;
        purchase.run(
          randomUUID(),
          `o-${counts.purchases}`,
          id,
          spend,
          spend,
          t + 3_600_000,
          t,
          content && content.at < t ? content.id : null,
        );
        counts.purchases += 1;
        if (n > 0 && random.uniform() < dropOut) break;
      }
      const at = first + Math.floor(random.uniform() * (TODAY - first));
      const roll = random.uniform();
      if (roll < 0.5) {
        const platform = PLATFORMS[Math.floor(random.uniform() * PLATFORMS.length)];
        const contentId = randomUUID();
        identity.run(randomUUID(), id, platform, `@h${index}`, `h${index}`, first);
        mention.run(
          contentId,
          platform,
          `@h${index}`,
          `h${index}`,
          id,
          `https://s.example/${contentId}`,
          `https://s.example/${contentId}`,
          at,
          Math.floor(Math.exp(random.normal() * 2 + 6)),
          random.uniform() * 2 - 1,
          at,
          at,
        );
        mentions.push({ id: contentId, at });
        counts.mentions += 1;
      } else if (roll < 0.75) {
        const contentId = randomUUID();
        review.run(
          contentId,
          id,
          `https://r.example/${contentId}`,
          `https://r.example/${contentId}`,
          at,
          Math.floor(random.uniform() * 1000),
          at,
          at,
        );
        counts.reviews += 1;
      }
      if (index > 0 && random.uniform() < 0.2) {
        referral.run(
          randomUUID(),
          ids[Math.floor(random.uniform() * index)],
          id,
          first - DAY,
          first,
          first,
          first,
        );
        counts.referrals += 1;
      }
    }
  })();
  return counts;
}

function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

async function latency(
  url: string,
  headers: Record<string, string>,
  requests = REQUESTS,
): Promise<{ p50: number; p99: number; total?: number }> {
  let body: { total?: number } = {};
  for (let warmup = 0; warmup < 5; warmup += 1)
    body = (await (await fetch(url, { headers })).json()) as { total?: number };
  const samples: number[] = [];
  for (let request = 0; request < requests; request += 1) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    samples.push(performance.now() - started);
  }
  const round = (value: number) => Number(value.toFixed(2));
  return {
    p50: round(percentile(samples, 0.5)),
    p99: round(percentile(samples, 0.99)),
    ...(typeof body.total === 'number' ? { total: body.total } : {}),
  };
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'halo-bench-advocates-'));
  const sqlitePath = join(folder, 'bench.sqlite');
  const settings = loadSettings({ SQLITE_PATH: sqlitePath });
  const dataSource = new DataSource({ ...dataSourceOptions(settings), migrationsRun: true });
  await dataSource.initialize();
  let started = performance.now();
  const db = (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
  console.log('generated', generate(db), `in ${Math.round(performance.now() - started)} ms`);
  for (const asOf of [TODAY - 30 * DAY, TODAY]) {
    const runId = randomUUID();
    await dataSource.getRepository(ValueRun).insert({
      id: runId,
      asOf,
      asOfDate: asOfDate(asOf),
      status: 'running',
      trigger: 'bench',
      startedAt: Date.now(),
      members: 0,
    });
    started = performance.now();
    const outcome = await executeRecompute(dataSource, settings, runId, asOf);
    console.log(
      `recompute as of ${asOfDate(asOf)}: ${outcome.members} members, ${outcome.method}, ${Math.round(performance.now() - started)} ms`,
    );
  }
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
    tiers: settings.advocates.tiers.map((tier) => tier.name),
    atRiskPAlive: settings.advocates.atRiskPAlive,
    gems: null,
  };
  for (const [name, variant] of Object.entries({
    'tier=Advocate': { sort: 'extendedValue', filters: { tier: 'Advocate' } },
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

  Object.assign(process.env, {
    SQLITE_PATH: sqlitePath,
    HALO_ADMIN_KEY: ADMIN_KEY,
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    logger: ['error', 'warn'],
  });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const url = await app.getUrl();
  const auth = { Authorization: `Bearer ${ADMIN_KEY}` };
  const report = (name: string, result: object) =>
    console.log(name.padEnd(62), JSON.stringify(result));
  report('/health (baseline)', await latency(`${url}/health`, {}));
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
  report('/api/v1/advocates/tiers', await latency(`${url}/api/v1/advocates/tiers`, auth));
  report(
    '/api/v1/metrics/community?interval=day',
    await latency(`${url}/api/v1/metrics/community?interval=day`, auth, heavy),
  );
  await app.close();
}

void main();
