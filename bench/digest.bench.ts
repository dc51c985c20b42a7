/**
 * Render and deliver DIGESTS digests (default 1,000: one subscription and recipient each, every
 * section) to a real SMTP server on loopback, over a generated community of MEMBERS members
 * (default 2,000) on a fresh SQLite file, each time through one scheduler tick (claims, content,
 * rendering, SMTP, delivery state). Two runs: `shared`, 1,000 subscribers of the same weekly
 * digest (content loaded once per tick, rendered and sent per subscriber), and `distinct`, each
 * subscription with its own order of the sections (content loaded per digest: the worst case).
 * The baseline,
 * in the same process, is sending as many minimal mails through the same nodemailer transport to
 * the same server: the ratio is what Halo adds to bare SMTP delivery.
 * Run: npx ts-node --transpile-only bench/digest.bench.ts
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { Database } from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { sqliteConnection } from '../src/database/sql';
import { DIGEST_SECTIONS } from '../src/digests/content/digest-sections';
import { DigestRunnerService } from '../src/digests/delivery/digest-runner.service';
import { DigestSubscriptionsService } from '../src/digests/digest-subscriptions.service';
import { MailTransport } from '../src/digests/mail/mail-transport';
import { SendTimes } from '../src/digests/schedule/digest-periods';
import { SeededRandom } from '../src/value/math';
import { RecomputeService } from '../src/value/recompute.service';
import { SmtpTestServer } from '../test/support/smtp-test-server';
import { writeBenchFigures, type BenchFigure } from './bench-result';

const MEMBERS = Number(process.env.MEMBERS ?? 2_000);
const DIGESTS = Number(process.env.DIGESTS ?? 1_000);
const DAY = 86_400_000;
const schedule = {
  cadence: 'weekly' as const,
  weekday: 'monday' as const,
  timezone: 'Europe/Rome',
  sendAt: '08:00',
};

const SECTIONS = [...DIGEST_SECTIONS];

/** The index-th ordering of the items (index below n!). */
function permutation<T>(items: T[], index: number): T[] {
  const pool = [...items];
  const result: T[] = [];
  for (let size = pool.length; size > 0; size -= 1) {
    const factorial = [...Array(size - 1).keys()].reduce((product, k) => product * (k + 1), 1);
    result.push(pool.splice(Math.floor(index / factorial) % size, 1)[0]);
  }
  return result;
}

