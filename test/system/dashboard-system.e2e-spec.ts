import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { DigestRunnerService } from '../../src/digests/delivery/digest-runner.service';
import { SendTimes } from '../../src/digests/schedule/digest-periods';
import { ValueRun, ValueRunStatus } from '../../src/value/value-run.entity';
import {
  SCREENSHOTS,
  WIDTHS,
  axeViolations,
  browserSuite,
  dashboardContext,
  horizontalOverflow,
  settled,
  signIn,
  startBrowser,
} from '../support/dashboard-browser';
import { seedDashboardCommunity } from '../support/dashboard-community';
import { createMember, createReferral } from '../support/factories';
import { SmtpTestServer } from '../support/smtp-test-server';
import { TestApp, createTestApp } from '../support/test-app';
import { startWebhookReceiver } from '../support/webhook-receiver';

const suite = browserSuite('dashboard System page browser tests');
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** The receiver answers 500; its path carries a token the page must not show. */
const DOWN = '/crm/hooks/T0KEN-not-for-the-page';

/**
 * The System page (issue #13 item 8), for admins only: first a healthy service, then one with a
 * failed recompute, a recompute whose instance died, a digest the mail server refused and an
 * outbound webhook whose receiver answered 500 to its only attempt.
 */
suite('dashboard: the System page', () => {
  jest.setTimeout(180_000);
  let test: TestApp;
  let smtp: SmtpTestServer;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let browser: Browser;
  let base: string;
  const problems: string[] = [];

  const api = async (path: string) =>
    (await test.http().get(path).set('Authorization', test.keys.admin).expect(200)).body;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    receiver = await startWebhookReceiver({ [DOWN]: [500] });
    test = await createTestApp({
      SYSTEM_SUMMARY_CACHE_SECONDS: '0',
      VALUE_RECOMPUTE_IN_WORKER: 'false',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true',
      WEBHOOKS_MAX_ATTEMPTS: '1',
      WEBHOOKS_SCHEDULER: 'false',
    });
    await seedDashboardCommunity(test);
    ({ base, browser } = await startBrowser(test));
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
    await smtp?.stop();
    await receiver?.close();
  });

  async function newContext(width: number, key: string): Promise<BrowserContext> {
    const context = await dashboardContext(browser, width, problems, { bypassCSP: true });
    await signIn(context, base, key);
    return context;
  }

  async function open(page: Page): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${base}/#/system`);
    await settled(page);
  }

  async function insertRun(status: ValueRunStatus, startedAt: number, error: string | null) {
    await test.app
      .get(DataSource)
      .getRepository(ValueRun)
      .insert({
        id: randomUUID(),
        asOf: startedAt,
        asOfDate: new Date(startedAt).toISOString().slice(0, 10),
        status,
        trigger: 'schedule',
        startedAt,
        finishedAt: status === 'running' ? null : startedAt + 4_000,
        durationMs: status === 'running' ? null : 4_000,
        members: 0,
        method: null,
        model: null,
        error,
      });
  }

  it('hides the page from viewers and managers', async () => {
    for (const key of [test.keys.viewer, test.keys.manager]) {
      const context = await newContext(1280, key);
      const page = await context.newPage();
      await open(page);
      expect(await page.locator('.main-nav a[href="#/system"]').isVisible()).toBe(false);
      expect(await page.locator('#system-admins-only').textContent()).toContain(
        'Only admins can see the System page.',
      );
      await context.close();
    }
    expect(problems).toEqual([]);
  });

  it('says all is well when nothing needs attention', async () => {
    const context = await newContext(1280, test.keys.admin);
    const page = await context.newPage();
    await open(page);
    const link = page.locator('.main-nav a[href="#/system"]');
    expect(await link.isVisible()).toBe(true);
    expect(await link.getAttribute('aria-current')).toBe('page');
    const summary = await api('/api/v1/system');
    expect(summary.status).toBe('ok');
    expect(await page.locator('#system-health .health-status').textContent()).toBe(
      'OK All is well: nothing needs attention.',
    );
    expect(await page.locator('#system-health .health-reasons').count()).toBe(0);
    const run = summary.sections.recompute.last;
    expect(await page.locator('#system-kpis .kpi').first().textContent()).toContain('Succeeded');
    expect(await page.locator('#system-recomputes dl').textContent()).toContain(
      `Members valued${new Intl.NumberFormat('en-US').format(run.membersValued)}`,
    );
    expect(await page.locator('#system-no-failed-runs').textContent()).toBe(
      'No recompute failed or stopped in the last 7 days.',
    );
    expect(await page.locator('#system-no-digest-failures').isVisible()).toBe(true);
    expect(await page.locator('#system-no-webhook-failures').textContent()).toBe(
      'No webhook delivery failed in the last 7 days.',
    );
    const facts = await page.locator('#system-facts').textContent();
    expect(facts).toContain('DatabaseSQLite');
    expect(facts).toContain(
      `Migrations${summary.sections.database.migrations.applied} applied, none pending`,
    );
    expect(facts).toContain('Digests sent throughthe SMTP server');
    expect(facts).toContain(`Version${summary.version}`);
    await context.close();
    expect(problems).toEqual([]);
  });

  /** A subscription to flagged referrals, a flagged referral, and the recompute that sends it. */
  async function failWebhookDelivery() {
    await test
      .http()
      .post('/api/v1/webhook-subscriptions')
      .set('Authorization', test.keys.admin)
      .send({ url: receiver.url(DOWN), events: ['referral.flagged'] })
      .expect(201);
    const referrer = await createMember(test, { name: 'Lin Okafor', email: 'lin@example.com' });
    await createReferral(test, {
      referrerId: referrer.id,
      refereeEmail: 'someone@mailinator.com',
      invitedAt: new Date(Date.now() - HOUR).toISOString(),
    });
    await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({})
      .expect(200);
    await receiver.next(DOWN, 1);
    const deadline = Date.now() + 10_000;
    while ((await api('/api/v1/webhook-deliveries?status=failed')).items.length === 0) {
      if (Date.now() > deadline) throw new Error('the webhook delivery did not fail');
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  describe('with problems', () => {
    beforeAll(async () => {
      // First, so that the runs inserted next are the latest.
      await failWebhookDelivery();
      await insertRun('running', Date.now() - 2 * HOUR, null);
      await insertRun('failed', Date.now(), 'the worker ran out of memory');
      smtp.refuse.set('gone@example.com', 550);
      await test
        .http()
        .post('/api/v1/digests/subscriptions')
        .set('Authorization', test.keys.admin)
        .send({
          cadence: 'daily',
          timezone: 'UTC',
          sendAt: '08:00',
          whenEmpty: 'note',
          recipients: ['team@example.com', 'gone@example.com'],
        })
        .expect(201);
      const send = new SendTimes({ cadence: 'daily', timezone: 'UTC', sendAt: '08:00' }).next(
        Date.now() + MINUTE,
      );
      await test.app.get(DigestRunnerService).tick(send + 5_000);
    });

    describe.each(WIDTHS)('at %i px wide', (width) => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await newContext(width, test.keys.admin);
        page = await context.newPage();
        await open(page);
      });
      afterAll(() => context.close());

      it('says what needs attention in the words /health uses', async () => {
        const health = (await test.http().get('/health').expect(200)).body;
        expect(health.status).toBe('degraded');
        expect(health.reasons.map((reason: { code: string }) => reason.code).sort()).toEqual([
          'DIGEST_FAILURES',
          'RECOMPUTE_FAILED',
          'RECOMPUTE_STALE',
          'WEBHOOK_FAILURES',
        ]);
        expect(await page.locator('#system-health .health-status').textContent()).toBe(
          'Degraded Needs attention: 4 problems.',
        );
        expect((await page.locator('#system-health li').allTextContents()).sort()).toEqual(
          health.reasons.map((reason: { text: string }) => reason.text).sort(),
        );
      });

      it('lists the failed and the stopped run, and the refused delivery', async () => {
        const runs = page.locator('#system-recomputes tbody tr');
        expect(await runs.count()).toBe(2);
        expect(await runs.nth(0).textContent()).toContain('Stopped unfinished');
        expect(await runs.nth(0).textContent()).toContain(
          'Its instance stopped before it finished',
        );
        expect(await runs.nth(1).textContent()).toContain('Failed');
        expect(await runs.nth(1).textContent()).toContain('the worker ran out of memory');
        const kpis = await page.locator('#system-kpis .kpi').allTextContents();
        expect(kpis[0]).toContain('Failed');
        expect(kpis[1]).toContain('Failed or stopped runs2');
        expect(kpis[2]).toContain('Digest failures1');
        const failures = page.locator('#system-digests tbody tr');
        expect(await failures.count()).toBe(1);
        expect(await failures.textContent()).toContain('gone@example.com');
        expect(await failures.textContent()).toContain('Refused by the mail server');
        expect(await failures.textContent()).toContain('550');
      });

      it('lists the webhook delivery that gave up by its receiver’s host, not its url', async () => {
        const facts = await page.locator('#system-webhooks dl').textContent();
        expect(facts).toContain('Failed in the last 24 hours1');
        expect(facts).toContain('Waiting to retry0');
        const failures = page.locator('#system-webhooks tbody tr');
        expect(await failures.count()).toBe(1);
        const row = await failures.textContent();
        expect(row).toContain(new URL(receiver.url(DOWN)).host);
        expect(row).toContain('Gave up after 1 attempt');
        expect(row).toContain('HTTP 500 Internal Server Error');
        expect(await page.locator('#system-webhooks').textContent()).not.toContain('T0KEN');
      });

      it('passes axe, fits the screen, and leaves a screenshot', async () => {
        expect(await axeViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(SCREENSHOTS, `system-${width}.png`), fullPage: true });
        expect(problems).toEqual([]);
      });
    });
  });
});
