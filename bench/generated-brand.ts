/**
 * The generated brand the HTTP benches share: MEMBERS members with about ten purchases each
 * (BG/NBD-like buying), mentions, reviews, referrals and tags, valued twice (30 days ago and
 * today) by the real recompute, on a SQLite file. BENCH_DB=<file> keeps the database and reuses
 * it on the next run (its dates then lie as many days back as the file is old).
 */
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { loadSettings } from '../src/config/load-settings';
import { configureApp } from '../src/configure-app';
import { HaloSettings } from '../src/config/halo-settings';
import { dataSourceOptions } from '../src/database/data-source-options';
import { sqliteConnection } from '../src/database/sql';
import { SeededRandom } from '../src/value/math';
import { asOfDate, executeRecompute } from '../src/value/recompute-job';
import { ValueRun } from '../src/value/value-run.entity';

export const DAY = 86_400_000;
export const TODAY = Math.floor(Date.now() / DAY) * DAY;
const CHANNELS = ['referral', 'paid-search', 'events', 'organic', 'social'];
const PLATFORMS = ['instagram', 'tiktok', 'youtube', 'blog'];

/** The tables generateBrand fills, parents before children (for copying them elsewhere). */
export const BRAND_TABLES = [
  'members',
  'member_tags',
  'identities',
  'purchases',
  'mentions',
  'reviews',
  'referrals',
  'events',
  'event_attendance',
  'event_guests',
  'feedback',
] as const;

export interface BrandOptions {
  /** The day purchases and activity run up to; default today. */
  until?: number;
  /** Buying rates are Gamma(0.243, 30.9 / rateFactor) a day: CDNOW's shape, more active. */
  rateFactor?: number;
  /** Also events (two a day, ~80 attendees, a host, a few guests) and feedback. */
  eventsAndFeedback?: boolean;
}

/**
 * A brand: BG/NBD-like buying (CDNOW's parameters, more active), mentions with skewed reach,
 * reviews, referrals and tags; with `eventsAndFeedback`, events with attendance and guests and
 * product feedback too.
 */