function generate(db: Database, now: number): void {
  const random = new SeededRandom(7);
  const member = db.prepare(
    "INSERT INTO members (id, name, referral_code, created_at, updated_at, acquired_at, acquired_at_source) VALUES (?, ?, ?, ?, ?, ?, 'firstPurchase')",
  );
  const purchase = db.prepare(
    "INSERT INTO purchases (id, external_id, member_id, kind, amount_minor, currency, base_amount_minor, rate, occurred_at, created_at) VALUES (?, ?, ?, 'order', ?, 'EUR', ?, '1', ?, ?)",
  );
  const review = db.prepare(
    "INSERT INTO reviews (id, member_id, product, rating, title, body, platform, url, url_normalized, published_at, views, helpful_votes, verified_purchase, verified_purchase_source, created_at, updated_at) VALUES (?, ?, 'Trail shoes', ?, 'Great <b>shoes</b>', '<img src=x onerror=alert(1)> Comfortable.', 'trustpilot', ?, ?, ?, ?, 0, 0, 'given', ?, ?)",
  );
  const mention = db.prepare(
    "INSERT INTO mentions (id, platform, handle, handle_normalized, member_id, url, url_normalized, posted_at, reach, likes, shares, comments, clicks, sentiment, created_at, updated_at) VALUES (?, 'instagram', ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?)",
  );
  let orders = 0;
  db.transaction(() => {
    for (let index = 0; index < MEMBERS; index += 1) {
      const id = randomUUID();
      const first = now - Math.floor(random.uniform() * 365) * DAY;
      member.run(id, `Member ${index}`, `M-${index}`, first, first, first);
      for (let t = first; t < now; t += Math.ceil(random.exponential(0.02) + 1) * DAY) {
        const amount = 1000 + Math.floor(random.uniform() * 9000);
        purchase.run(randomUUID(), `o-${(orders += 1)}`, id, amount, amount, t, t);
      }
      const at = now - Math.floor(random.uniform() * 60) * DAY;
      const url = `https://example.com/${randomUUID()}`;
      if (random.uniform() < 0.3)
        review.run(
          randomUUID(),
          id,
          1 + Math.floor(random.uniform() * 5),
          url,
          url,
          at,
          Math.floor(random.uniform() * 900),
          at,
          at,
        );
      else if (random.uniform() < 0.5)
        mention.run(
          randomUUID(),
          `h${index}`,
          `h${index}`,
          id,
          url,
          url,
          at,
          Math.floor(Math.exp(random.normal() * 2 + 6)),
          random.uniform() * 2 - 1,
          at,
          at,
        );
    }
  })();
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'halo-digest-bench-'));
  const smtp = await SmtpTestServer.start();
  Object.assign(process.env, {
    SQLITE_PATH: join(folder, 'bench.sqlite'),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    DIGEST_SCHEDULER: 'false',
    VALUE_RECOMPUTE_IN_WORKER: 'false',
    LOG_LEVEL: 'warn',
  });
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  const dataSource = app.get(DataSource);
  const db = sqliteConnection(dataSource)!;
  const end = new SendTimes(schedule).previous(Date.now());
  let started = performance.now();
  generate(db, end - DAY);
  await app.get(RecomputeService).recompute({ asOf: end - DAY, trigger: 'bench' });
  await app.get(RecomputeService).recompute({ asOf: end - 8 * DAY, trigger: 'bench' });
  console.log(
    `generated and valued ${MEMBERS} members in ${Math.round(performance.now() - started)} ms`,
  );

  // Baseline: bare SMTP delivery of as many small mails through the same transport.
  const transport = app.get(MailTransport);
  started = performance.now();
  for (let index = 0; index < DIGESTS; index += 1)
    await transport.send({
      from: 'Halo <halo@localhost>',
      to: `baseline-${index}@example.com`,
      subject: 'baseline',
      html: '<p>baseline</p>',
      text: 'baseline',
      messageId: `<baseline-${index}@localhost>`,
      headers: {},
    });
  const baselineMs = performance.now() - started;
  smtp.clear();

  const subscriptions = app.get(DigestSubscriptionsService);
  const results: Record<string, unknown>[] = [];
  const figures: BenchFigure[] = [];
  for (const run of ['shared', 'distinct'] as const) {
    for (let index = 0; index < DIGESTS; index += 1)
      await subscriptions.create(
        {
          ...schedule,
          recipients: [`${run}-${index}@example.com`],
          language: index % 2 ? 'it' : 'en',
          sections: run === 'distinct' ? permutation(SECTIONS, index) : undefined,
        },
        end - 7 * DAY + 1,
      );
    smtp.clear();
    started = performance.now();
    const summary = await app.get(DigestRunnerService).tick(end + 1_000);
    const tickMs = performance.now() - started;
    const [{ sent }] = await dataSource.query(
      "SELECT COUNT(*) AS sent FROM digest_deliveries WHERE status = 'sent' AND recipient LIKE ?",
      [`${run}-%`],
    );
    const bytes = smtp.mails.reduce((sum, mail) => sum + mail.raw.length, 0);
    results.push({
      run,
      digests: DIGESTS,
      claimed: summary.claimed,
      sent: Number(sent),
      received: smtp.mails.length,
      averageMailKb: Math.round(bytes / Math.max(1, smtp.mails.length) / 1024),
      renderAndDeliverMs: Math.round(tickMs),
      perDigestMs: Number((tickMs / DIGESTS).toFixed(1)),
      ratioToBaseline: Number((tickMs / baselineMs).toFixed(1)),
    });
    figures.push({
      figure: `digest: ${DIGESTS} digests, ${run} content`,
      value: Math.round(tickMs),
      unit: 'ms',
      baseline: Math.round(baselineMs),
      baselineLabel: `${DIGESTS} bare mails, same SMTP`,
      better: 'lower',
      note: `${Number(sent)} sent, ${MEMBERS} members`,
    });
    // The shared subscriptions are done; keep them out of the next tick.
    await dataSource.query('UPDATE digest_subscriptions SET active = ?', [0]);
  }
  console.log(JSON.stringify({ baselineBareSmtpMs: Math.round(baselineMs), results }, null, 2));
  writeBenchFigures('digest', figures);
  await app.close();
  await smtp.stop();
  rmSync(folder, { recursive: true, force: true });
}

void main();
