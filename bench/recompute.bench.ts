/**
 * Recompute on a generated brand: MEMBERS members (default 100,000) with about a million
 * purchases and activities, on a fresh SQLite file. Reports the recompute time as a ratio to a
 * baseline measured in the same process (one full scan-and-group of the purchases table), and
 * peak RSS. Run: npx ts-node --transpile-only bench/recompute.bench.ts
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadSettings } from '../src/config/load-settings';
import { dataSourceOptions } from '../src/database/data-source-options';
import { SeededRandom } from '../src/value/math';
import { executeRecompute } from '../src/value/recompute-job';
import { ValueRun } from '../src/value/value-run.entity';

const MEMBERS = Number(process.env.MEMBERS ?? 100_000);
const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 10, 1);

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));
const sampler = setInterval(sample, 20);

async function generate(dataSource: DataSource): Promise<Record<string, number>> {
  const random = new SeededRandom(42);
  const runner = dataSource.createQueryRunner();
  const db = (
    dataSource.driver as unknown as { databaseConnection: import('better-sqlite3').Database }
  ).databaseConnection;
  const insertMember = db.prepare(
    "INSERT INTO members (id, referral_code, created_at, updated_at, acquired_at, acquired_at_source) VALUES (?, ?, ?, ?, ?, 'firstPurchase')",
  );
  const insertPurchase = db.prepare(
    "INSERT INTO purchases (id, external_id, member_id, kind, amount_minor, currency, base_amount_minor, rate, occurred_at, created_at, attribution_review_id, attribution_mention_id) VALUES (?, ?, ?, 'order', ?, 'EUR', ?, '1', ?, ?, ?, ?)",
  );
  const insertReview = db.prepare(
    "INSERT INTO reviews (id, member_id, product, rating, platform, url, url_normalized, published_at, views, helpful_votes, verified_purchase, verified_purchase_source, created_at, updated_at) VALUES (?, ?, 'Product', 5, 'trustpilot', ?, ?, ?, ?, 0, 0, 'given', ?, ?)",
  );
  const insertMention = db.prepare(
    "INSERT INTO mentions (id, platform, handle, handle_normalized, member_id, url, url_normalized, posted_at, reach, likes, shares, comments, clicks, sentiment, created_at, updated_at) VALUES (?, 'instagram', ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0.5, ?, ?)",
  );
  const insertReferral = db.prepare(
    "INSERT INTO referrals (id, referrer_id, referee_member_id, code, status, reward_minor, reward_currency, base_reward_minor, reward_rate, invited_at, converted_at, flags, created_at, updated_at) VALUES (?, ?, ?, ?, 'converted', 1000, 'EUR', 1000, '1', ?, ?, '', ?, ?)",
  );
  const counts = { members: 0, purchases: 0, reviews: 0, mentions: 0, referrals: 0 };
  const ids: string[] = [];
  const contents: { id: string; kind: 'review' | 'mention'; at: number }[] = [];
  db.transaction(() => {
    for (let index = 0; index < MEMBERS; index += 1) {
      const id = randomUUID();
      ids.push(id);
      const first = AS_OF - Math.floor(random.uniform() * 730) * DAY;
      insertMember.run(id, `M-${index}`, first, first, first);
      counts.members += 1;
      // BG/NBD story with CDNOW-like parameters in days, three times as active.
      const rate = random.gamma(0.243, 30.9 / 8);
      const dropOut = random.beta(0.793, 2.426);
      const spend = 1000 + Math.floor(random.gamma(6.25, 1 / 400));
      for (
        let t = first, n = 0;
        t <= AS_OF;
        t += Math.ceil(random.exponential(rate) || 1e9) * DAY, n += 1
      ) {
        const content =
          contents.length && random.uniform() < 0.05
            ? contents[Math.floor(random.uniform() * contents.length)]
            : null;
        insertPurchase.run(
          randomUUID(),
          `o-${counts.purchases}`,
          id,
          spend,
          spend,
          t + 3_600_000,
          t,
          content?.kind === 'review' ? content.id : null,
          content?.kind === 'mention' ? content.id : null,
        );
        counts.purchases += 1;
        if (n > 0 && random.uniform() < dropOut) break;
      }
      if (random.uniform() < 0.9) {
        const contentId = randomUUID();
        const at = first + Math.floor(random.uniform() * (AS_OF - first));
        if (random.uniform() < 0.5) {
          insertReview.run(
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
          contents.push({ id: contentId, kind: 'review', at });
        } else {
          const reach = Math.floor(Math.exp(random.normal() * 2 + 6));
          insertMention.run(
            contentId,
            `h${index}`,
            `h${index}`,
            id,
            `https://i.example/${contentId}`,
            `https://i.example/${contentId}`,
            at,
            reach,
            at,
            at,
          );
          counts.mentions += 1;
          contents.push({ id: contentId, kind: 'mention', at });
        }
      }
      if (index > 0 && random.uniform() < 0.2) {
        const referrer = ids[Math.floor(random.uniform() * index)];
        insertReferral.run(randomUUID(), referrer, id, 'CODE', first - DAY, first, first, first);
        counts.referrals += 1;
      }
    }
  })();
  await runner.release();
  return counts;
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'halo-bench-'));
  const settings = loadSettings({ SQLITE_PATH: join(folder, 'bench.sqlite') });
  const dataSource = new DataSource({ ...dataSourceOptions(settings), migrationsRun: true });
  await dataSource.initialize();
  let started = Date.now();
  const counts = await generate(dataSource);
  console.log(
    `generated in ${Date.now() - started} ms:`,
    counts,
    `total rows ${Object.values(counts).reduce((a, b) => a + b, 0)}`,
  );

  started = performance.now();
  await dataSource.query(
    'SELECT member_id, occurred_at / 86400000 AS day, SUM(base_amount_minor) FROM purchases GROUP BY member_id, occurred_at / 86400000',
  );
  const baselineMs = performance.now() - started;
  peakRss = 0;
  sample();
  const runId = randomUUID();
  await dataSource.getRepository(ValueRun).insert({
    id: runId,
    asOf: AS_OF,
    asOfDate: '2026-11-01',
    status: 'running',
    trigger: 'bench',
    startedAt: Date.now(),
    members: 0,
  });
  started = performance.now();
  const stages: Record<string, number> = {};
  let last = performance.now();
  let stage = 'start';
  const outcome = await executeRecompute(dataSource, settings, runId, AS_OF, (name) => {
    const now = performance.now();
    stages[stage] = (stages[stage] ?? 0) + now - last;
    last = now;
    stage = name;
  });
  stages[stage] = (stages[stage] ?? 0) + performance.now() - last;
  console.log(
    'stage ms',
    Object.fromEntries(Object.entries(stages).map(([key, value]) => [key, Math.round(value)])),
  );
  const recomputeMs = performance.now() - started;
  clearInterval(sampler);
  const run = await dataSource.getRepository(ValueRun).findOneByOrFail({ id: runId });
  const model = JSON.parse(run.model ?? '{}');
  console.log(
    JSON.stringify(
      {
        members: outcome.members,
        method: outcome.method,
        bgnbd: model.bgnbd && {
          r: model.bgnbd.r,
          alpha: model.bgnbd.alpha,
          a: model.bgnbd.a,
          b: model.bgnbd.b,
        },
        baselineGroupByMs: Math.round(baselineMs),
        recomputeMs: Math.round(recomputeMs),
        ratioToBaseline: Number((recomputeMs / baselineMs).toFixed(1)),
        peakRssMb: Math.round(peakRss / 1024 / 1024),
      },
      null,
      2,
    ),
  );
  await dataSource.destroy();
}

void main();
