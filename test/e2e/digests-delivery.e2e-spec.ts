import { INestApplication } from '@nestjs/common';
import { DigestClaimsService } from '../../src/digests/delivery/digest-claims.service';
import { DigestRunnerService } from '../../src/digests/delivery/digest-runner.service';
import { DigestSchedulerService } from '../../src/digests/digest-scheduler.service';
import { DigestSubscriptionsService } from '../../src/digests/digest-subscriptions.service';
import { SendTimes } from '../../src/digests/schedule/digest-periods';
import { startSecondInstance } from '../support/app-instance';
import { createMember, createMention } from '../support/factories';
import { SmtpTestServer } from '../support/smtp-test-server';
import { TestApp, createTestApp } from '../support/test-app';

const MINUTE = 60_000;
const DAY = 86_400_000;
const daily = { cadence: 'daily' as const, timezone: 'UTC', sendAt: '08:00' };

/**
 * Exactly once per period, with the clock set by the test: ticks are fired at chosen instants
 * after the subscriptions' creation (the scheduler's own timer is off).
 */
describe('digest delivery', () => {
  jest.setTimeout(120_000);
  let test: TestApp;
  let smtp: SmtpTestServer;
  let created: string[] = [];
  /** The first daily send after the subscriptions below are created. */
  const firstSend = () => new SendTimes(daily).next(Date.now() + MINUTE);

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    test = await createTestApp({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      DIGEST_SCHEDULER: 'false',
      DIGEST_MAX_ATTEMPTS: '3',
      DIGEST_RETRY_BACKOFF_SECONDS: '60',
      DIGEST_LEASE_MINUTES: '10',
    });
    // Something to report every day, so that no period is skipped as empty.
    const member = await createMember(test);
    await createMention(test, { memberId: member.id, postedAt: new Date().toISOString() });
  });
  afterAll(async () => {
    await test.close();
    await smtp.stop();
  });
  beforeEach(() => smtp.clear());
  afterEach(async () => {
    for (const id of created)
      await test
        .http()
        .delete(`/api/v1/digests/subscriptions/${id}`)
        .set('Authorization', test.keys.admin);
    created = [];
    smtp.refuse.clear();
  });

  const subscribe = async (overrides: Record<string, unknown>) => {
    const response = await test
      .http()
      .post('/api/v1/digests/subscriptions')
      .set('Authorization', test.keys.admin)
      .send({ ...daily, whenEmpty: 'note', ...overrides });
    expect(response.status).toBe(201);
    created.push(response.body.id);
    return response.body as Record<string, any>;
  };
  const deliveries = async (subscriptionId: string) =>
    (
      await test
        .http()
        .get('/api/v1/digests/deliveries')
        .query({ subscriptionId, order: 'asc', limit: 200 })
        .set('Authorization', test.keys.admin)
    ).body.items as Record<string, any>[];
  const tick = (at: number, app: INestApplication = test.app) =>
    app.get(DigestRunnerService).tick(at);
  const periodsReceived = (address: string) =>
    smtp.to(address).map((mail) => /X-Halo-Digest: [^;]+;\s+period=(\S+)/.exec(mail.raw)?.[1]);

  it(`two instances on the same ${process.env.TEST_DATABASE_URL ? 'PostgreSQL database' : 'SQLite file'} firing at once deliver one mail per recipient`, async () => {
    const second = await startSecondInstance(test, {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      DIGEST_SCHEDULER: 'false',
    });
    try {
      const subscription = await subscribe({ recipients: ['one@example.com', 'two@example.com'] });
      const at = new Date(firstSend() + 5_000);
      const outcomes = await Promise.all([
        test.app.get(DigestSchedulerService).fire(at),
        second.get(DigestSchedulerService).fire(at),
      ]);
      expect(outcomes.sort()).toEqual(['ran', 'skipped']);
      expect(smtp.to('one@example.com')).toHaveLength(1);
      expect(smtp.to('two@example.com')).toHaveLength(1);

      // Without the tick's lease (two ticks a minute apart on skewed clocks), the claim alone
      // still lets one of them send the next day's period.
      const nextDay = at.getTime() + DAY;
      await Promise.all([tick(nextDay), tick(nextDay, second)]);
      expect(smtp.to('one@example.com')).toHaveLength(2);
      expect(smtp.to('two@example.com')).toHaveLength(2);
      expect(new Set(periodsReceived('one@example.com')).size).toBe(2);
      const rows = await deliveries(subscription.id);
      expect(rows.map((row) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    } finally {
      await second.close();
    }
  });

  it('delivers once after a crash between claim and send, when the lease has run out', async () => {
    const subscription = await subscribe({ recipients: ['crash@example.com'] });
    const entity = await test.app.get(DigestSubscriptionsService).get(subscription.id);
    const end = firstSend();
    const period = new SendTimes(daily).periodEndingAt(end);
    // The crashed instance claimed the period and died before sending.
    const claim = await test.app
      .get(DigestClaimsService)
      .claim(entity, period, { trigger: 'schedule', force: false, now: end + 1_000 });
    expect(claim).not.toBeNull();
    expect(await deliveries(subscription.id)).toMatchObject([{ status: 'pending', attempts: 0 }]);

    // While the lease holds, nobody sends it, and the period is not claimed again.
    expect(await tick(end + 2 * MINUTE)).toEqual({ claimed: 0, resumed: 0 });
    expect(smtp.to('crash@example.com')).toHaveLength(0);
    // After the lease (10 minutes), the next tick takes the claim over and sends it.
    expect(await tick(end + 11 * MINUTE)).toEqual({ claimed: 0, resumed: 1 });
    await tick(end + 12 * MINUTE);
    expect(smtp.to('crash@example.com')).toHaveLength(1);
    expect(await deliveries(subscription.id)).toMatchObject([{ status: 'sent', attempts: 1 }]);
  });

  it('retries while the SMTP server is down and delivers once when it is back', async () => {
    const subscription = await subscribe({ recipients: ['outage@example.com'] });
    const at = firstSend() + 5_000;
    await smtp.stop();
    try {
      await tick(at);
      const [failed] = await deliveries(subscription.id);
      expect(failed).toMatchObject({ status: 'retrying', attempts: 1 });
      expect(failed.lastResponse).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      expect(failed.nextAttemptAt).toBe(new Date(at + 60_000).toISOString());
      // Not before the backoff has passed.
      await tick(at + 30_000);
      expect((await deliveries(subscription.id))[0].attempts).toBe(1);
    } finally {
      await smtp.start();
    }
    await tick(at + 61_000);
    await tick(at + 10 * MINUTE);
    expect(smtp.to('outage@example.com')).toHaveLength(1);
    expect(await deliveries(subscription.id)).toMatchObject([{ status: 'sent', attempts: 2 }]);
  });

  it('records a refused recipient once and does not retry it; a temporary refusal stops at the limit', async () => {
    smtp.refuse.set('gone@example.com', 550);
    smtp.refuse.set('busy@example.com', 451);
    const subscription = await subscribe({
      recipients: ['fine@example.com', 'gone@example.com', 'busy@example.com'],
    });
    const at = firstSend() + 5_000;
    for (const offset of [0, 1, 2, 4, 8, 60].map((minutes) => minutes * MINUTE))
      await tick(at + offset);
    const rows = await deliveries(subscription.id);
    const byRecipient = Object.fromEntries(rows.map((row) => [row.recipient, row]));
    expect(byRecipient['fine@example.com']).toMatchObject({ status: 'sent', attempts: 1 });
    expect(byRecipient['gone@example.com']).toMatchObject({
      status: 'failed-permanent',
      attempts: 1,
      nextAttemptAt: null,
    });
    expect(byRecipient['gone@example.com'].lastResponse).toContain('550');
    expect(byRecipient['busy@example.com']).toMatchObject({
      status: 'failed',
      attempts: 3,
      nextAttemptAt: null,
    });
    expect(smtp.to('fine@example.com')).toHaveLength(1);
    const failed = await test
      .http()
      .get('/api/v1/digests/deliveries')
      .query({ status: 'failed-permanent', subscriptionId: subscription.id })
      .set('Authorization', test.keys.admin);
    expect(failed.body.items.map((row: any) => row.recipient)).toEqual(['gone@example.com']);
  });

  it('sends each period missed while down once (catchUp, at most 12), or only the latest (skip)', async () => {
    const catchUp = await subscribe({ recipients: ['catchup@example.com'], missed: 'catchUp' });
    const skip = await subscribe({ recipients: ['skip@example.com'], missed: 'skip' });
    const back = firstSend() + 3 * DAY + 5_000;
    await tick(back);
    await tick(back + MINUTE);
    expect(periodsReceived('catchup@example.com')).toHaveLength(4);
    expect(new Set(periodsReceived('catchup@example.com')).size).toBe(4);
    expect(periodsReceived('skip@example.com')).toHaveLength(1);
    expect(periodsReceived('skip@example.com')[0]).toBe(new Date(back - 5_000 - DAY).toISOString());
    expect((await deliveries(catchUp.id)).every((row) => row.status === 'sent')).toBe(true);
    expect(await deliveries(skip.id)).toHaveLength(1);

    // A long outage is bounded: the 12 latest periods, each once.
    const long = await subscribe({ recipients: ['long@example.com'] });
    await tick(back + 30 * DAY);
    await tick(back + 30 * DAY + MINUTE);
    expect(periodsReceived('long@example.com')).toHaveLength(12);
    expect(new Set(periodsReceived('long@example.com')).size).toBe(12);
    expect(await deliveries(long.id)).toHaveLength(12);
  });
});
