import { randomUUID } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../src/database/migrations';
import { Lease } from '../../src/database/lease.entity';
import { Member } from '../../src/members/member.entity';
import { DigestRunnerService } from '../../src/digests/delivery/digest-runner.service';
import { OutboxRetentionService } from '../../src/digests/outbox-retention.service';
import { SendTimes } from '../../src/digests/schedule/digest-periods';
import { SystemSummaryService } from '../../src/system/system-summary.service';
import { RECOMPUTE_LEASE } from '../../src/value/recompute-lock';
import { ValueRun, ValueRunStatus } from '../../src/value/value-run.entity';
import { WebhookDelivery } from '../../src/webhooks/webhook-delivery.entity';
import { createMember, createPurchase, createReferral } from '../support/factories';
import { SmtpTestServer } from '../support/smtp-test-server';
import { TestApp, createTestApp } from '../support/test-app';
import { startWebhookReceiver } from '../support/webhook-receiver';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const VERSION = (
  JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

/**
 * GET /api/v1/system and /health (issue #13 item 8): each scenario puts one thing wrong in the
 * database (a failed run, a stale one, a refused digest, an overdue outbox file), checks both
 * answers, then puts it right and checks that health is ok again. The summary cache is off
 * (SYSTEM_SUMMARY_CACHE_SECONDS=0) except in the test of the cache itself.
 */
describe('system summary and health', () => {
  jest.setTimeout(120_000);
  let test: TestApp;
  let smtp: SmtpTestServer;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let outbox: string;
  let member: Record<string, any>;
  /** A receiver that always answers 500, at a url whose path carries a token. */
  const DOWN = '/hooks/T0KEN-do-not-show';

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    receiver = await startWebhookReceiver({ [DOWN]: [500] });
    outbox = join(mkdtempSync(join(tmpdir(), 'halo-system-')), 'outbox');
    test = await createTestApp({
      SYSTEM_SUMMARY_CACHE_SECONDS: '0',
      VALUE_RECOMPUTE_IN_WORKER: 'false',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      DIGEST_OUTBOX_DIR: outbox,
      DIGEST_OUTBOX_RETENTION_DAYS: '30',
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOKS_MAX_ATTEMPTS: '1',
      WEBHOOKS_SCHEDULER: 'false',
    });
    member = await createMember(test, { name: 'Grace Hopper', email: 'grace@navy.example' });
    await createPurchase(test, { memberId: member.id, amount: '80.00' });
  });
  afterAll(async () => {
    await test.close();
    await smtp.stop();
    await receiver.close();
    rmSync(join(outbox, '..'), { recursive: true, force: true });
  });

  const system = async (query: Record<string, string> = {}) => {
    const response = await test
      .http()
      .get('/api/v1/system')
      .query(query)
      .set('Authorization', test.keys.admin);
    expect(response.status).toBe(200);
    return response.body as Record<string, any>;
  };
  const health = async (query: Record<string, string> = {}) => {
    const response = await test.http().get('/health').query(query);
    expect(response.status).toBe(200);
    return response.body as Record<string, any>;
  };
  const dataSource = () => test.app.get(DataSource);
  const runs = () => dataSource().getRepository(ValueRun);
  const codes = (body: Record<string, any>) =>
    (body.reasons as { code: string }[]).map((reason) => reason.code);
  const insertRun = async (status: ValueRunStatus, startedAt: number, error: string | null) => {
    const run = Object.assign(new ValueRun(), {
      id: randomUUID(),
      asOf: startedAt,
      asOfDate: new Date(startedAt).toISOString().slice(0, 10),
      status,
      trigger: 'api',
      startedAt,
      finishedAt: status === 'running' ? null : startedAt + 2_000,
      durationMs: status === 'running' ? null : 2_000,
      members: 0,
      method: null,
      model: null,
      error,
    });
    await runs().insert(run);
    return run;
  };
  const expectHealthy = async () => {
    expect(await health()).toEqual({
      status: 'ok',
      database: { type: expect.any(String), ready: true },
      reasons: [],
    });
    expect((await system()).status).toBe('ok');
  };

  it('is ok on a fresh database, and describes the database, version and uptime', async () => {
    await expectHealthy();
    const summary = await system();
    expect(summary).toMatchObject({
      status: 'ok',
      reasons: [],
      version: VERSION,
      uptimeSeconds: expect.any(Number),
    });
    expect(Date.parse(summary.checkedAt)).toBeGreaterThan(Date.now() - MINUTE);
    expect(Date.parse(summary.startedAt)).toBeLessThanOrEqual(Date.parse(summary.checkedAt));
    const { database, recompute, digests, outbox: folder, imports, webhooks } = summary.sections;
    expect(database.migrations).toEqual({
      applied: MIGRATIONS.length,
      pending: 0,
      // Named after the class, as every migration here is.
      last: MIGRATIONS[MIGRATIONS.length - 1].name,
    });
    expect(database.sizeBytes).toBeGreaterThan(0);
    if (test.database.kind === 'sqlite') {
      expect(database.kind).toBe('sqlite');
      expect(database.sqlite.file).toBe(test.database.environment.SQLITE_PATH);
      expect(database.sqlite.fileBytes).toBeGreaterThan(0);
      expect(database.sizeBytes).toBe(database.sqlite.fileBytes + database.sqlite.walBytes);
    } else {
      expect(database).toMatchObject({ kind: 'postgres', sqlite: null });
      const [{ size }] = await dataSource().query(
        'SELECT pg_database_size(current_database()) AS size',
      );
      // The same measure, give or take what the requests since wrote.
      expect(Math.abs(database.sizeBytes - Number(size))).toBeLessThan(2 * 1024 * 1024);
    }
    expect(recompute).toMatchObject({ last: null, running: null, stale: [], failed: [] });
    expect(digests).toMatchObject({ failedLast24h: 0, retrying: 0, recentFailures: [] });
    expect(folder).toMatchObject({
      transport: 'smtp',
      folder: outbox,
      retentionDays: 30,
      files: 0,
    });
    expect(imports).toEqual({ running: 0, maxConcurrent: 2 });
    expect(webhooks).toEqual({
      failedLast24h: 0,
      failedInWindow: 0,
      retrying: 0,
      recentFailures: [],
      windowDays: 7,
    });
  });

  it('is for admins only; /health needs no key', async () => {
    for (const key of [test.keys.viewer, test.keys.manager])
      expect((await test.http().get('/api/v1/system').set('Authorization', key)).status).toBe(403);
    expect((await test.http().get('/api/v1/system')).status).toBe(401);
    expect((await test.http().get('/health')).status).toBe(200);
  });

  it('shows the last completed recompute', async () => {
    const response = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({})
      .expect(200);
    const { recompute } = (await system()).sections;
    expect(recompute.last).toMatchObject({
      id: response.body.id,
      status: 'succeeded',
      trigger: 'api',
      membersValued: 1,
      durationMs: expect.any(Number),
      error: null,
    });
    expect(Date.parse(recompute.last.finishedAt)).toBeGreaterThanOrEqual(
      Date.parse(recompute.last.startedAt),
    );
    expect(recompute.lastSucceeded.id).toBe(response.body.id);
    expect(recompute).toMatchObject({ running: null, stale: [], failed: [], failedCount: 0 });
    await expectHealthy();
  });

  it('shows a failed run, and /health is degraded until a run succeeds after it', async () => {
    const failed = await insertRun('failed', Date.now(), 'worker exited with code 1');
    const summary = await system();
    expect(summary.status).toBe('degraded');
    expect(summary.reasons).toEqual([
      {
        code: 'RECOMPUTE_FAILED',
        check: 'recompute',
        text: `The last recompute of values failed (${new Date().toISOString().slice(0, 10)}).`,
      },
    ]);
    expect(summary.sections.recompute).toMatchObject({
      last: { id: failed.id, status: 'failed', error: 'worker exited with code 1' },
      failed: [{ id: failed.id }],
      failedCount: 1,
    });
    const body = await health();
    expect(body).toMatchObject({ status: 'degraded', reasons: [{ code: 'RECOMPUTE_FAILED' }] });
    expect(JSON.stringify(body)).not.toContain(failed.id);
    expect((await health({ lang: 'it' })).reasons[0].text).toMatch(
      /^L'ultimo ricalcolo dei valori non è riuscito/,
    );
    await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({})
      .expect(200);
    // The failure stays listed in the window, but the last run succeeded.
    expect((await system()).sections.recompute.failedCount).toBe(1);
    await expectHealthy();
    await runs().delete({ id: failed.id });
  });

  it('tells a stale run (its lease expired) from one going on', async () => {
    const stale = await insertRun('running', Date.now() - HOUR, null);
    const leases = dataSource().getRepository(Lease);
    await leases.save({
      name: RECOMPUTE_LEASE,
      holder: 'gone:1:dead',
      expiresAt: Date.now() - MINUTE,
    });
    let summary = await system();
    expect(summary.sections.recompute).toMatchObject({ running: null, stale: [{ id: stale.id }] });
    expect(codes(summary)).toEqual(['RECOMPUTE_STALE']);
    expect(await health()).toMatchObject({
      status: 'degraded',
      reasons: [
        {
          code: 'RECOMPUTE_STALE',
          text: '1 recompute is still marked running, but the instance running it stopped.',
        },
      ],
    });
    // Another instance renewing the lease: the run is going on, nothing is wrong.
    await leases.update({ name: RECOMPUTE_LEASE }, { expiresAt: Date.now() + MINUTE });
    summary = await system();
    expect(summary.sections.recompute).toMatchObject({ running: { id: stale.id }, stale: [] });
    expect(summary.status).toBe('ok');
    await leases.update({ name: RECOMPUTE_LEASE }, { holder: '', expiresAt: 0 });
    await runs().delete({ id: stale.id });
    await expectHealthy();
  });

  it('is degraded when no recompute succeeded for two days while members wait', async () => {
    const succeeded = await runs().findBy({ status: 'succeeded' });
    expect(succeeded.length).toBeGreaterThan(0);
    const threeDaysAgo = Date.now() - 3 * DAY;
    await runs().update(
      { status: 'succeeded' },
      { startedAt: threeDaysAgo, finishedAt: threeDaysAgo },
    );
    // Members stored in the last two days have not waited long enough.
    expect((await health()).status).toBe('ok');
    const members = dataSource().getRepository(Member);
    await members.update({ id: member.id }, { createdAt: threeDaysAgo });
    const body = await health();
    expect(body).toMatchObject({
      status: 'degraded',
      reasons: [
        {
          code: 'RECOMPUTE_OVERDUE',
          text: `No successful recompute in more than 48 hours (last on ${new Date(threeDaysAgo).toISOString().slice(0, 10)}).`,
        },
      ],
    });
    for (const run of succeeded)
      await runs().update({ id: run.id }, { startedAt: run.startedAt, finishedAt: run.finishedAt });
    await expectHealthy();
  });

  it('counts a refused digest delivery and lists it; /health says how many, not to whom', async () => {
    smtp.refuse.set('gone@example.com', 550);
    const subscription = await test
      .http()
      .post('/api/v1/digests/subscriptions')
      .set('Authorization', test.keys.admin)
      .send({
        cadence: 'daily',
        timezone: 'UTC',
        sendAt: '08:00',
        whenEmpty: 'note',
        recipients: ['fine@example.com', 'gone@example.com'],
      })
      .expect(201);
    const send = new SendTimes({ cadence: 'daily', timezone: 'UTC', sendAt: '08:00' }).next(
      Date.now() + MINUTE,
    );
    await test.app.get(DigestRunnerService).tick(send + 5_000);
    const summary = await system();
    expect(summary.sections.digests).toMatchObject({
      failedLast24h: 1,
      failedInWindow: 1,
      recentFailures: [
        {
          subscriptionId: subscription.body.id,
          recipient: 'gone@example.com',
          status: 'failed-permanent',
          attempts: 1,
        },
      ],
    });
    expect(summary.sections.digests.recentFailures[0].lastResponse).toContain('550');
    const body = await health();
    expect(body).toMatchObject({
      status: 'degraded',
      reasons: [
        { code: 'DIGEST_FAILURES', text: '1 digest delivery failed in the last 24 hours.' },
      ],
    });
    expect(JSON.stringify(body)).not.toMatch(/gone@|fine@|Grace/);
    await test
      .http()
      .delete(`/api/v1/digests/subscriptions/${subscription.body.id}`)
      .set('Authorization', test.keys.admin)
      .expect(200);
    await expectHealthy();
  });

  it('counts an outbound webhook delivery that gave up and lists it by host; /health says how many', async () => {
    const subscription = await test
      .http()
      .post('/api/v1/webhook-subscriptions')
      .set('Authorization', test.keys.admin)
      .send({ url: receiver.url(DOWN), events: ['referral.flagged'] })
      .expect(201);
    const referral = await createReferral(test, {
      referrerId: member.id,
      refereeEmail: 'someone@mailinator.com',
      invitedAt: new Date(Date.now() - DAY).toISOString(),
    });
    expect(referral.flags.length).toBeGreaterThan(0);
    await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({})
      .expect(200);
    await receiver.next(DOWN, 1);
    const deliveries = dataSource().getRepository(WebhookDelivery);
    // The answer is stored a few ms after the receiver saw the request.
    const deadline = Date.now() + 10_000;
    let delivery = await deliveries.findOneBy({ subscriptionId: subscription.body.id });
    while (delivery?.status !== 'failed') {
      if (Date.now() > deadline) throw new Error(`not failed: ${JSON.stringify(delivery)}`);
      await new Promise((resolve) => setImmediate(resolve));
      delivery = await deliveries.findOneBy({ subscriptionId: subscription.body.id });
    }
    const summary = await system();
    expect(summary.sections.webhooks).toEqual({
      failedLast24h: 1,
      failedInWindow: 1,
      retrying: 0,
      recentFailures: [
        {
          id: delivery.id,
          subscriptionId: subscription.body.id,
          host: new URL(receiver.url(DOWN)).host,
          eventCount: 1,
          attempts: 1,
          lastAttemptAt: new Date(delivery.lastAttemptAt!).toISOString(),
          lastStatusCode: 500,
          lastError: 'HTTP 500 Internal Server Error',
        },
      ],
      windowDays: 7,
    });
    // No url path (it may hold a token), no payload, no signing secret.
    expect(JSON.stringify(summary)).not.toMatch(/T0KEN|hooks\/|mailinator|whsec_/);
    expect(summary.reasons).toEqual([
      {
        code: 'WEBHOOK_FAILURES',
        check: 'webhooks',
        text: '1 outbound webhook delivery failed in the last 24 hours, retries exhausted.',
      },
    ]);
    const body = await health();
    expect(body).toMatchObject({
      status: 'degraded',
      reasons: [
        {
          code: 'WEBHOOK_FAILURES',
          text: '1 outbound webhook delivery failed in the last 24 hours, retries exhausted.',
        },
      ],
    });
    expect(JSON.stringify(body)).not.toContain(delivery.id);
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    expect((await health({ lang: 'it' })).reasons[0].text).toBe(
      '1 invio di webhook in uscita non è riuscito nelle ultime 24 ore, tentativi esauriti.',
    );

    // Waiting to retry is counted, and is not yet a failure.
    await deliveries.update({ id: delivery.id }, { status: 'retrying' });
    expect((await system()).sections.webhooks).toMatchObject({
      failedLast24h: 0,
      retrying: 1,
      recentFailures: [],
    });
    expect((await health()).status).toBe('ok');
    // Given up two days ago: still listed in the window, but health is ok again.
    await deliveries.update(
      { id: delivery.id },
      { status: 'failed', lastAttemptAt: Date.now() - 2 * DAY },
    );
    expect((await system()).sections.webhooks).toMatchObject({
      failedLast24h: 0,
      failedInWindow: 1,
      retrying: 0,
      recentFailures: [{ id: delivery.id }],
    });
    await expectHealthy();
    // Past the window: no longer listed.
    await deliveries.update({ id: delivery.id }, { lastAttemptAt: Date.now() - 8 * DAY });
    expect((await system()).sections.webhooks).toMatchObject({
      failedInWindow: 0,
      recentFailures: [],
    });
    await test
      .http()
      .delete(`/api/v1/webhook-subscriptions/${subscription.body.id}`)
      .set('Authorization', test.keys.admin)
      .expect((response) => expect(response.status).toBeLessThan(300));
  });

  it('deletes outbox files past the retention in a daily leased job; overdue ones degrade health', async () => {
    mkdirSync(outbox, { recursive: true });
    const write = (name: string, daysAgo: number) => {
      writeFileSync(join(outbox, name), 'Subject: digest\r\n\r\nbody');
      const at = new Date(Date.now() - daysAgo * DAY);
      utimesSync(join(outbox, name), at, at);
    };
    write('overdue.eml', 45);
    write('due-tonight.eml', 30.5);
    write('recent.eml', 2);
    const summary = await system();
    expect(summary.sections.outbox).toMatchObject({ files: 3, overdue: 1 });
    expect(Date.parse(summary.sections.outbox.oldestAt)).toBeLessThan(Date.now() - 44 * DAY);
    expect(await health()).toMatchObject({
      status: 'degraded',
      reasons: [
        {
          code: 'OUTBOX_RETENTION_OVERDUE',
          text: '1 outbox file is older than the 30-day retention: the daily clean-up has not run.',
        },
      ],
    });
    const retention = test.app.get(OutboxRetentionService);
    const at = new Date();
    expect(await retention.fire(at)).toBe('ran');
    expect(readdirSync(outbox)).toEqual(['recent.eml']);
    // Another instance that took the lease of the next firing runs it; this one skips it.
    write('late.eml', 60);
    const next = new Date(at.getTime() + MINUTE);
    await dataSource()
      .getRepository(Lease)
      .insert({
        name: `digest-outbox-retention@${next.toISOString().slice(0, 16)}`,
        holder: 'other-instance',
        expiresAt: Date.now() + HOUR,
      });
    expect(await retention.fire(next)).toBe('skipped');
    expect(readdirSync(outbox).sort()).toEqual(['late.eml', 'recent.eml']);
    expect(await retention.fire(new Date(at.getTime() + DAY))).toBe('ran');
    expect(readdirSync(outbox)).toEqual(['recent.eml']);
    await expectHealthy();
  });

  it('keeps a summary for the age it is asked for, so that polling /health stays cheap', async () => {
    const summaries = test.app.get(SystemSummaryService);
    const fresh = await summaries.summary(0);
    expect(fresh.status).toBe('ok');
    const failed = await insertRun('failed', Date.now(), 'boom');
    expect(await summaries.summary(MINUTE)).toBe(fresh);
    const next = await summaries.summary(0);
    expect(next.status).toBe('degraded');
    expect(await summaries.summary(MINUTE)).toBe(next);
    await runs().delete({ id: failed.id });
  });
});
