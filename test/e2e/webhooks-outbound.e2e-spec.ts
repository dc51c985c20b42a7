import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ValueRun } from '../../src/value/value-run.entity';
import { WebhookDeliveriesService } from '../../src/webhooks/outbound/webhook-deliveries.service';
import { WebhookDeliveryScheduler } from '../../src/webhooks/outbound/webhook-delivery-scheduler.service';
import { WebhookDispatcher } from '../../src/webhooks/outbound/webhook-dispatcher.service';
import { createMember, createPurchase, createReferral, createReview } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';
import { startWebhookReceiver } from '../support/webhook-receiver';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/**
 * Outbound webhooks (DESIGN.md, Webhooks): a recompute's tier changes and flagged referrals are
 * queued per subscription when it completes, POSTed signed to a real receiver on loopback,
 * retried with backoff after a 500, and failures listed for the System page.
 */
describe('outbound webhooks', () => {
  let test: TestApp;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let ada: Record<string, any>;
  let flaky: Record<string, any>;
  let down: Record<string, any>;
  let referral: Record<string, any>;
  let runId: string;

  const admin = () => test.keys.admin;
  const deliveries = async (query: Record<string, string> = {}) => {
    const response = await test
      .http()
      .get('/api/v1/webhook-deliveries')
      .query(query)
      .set('Authorization', admin());
    expect(response.status).toBe(200);
    return response.body.items as Record<string, any>[];
  };
  const subscribe = async (path: string, events: string[]) => {
    const response = await test
      .http()
      .post('/api/v1/webhook-subscriptions')
      .set('Authorization', admin())
      .send({ url: receiver.url(path), events });
    expect(response.status).toBe(201);
    return response.body as Record<string, any>;
  };
  const recompute = async (body: object) => {
    const response = await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send(body);
    expect([response.status, response.body.status]).toEqual([200, 'succeeded']);
    return response.body as Record<string, any>;
  };
  /** Until the answer to the attempt the receiver saw is stored (a few ms after it). */
  const attemptsRecorded = async (count: number) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const items = await deliveries();
      if (items.length === 2 && items.every((item) => item.attempts >= count)) return items;
      if (Date.now() > deadline) throw new Error(`attempts not recorded: ${JSON.stringify(items)}`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  beforeAll(async () => {
    receiver = await startWebhookReceiver({ '/flaky': [500, 200], '/down': [500] });
    // Two tiers, so that one review makes Ada a new ambassador (the top tier) as well.
    const config = join(mkdtempSync(join(tmpdir(), 'halo-webhooks-')), 'halo.json');
    writeFileSync(
      config,
      JSON.stringify({
        advocates: {
          tiers: [{ name: 'Star', minEngagement: 3, maxRecencyDays: 365 }, { name: 'Customer' }],
        },
      }),
    );
    test = await createTestApp({
      HALO_CONFIG_FILE: config,
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOKS_SCHEDULER: 'false',
      WEBHOOKS_MAX_ATTEMPTS: '2',
      WEBHOOKS_RETRY_BACKOFF_SECONDS: '60',
    });
    ada = await createMember(test, { name: 'Ada Flux', email: 'ada.flux@example.com' });
    await createPurchase(test, { memberId: ada.id, occurredAt: daysAgo(10) });
    flaky = await subscribe('/flaky', ['tier.changed', 'referral.flagged', 'ambassador.new']);
    down = await subscribe('/down', ['tier.changed']);
  });

  afterAll(async () => {
    await test.close();
    await receiver.close();
  });

  it('shows the signing secret once and lists subscriptions without it', async () => {
    expect(flaky.secret).toMatch(/^whsec_/);
    const list = await test
      .http()
      .get('/api/v1/webhook-subscriptions')
      .set('Authorization', admin());
    expect(list.body.total).toBe(2);
    expect(JSON.stringify(list.body)).not.toContain(flaky.secret);
    const manager = await test
      .http()
      .post('/api/v1/webhook-subscriptions')
      .set('Authorization', test.keys.manager)
      .send({ url: receiver.url('/x'), events: ['tier.changed'] });
    expect(manager.status).toBe(403);
    const unknownEvent = await test
      .http()
      .post('/api/v1/webhook-subscriptions')
      .set('Authorization', admin())
      .send({ url: receiver.url('/x'), events: ['member.created'] });
    expect([unknownEvent.status, unknownEvent.body.details[0].field]).toEqual([400, 'events']);
  });

  it('queues nothing for the first run: no earlier snapshot to change from', async () => {
    await recompute({ asOf: daysAgo(3) });
    expect(await deliveries()).toEqual([]);
    expect(receiver.received).toHaveLength(0);
  });

  it('sends a run’s events signed, once per subscription, ids and names only', async () => {
    await createReview(test, { memberId: ada.id, publishedAt: daysAgo(1) });
    referral = await createReferral(test, {
      referrerId: ada.id,
      refereeEmail: 'someone@mailinator.com',
      invitedAt: daysAgo(1),
    });
    expect(referral.flags.length).toBeGreaterThan(0);
    runId = (await recompute({})).id as string;
    await Promise.all([receiver.next('/flaky', 1), receiver.next('/down', 1)]);
    const [first] = receiver.received.filter((item) => item.path === '/flaky');
    const timestamp = first.headers['x-halo-timestamp'] as string;
    const expected = createHmac('sha256', flaky.secret as string)
      .update(`${timestamp}.${first.body}`)
      .digest('hex');
    expect(first.headers['x-halo-signature']).toBe(`sha256=${expected}`);
    expect(Math.abs(Number(timestamp) * 1000 - Date.now())).toBeLessThan(60_000);
    const body = JSON.parse(first.body);
    expect(body.runId).toBe(runId);
    expect(first.headers['x-halo-webhook-id']).toBe(body.id);
    expect(body.events).toEqual([
      {
        type: 'tier.changed',
        memberId: ada.id,
        memberName: 'Ada Flux',
        from: 'Customer',
        to: 'Star',
      },
      { type: 'ambassador.new', memberId: ada.id, memberName: 'Ada Flux', tier: 'Star' },
      {
        type: 'referral.flagged',
        referralId: referral.id,
        referrerId: ada.id,
        referrerName: 'Ada Flux',
        refereeMemberId: null,
        refereeName: null,
        flags: referral.flags,
      },
    ]);
    expect(first.body).not.toContain('ada.flux@example.com');
    expect(first.body).not.toContain('mailinator');
    const [toDown] = receiver.received.filter((item) => item.path === '/down');
    expect(JSON.parse(toDown.body).events.map((event: { type: string }) => event.type)).toEqual([
      'tier.changed',
    ]);
  });

  it('retries after a 500 with backoff, then delivers; gives up after the attempt limit', async () => {
    const afterFirst = await attemptsRecorded(1);
    for (const delivery of afterFirst) {
      expect(delivery).toMatchObject({ status: 'retrying', attempts: 1, lastStatusCode: 500 });
      const wait = Date.parse(delivery.nextAttemptAt) - Date.parse(delivery.lastAttemptAt);
      expect(wait).toBe(60_000);
    }
    const dispatcher = test.app.get(WebhookDispatcher);
    // Not due yet: the backoff holds.
    expect(await dispatcher.deliverDue(Date.now())).toBe(0);
    // The scheduled job (its lease for the minute, then the due deliveries) once the wait is over.
    const scheduler = test.app.get(WebhookDeliveryScheduler);
    expect(await scheduler.fire(new Date(Date.now() + 61_000))).toBe('ran');
    expect(receiver.received.filter((item) => item.path === '/flaky')).toHaveLength(2);
    const delivered = await deliveries({ status: 'delivered' });
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({
      subscriptionId: flaky.id,
      runId,
      attempts: 2,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
      eventCount: 3,
    });
    const failed = await deliveries({ status: 'failed' });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      subscriptionId: down.id,
      attempts: 2,
      lastStatusCode: 500,
      lastError: 'HTTP 500 Internal Server Error',
      nextAttemptAt: null,
    });
    // A retry after the limit is an admin's: one more attempt, still failed.
    const retried = await test
      .http()
      .post(`/api/v1/webhook-deliveries/${failed[0].id as string}/retry`)
      .set('Authorization', admin());
    expect(retried.body).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('announces nothing again when the same day is recomputed', async () => {
    const again = await recompute({});
    expect(again.id).not.toBe(runId);
    expect(await deliveries()).toHaveLength(2);
  });

  it('queues a run once however often its completion is reported', async () => {
    const run = await test.app
      .get(DataSource)
      .getRepository(ValueRun)
      .findOneByOrFail({ id: runId });
    expect(await test.app.get(WebhookDeliveriesService).enqueue(run)).toEqual([]);
    expect(await deliveries()).toHaveLength(2);
  });
});
