/**
 * Recompute on a generated brand: MEMBERS members (default 100,000) with about a million
 * purchases and activities (orders, reviews, mentions, referrals, events with attendance and
 * guests, feedback), on a fresh SQLite file. Reports the recompute time as a ratio to a
 * baseline measured in the same process (one full scan-and-group of the purchases table), and
 * the peak RSS of the measuring process (its main thread and the recompute's worker threads).
 * The recompute runs as in the service: in a worker thread with its own connection.
 * BENCH_DB=<file> keeps the generated database and reuses it on the next run (which then
 * replaces the snapshots of the same date, a little slower than a new date's).
 * Run: npx ts-node --transpile-only bench/recompute.bench.ts
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadSettings } from '../src/config/load-settings';
import { dataSourceOptions } from '../src/database/data-source-options';
import { SeededRandom } from '../src/value/math';
import { RecomputeOutcome } from '../src/value/recompute-job';
import { runInWorker } from '../src/value/run-in-worker';
import { ValueRun } from '../src/value/value-run.entity';

const MEMBERS = Number(process.env.MEMBERS ?? 100_000);
const DAY = 86_400_000;
const AS_OF = Date.UTC(2026, 10, 1);

let peakRss = 0;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

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
  const insertEvent = db.prepare(
    "INSERT INTO events (id, name, kind, starts_at, cost_minor, currency, base_cost_minor, rate, created_at, updated_at) VALUES (?, ?, 'in-person', ?, 50000, 'EUR', 50000, '1', ?, ?)",
  );
  const insertAttendance = db.prepare(
    "INSERT INTO event_attendance (id, event_id, member_id, role, status, registered_at, attended_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'attended', ?, ?, ?, ?)",
  );
  const insertGuest = db.prepare(
    'INSERT INTO event_guests (id, attendance_id, event_id, guest_member_id, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertFeedback = db.prepare(
    "INSERT INTO feedback (id, member_id, kind, text, text_hash, status, submitted_at, accepted_at, shipped_at, created_at, updated_at) VALUES (?, ?, 'idea', 'An idea', ?, ?, ?, ?, ?, ?, ?)",
  );
  const counts = {
    members: 0,
    purchases: 0,
    reviews: 0,
    mentions: 0,
    referrals: 0,
    attendance: 0,
    guests: 0,
    feedback: 0,
  };
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
      const rate = random.gamma(0.243, 30.9 / 22);
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
      if (random.uniform() < 0.3) {
        const at = first + Math.floor(random.uniform() * (AS_OF - first));
        const status = random.uniform() < 0.5 ? 'submitted' : 'shipped';
        const done = status === 'shipped' ? at + DAY : null;
        insertFeedback.run(randomUUID(), id, `hash-${index}`, status, at, done, done, at, at);
        counts.feedback += 1;
      }
    }
    // Two events a day over two years, each with about 80 attendees, a host and a few guests.
    for (let day = 0; day < 730 * 2; day += 1) {
      const eventId = randomUUID();
      const startsAt = AS_OF - Math.floor(day / 2) * DAY - (day % 2) * 3_600_000;
      insertEvent.run(eventId, `Meetup ${day}`, startsAt, startsAt, startsAt);
      const seen = new Set<string>();
      for (let seat = 0; seat < 80; seat += 1) {
        const memberId = ids[Math.floor(random.uniform() * ids.length)];
        if (seen.has(memberId)) continue;
        seen.add(memberId);
        const attendanceId = randomUUID();
        const role = seat === 0 ? 'host' : 'attendee';
        insertAttendance.run(
          attendanceId,
          eventId,
          memberId,
          role,
          startsAt,
          startsAt,
          startsAt,
          startsAt,
        );
        counts.attendance += 1;
        if (random.uniform() < 0.05) {
          const guestId = ids[Math.floor(random.uniform() * ids.length)];
          if (guestId === memberId || seen.has(guestId)) continue;
          insertGuest.run(randomUUID(), attendanceId, eventId, guestId, startsAt);
          counts.guests += 1;
        }
      }
    }
  })();
  await runner.release();
  return counts;
}

async function main(): Promise<void> {
  const file =
    process.env.BENCH_DB ?? join(mkdtempSync(join(tmpdir(), 'halo-bench-')), 'bench.sqlite');
  if (process.argv.includes('--measure')) return measure(file);
  if (existsSync(file)) {
    console.log(`reusing ${file}`);
  } else {
    const dataSource = await open(file);
    const generating = Date.now();
    const counts = await generate(dataSource);
    console.log(
      `generated in ${Date.now() - generating} ms:`,
      counts,
      `purchases and activities ${Object.entries(counts)
        .filter(([key]) => key !== 'members')
        .reduce((sum, [, value]) => sum + value, 0)}`,
    );
    await dataSource.destroy();
  }
  // A fresh process measures, so that its memory is the recompute's and not the generator's.
  const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--measure'], {
    env: { ...process.env, BENCH_DB: file },
    stdio: 'inherit',
  });
  process.exitCode = child.status ?? 1;
}

async function open(file: string): Promise<DataSource> {
  const settings = loadSettings({ SQLITE_PATH: file });
  const dataSource = new DataSource({ ...dataSourceOptions(settings), migrationsRun: true });
  await dataSource.initialize();
  return dataSource;
}

async function measure(file: string): Promise<void> {
  const settings = loadSettings({ SQLITE_PATH: file });
  const dataSource = await open(file);
  // The baseline does the grouping work but returns one row, so that no result lingers in
  // this process's memory during the recompute.
  const baselineStarted = performance.now();
  await dataSource.query(
    'SELECT COUNT(*), SUM(total) FROM (SELECT member_id, occurred_at / 86400000 AS day, SUM(base_amount_minor) AS total FROM purchases GROUP BY member_id, occurred_at / 86400000) days',
  );
  const baselineMs = performance.now() - baselineStarted;
  const sampler = setInterval(sample, 20);
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
  // The production path: a worker thread with its own connection.
  // Timed from the worker's first progress message, so that ts-node compiling the worker's
  // modules (which the built app does not do) is left out and reported apart.
  const stages: Record<string, number> = {};
  const launched = performance.now();
  let started = 0;
  let last = 0;
  let stage = 'start';
  const outcome = await runInWorker<RecomputeOutcome>(
    join(__dirname, '../src/value'),
    'recompute.worker',
    { settings: JSON.parse(JSON.stringify(settings)), runId, asOf: AS_OF },
    (message) => {
      if (message.type !== 'progress') return;
      const now = performance.now();
      if (!started) started = last = now;
      stages[stage] = (stages[stage] ?? 0) + now - last;
      last = now;
      stage = String(message.stage);
    },
  );
  const finished = performance.now();
  stages[stage] = (stages[stage] ?? 0) + finished - last;
  delete stages.start;
  console.log(
    'stage ms',
    Object.fromEntries(Object.entries(stages).map(([key, value]) => [key, Math.round(value)])),
  );
  const recomputeMs = finished - started;
  const workerStartMs = started - launched;
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
        workerStartMs: Math.round(workerStartMs),
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