export function generateBrand(
  db: Database,
  members: number,
  options: BrandOptions = {},
): Record<string, number> {
  const until = options.until ?? TODAY;
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
  const counts: Record<string, number> = {
    members: 0,
    purchases: 0,
    mentions: 0,
    reviews: 0,
    referrals: 0,
  };
  const ids: string[] = [];
  const mentions: { id: string; at: number }[] = [];
  db.transaction(() => {
    for (let index = 0; index < members; index += 1) {
      const id = randomUUID();
      ids.push(id);
      const first = until - Math.floor(random.uniform() * 730) * DAY;
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
      const rate = random.gamma(0.243, 30.9 / (options.rateFactor ?? 8));
      const dropOut = random.beta(0.793, 2.426);
      const spend = 1000 + Math.floor(random.gamma(6.25, 1 / 400));
      for (
        let t = first, n = 0;
        t <= until;
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
      const at = first + Math.floor(random.uniform() * (until - first));
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
    if (options.eventsAndFeedback) generateEventsAndFeedback(db, random, ids, until, counts);
  })();
  return counts;
}

/** Two events a day over two years, each with about 80 attendees, a host and a few guests; feedback from 30 % of members. */
function generateEventsAndFeedback(
  db: Database,
  random: SeededRandom,
  ids: string[],
  until: number,
  counts: Record<string, number>,
): void {
  const event = db.prepare(
    "INSERT INTO events (id, name, kind, starts_at, cost_minor, currency, base_cost_minor, rate, created_at, updated_at) VALUES (?, ?, 'in-person', ?, 50000, 'EUR', 50000, '1', ?, ?)",
  );
  const attendance = db.prepare(
    "INSERT INTO event_attendance (id, event_id, member_id, role, status, registered_at, attended_at, created_at, updated_at) VALUES (?, ?, ?, ?, 'attended', ?, ?, ?, ?)",
  );
  const guest = db.prepare(
    'INSERT INTO event_guests (id, attendance_id, event_id, guest_member_id, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const feedback = db.prepare(
    "INSERT INTO feedback (id, member_id, kind, text, text_hash, status, submitted_at, accepted_at, shipped_at, created_at, updated_at) VALUES (?, ?, 'idea', 'An idea', ?, ?, ?, ?, ?, ?, ?)",
  );
  Object.assign(counts, { attendance: 0, guests: 0, feedback: 0 });
  const pick = () => ids[Math.floor(random.uniform() * ids.length)];
  for (let day = 0; day < 730 * 2; day += 1) {
    const eventId = randomUUID();
    const startsAt = until - Math.floor(day / 2) * DAY - (day % 2) * 3_600_000;
    event.run(eventId, `Meetup ${day}`, startsAt, startsAt, startsAt);
    const seen = new Set<string>();
    for (let seat = 0; seat < 80; seat += 1) {
      const memberId = pick();
      if (seen.has(memberId)) continue;
      seen.add(memberId);
      const attendanceId = randomUUID();
      const role = seat === 0 ? 'host' : 'attendee';
      attendance.run(attendanceId, eventId, memberId, role, startsAt, startsAt, startsAt, startsAt);
      counts.attendance += 1;
      if (random.uniform() < 0.05) {
        const guestId = pick();
        if (guestId === memberId || seen.has(guestId)) continue;
        guest.run(randomUUID(), attendanceId, eventId, guestId, startsAt);
        counts.guests += 1;
      }
    }
  }
  ids.forEach((memberId, index) => {
    if (random.uniform() >= 0.3) return;
    const at = until - Math.floor(random.uniform() * 700) * DAY;
    const status = random.uniform() < 0.5 ? 'submitted' : 'shipped';
    const done = status === 'shipped' ? at + DAY : null;
    feedback.run(randomUUID(), memberId, `hash-${index}`, status, at, done, done, at, at);
    counts.feedback += 1;
  });
}

export function percentile(samples: number[], share: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

export async function latency(
  url: string,
  headers: Record<string, string>,
  requests: number,
  /** Run before each timed request, untimed (a write that makes a kept answer stale). */
  before?: () => Promise<unknown>,
): Promise<{ p50: number; p99: number; total?: number }> {
  let body: { total?: number } = {};
  for (let warmup = 0; warmup < 5; warmup += 1)
    body = (await (await fetch(url, { headers })).json()) as { total?: number };
  const samples: number[] = [];
  for (let request = 0; request < requests; request += 1) {
    await before?.();
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

export interface Brand {
  sqlitePath: string;
  settings: HaloSettings;
  /** Open, migrated; the caller destroys it before the app opens the file. */
  dataSource: DataSource;
}

/** Generates and values the brand on a fresh file, or reopens BENCH_DB if it exists. */
export async function prepareBrand(members: number): Promise<Brand> {
  const sqlitePath =
    process.env.BENCH_DB ?? join(mkdtempSync(join(tmpdir(), 'halo-bench-brand-')), 'bench.sqlite');
  const reuse = existsSync(sqlitePath);
  const settings = loadSettings({ SQLITE_PATH: sqlitePath });
  const dataSource = new DataSource({ ...dataSourceOptions(settings), migrationsRun: true });
  await dataSource.initialize();
  if (reuse) {
    console.log(`reusing ${sqlitePath}`);
    return { sqlitePath, settings, dataSource };
  }
  let started = performance.now();
  const db = sqliteConnection(dataSource)!;
  console.log(
    'generated',
    generateBrand(db, members),
    `in ${Math.round(performance.now() - started)} ms`,
  );
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
    const outcome = await executeRecompute(dataSource, settings, runId, asOf, 'bench');
    console.log(
      `recompute as of ${asOfDate(asOf)}: ${outcome.members} members, ${outcome.method}, ${Math.round(performance.now() - started)} ms`,
    );
  }
  return { sqlitePath, settings, dataSource };
}

/** The bench's admin key, seeded through HALO_ADMIN_KEY. */
export const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';

/** The real app on the brand's file, serving HTTP on a free port of this process. */
export async function serveBrand(
  sqlitePath: string,
): Promise<{ app: INestApplication; url: string }> {
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
  return { app, url: await app.getUrl() };
}
