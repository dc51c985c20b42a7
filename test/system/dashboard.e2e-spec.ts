import { existsSync, mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  dashboardContext,
  settled,
  signIn as dashboardSignIn,
} from '../support/dashboard-browser';
import { CHROMIUM, launchChromium } from '../support/chromium';
import {
  DashboardCommunity,
  HOSTILE_NAME,
  HOSTILE_REVIEW_BODY,
  HOSTILE_REVIEW_TITLE,
  seedDashboardCommunity,
} from '../support/dashboard-community';
import { TestApp, createTestApp } from '../support/test-app';

// Browser globals inside page.evaluate / waitForFunction callbacks (the project has no DOM lib).
declare const document: any;
declare const window: any;

const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');
const WIDTHS = [1280, 390] as const;
const secretOf = (header: string) => header.replace(/^Bearer /, '');

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI !== 'true') {
  console.warn(
    `SKIPPED dashboard browser tests: ${CHROMIUM} is missing (apt-get install -y chromium)`,
  );
}
const suite = hasChromium || process.env.CI === 'true' ? describe : describe.skip;

suite('dashboard in the browser', () => {
  jest.setTimeout(180_000);
  let test: TestApp;
  let browser: Browser;
  let base: string;
  let community: DashboardCommunity;
  /** Problems the page reported: CSP violations, uncaught errors, failed scripts. */
  const problems: string[] = [];

  const api = async (path: string) =>
    (await test.http().get(path).set('Authorization', test.keys.viewer).expect(200)).body;

  beforeAll(async () => {
    if (!hasChromium)
      throw new Error(`${CHROMIUM} is missing: CI must install the chromium package`);
    test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' });
    await test.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(test.app.getHttpServer().address() as AddressInfo).port}`;
    community = await seedDashboardCommunity(test);
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  const newContext = (width: number, options: { bypassCSP?: boolean } = {}) =>
    dashboardContext(browser, width, problems, options);
  const signIn = (context: BrowserContext, key: string) => dashboardSignIn(context, base, key);
  const axe = (page: Page) => axeViolations(page);

  /** A full load of the page at this route (a hash change alone would not reload). */
  async function open(page: Page, hash: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${base}/${hash}`);
    await settled(page);
    expect(await page.locator('#topbar').isVisible()).toBe(true);
  }

  describe('signing in', () => {
    it('asks for a key, refuses a wrong one, and signs in with a viewer key', async () => {
      const context = await newContext(1280);
      const page = await context.newPage();
      await page.goto(base);
      await page.getByLabel('API key').waitFor();
      await page.getByLabel('API key').fill('halo_notAKeyAtAll0123456789');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.locator('#sign-in-error').textContent()).resolves.toBeDefined();
      await page.waitForFunction(() =>
        document.querySelector('#sign-in-error')?.textContent?.includes('unknown'),
      );
      expect(await page.getByLabel('API key').getAttribute('aria-invalid')).toBe('true');

      await page.getByLabel('API key').fill(secretOf(test.keys.viewer));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Community overview' }).waitFor();
      expect(await page.locator('#session-role').textContent()).toBe('viewer');
      const cookies = await context.cookies();
      expect(cookies.find((cookie) => cookie.name === 'halo_session')).toMatchObject({
        httpOnly: true,
        sameSite: 'Strict',
      });
      expect(await page.evaluate(() => document.cookie)).not.toContain('halo_session');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByLabel('API key').waitFor();
      expect(
        (await context.cookies()).find((cookie) => cookie.name === 'halo_session'),
      ).toBeUndefined();
      await context.close();
    });
  });

  describe('pages', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await newContext(1280);
      await signIn(context, test.keys.viewer);
      page = await context.newPage();
    });
    afterAll(() => context.close());

    it('opens every page from the navigation', async () => {
      await open(page, '#/overview');
      for (const [link, heading] of [
        ['Ambassadors', 'Ambassadors'],
        ['Acquisition', 'Acquisition'],
        ['Review queues', 'Review queues'],
        ['Overview', 'Community overview'],
      ]) {
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: link })
          .click();
        await settled(page);
        expect(await page.locator('h1').textContent()).toBe(heading);
        expect(
          await page.getByRole('link', { name: link, exact: true }).getAttribute('aria-current'),
        ).toBe('page');
      }
    });

    it('shows the community measures the API computed, and narrows them by tag and platform', async () => {
      const day = (offset: number) =>
        new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const period = { from: day(-29), to: day(1), interval: 'day' };
      const figure = (name: string) =>
        page.locator(`#headline [data-measure="${name}"] .kpi-value`).textContent();
      const counts = (value: number) => new Intl.NumberFormat('en-US').format(value);
      const share = (value: number | null) =>
        value === null
          ? '—'
          : new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 }).format(
              value,
            );
      const query = (extra: Record<string, string> = {}) =>
        new URLSearchParams({ ...period, ...extra }).toString();

      await open(page, '#/overview');
      await page.waitForSelector('#measures[data-state="ready"]');
      const all = (await api(`/api/v1/metrics/community?${query()}`)).total.values;
      expect(all.reach.totalReach).toBe(5000);
      expect(await figure('reach.totalReach')).toBe(counts(all.reach.totalReach));
      expect(await figure('acquisition.community')).toBe(counts(all.acquisition.community));
      expect(await figure('activity.activeMembers')).toBe(counts(all.activity.activeMembers));
      expect(await figure('purchases.repeatPurchaseRate')).toBe(
        share(all.purchases.repeatPurchaseRate),
      );
      expect(
        await page.locator('#purchases [data-measure="purchases.orders"] .kpi-value').textContent(),
      ).toBe(counts(all.purchases.orders));
      expect(
        await page.locator('#activity [data-interaction="purchase"] .bar-value').textContent(),
      ).toBe(counts(all.activity.interactions.purchase));
      expect(await page.locator('#reach figure.chart svg[role="img"]').count()).toBe(1);

      // The tag narrows every measure to vip members (Ada), the platform only mentions.
      await page.getByLabel('Tag').fill('vip');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForFunction(() => window.location.hash.includes('tag=vip'));
      await page.waitForSelector('#measures[data-state="ready"]');
      const vip = (await api(`/api/v1/metrics/community?${query({ tag: 'vip' })}`)).total.values;
      expect(vip.activity.activeMembers).toBeLessThan(all.activity.activeMembers);
      expect(await figure('activity.activeMembers')).toBe(counts(vip.activity.activeMembers));
      expect(await figure('reach.totalReach')).toBe(counts(vip.reach.totalReach));
      expect(await page.locator('#measures-scope').textContent()).toContain('tagged “vip”');

      await page.getByLabel('Tag').fill('');
      await page.getByLabel('Platform').fill('TikTok');
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForFunction(() => window.location.hash.includes('platform=TikTok'));
      await page.waitForSelector('#measures[data-state="ready"]');
      expect(await figure('reach.totalReach')).toBe('0');
      expect(await figure('activity.activeMembers')).toBe(counts(all.activity.activeMembers));

      // A reload keeps the choices; a tag nobody carries is an empty period, not a wall of zeros.
      await open(page, `#/overview?from=${period.from}&to=${period.to}&tag=nobody`);
      expect(await page.getByLabel('Tag').inputValue()).toBe('nobody');
      await page.waitForSelector('#measures[data-state="empty"]');
      expect(await page.locator('#measures .empty-state').textContent()).toContain(
        'Nothing was recorded',
      );
    });

    it('shows acquisition costs as the API computed them: unknown where nothing was paid, no ratio there', async () => {
      const euros = (value: string | null) =>
        value === null
          ? '—'
          : new Intl.NumberFormat('en-US', {
              style: 'currency',
              currency: 'EUR',
              minimumFractionDigits: 2,
              maximumFractionDigits: 2,
            }).format(Number(value));
      const cell = (card: string, row: string, column: string) =>
        page
          .locator(`#${card} tr`, { has: page.locator('th[scope="row"]', { hasText: row }) })
          .locator(`td[data-label="${column}"]`)
          .innerText();

      await open(page, '#/acquisition');
      const period = new URLSearchParams(
        (await page.evaluate(() => window.location.hash as string)).split('?')[1],
      );
      const body = await api(`/api/v1/metrics/acquisition?${period.toString()}`);
      const channel = (name: string) =>
        body.channels.find((row: { channel: string }) => row.channel === name);
      // Eve and Margaret came with no channel or campaign: their cost is unknown, not zero.
      expect(channel('unattributed')).toMatchObject({ cac: null, costKnown: false });
      expect(await cell('channels', 'Unattributed', 'CAC')).toBe('unknown');
      expect(await cell('channels', 'Unattributed', 'LTV/CAC')).toBe('—');
      expect(await page.locator('#ltv-cac .chart-note').innerText()).toContain(
        'No ratio for Unattributed',
      );
      // Grace and Linus cost their rewards; Tim the whole campaign he alone answered.
      expect(channel('community').cac).toBe('10.00');
      expect(await cell('channels', 'Community', 'CAC')).toBe(euros('10.00'));
      expect(channel('paid-search').cac).toBe('1200.00');
      expect(await cell('channels', 'Paid search', 'CAC')).toBe(euros('1200.00'));
      expect(await cell('channels', 'All channels', 'CAC')).toBe(euros(body.overall.cac));
      expect(await cell('channels', 'Paid search', 'Max CAC at 3.0×')).toBe(
        euros(channel('paid-search').maxAffordableCac),
      );
      expect(await cell('measures', 'Community', 'Revenue per customer')).toBe(
        euros(channel('community').measures.revenuePerCustomer),
      );
      expect(await cell('measures', 'All channels', 'Average order')).toBe(
        euros(body.overall.measures.averageOrderValue),
      );
      expect(await cell('campaigns', 'Autumn search ads', 'CAC')).toBe(euros('1200.00'));
    });

    it('shows the retention of the cohorts, and says when the measures cannot load', async () => {
      const day = (offset: number) =>
        new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
      const year = `from=${day(-365)}&to=${day(1)}&interval=month`;
      await open(page, `#/overview?${year}`);
      await page.waitForSelector('#measures[data-state="ready"]');
      const metrics = await api(`/api/v1/metrics/community?${year}`);
      const cohorts = metrics.retention.filter((cohort: any) => cohort.newCustomers > 0);
      expect(cohorts.length).toBeGreaterThanOrEqual(2);
      expect(await page.locator('#retention tbody tr').count()).toBe(cohorts.length);
      const last = cohorts.at(-1);
      expect(
        await page.locator(`#retention tr[data-cohort="${last.cohort}"] td`).first().textContent(),
      ).toBe(String(last.newCustomers));
      expect(await page.locator('#measures [data-measure]').count()).toBeGreaterThan(10);

      // While the answer is on its way the page says it is loading; a failure can be retried.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route('**/api/v1/metrics/community?*', async (route) => {
        await held;
        await route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({ statusCode: 500, code: 'INTERNAL', message: 'Something failed' }),
        });
      });
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.waitForSelector('#measures[aria-busy="true"] .loading-block');
      expect(await page.locator('#measures').getAttribute('data-state')).toBe('loading');
      release();
      await page.waitForSelector('#measures[data-state="error"]');
      expect(await page.getByRole('alert').textContent()).toContain(
        'Could not load the community measures',
      );
      // The browser logs the failed request this test caused; nothing else may be logged.
      const caused = problems.findIndex((problem) => /status of 500/.test(problem));
      expect(caused).toBeGreaterThanOrEqual(0);
      problems.splice(caused, 1);
      await page.unroute('**/api/v1/metrics/community?*');
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.waitForSelector('#measures[data-state="ready"]');
    });

    it('filters the ranking on the server and pages through it', async () => {
      await open(page, '#/ambassadors');
      const ranking = await api('/api/v1/advocates?limit=25');
      expect(await page.locator('#ranking tbody tr').count()).toBe(ranking.items.length);
      expect(ranking.items.length).toBeGreaterThan(3);
      // Ranked by advocacy value, each row saying why in words, and what its next tier misses.
      const top = page.locator('#ranking tbody tr').first();
      expect(await top.locator('.reasons li').allTextContents()).toEqual(ranking.items[0].reasons);
      expect(ranking.items[0].reasons.length).toBeGreaterThan(0);
      expect(await top.locator('.tier-why').getAttribute('title')).toBe(
        ranking.items[0].tierReason.text,
      );
      await page.getByLabel('Tag').fill('vip');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForFunction(() => document.querySelectorAll('#ranking tbody tr').length === 1);
      expect(await page.locator('#ranking tbody tr .member-link').textContent()).toBe(
        'Ada Lovelace',
      );
      expect(page.url()).toContain('tag=vip');
      expect(await page.locator('#ranking-count').textContent()).toBe('1–1 of 1');
      const csv = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
      expect(csv).toContain('format=csv');
      expect(csv).toContain('tag=vip');
      const download = await context.request.get(`${base}${csv}`);
      expect(download.status()).toBe(200);
      expect(await download.text()).toContain('Ada Lovelace');

      await page.getByRole('link', { name: 'Reset' }).click();
      await settled(page);
      await page.getByLabel('Search').fill('grace');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForFunction(
        () =>
          document.querySelector('#ranking tbody tr .member-link')?.textContent === 'Grace Hopper',
      );
      expect(await page.locator('#ranking tbody tr').count()).toBe(1);

      await open(page, '#/ambassadors');
      await page
        .getByRole('navigation', { name: 'Segments' })
        .getByRole('link', { name: 'Hidden gems' })
        .click();
      await settled(page);
      expect(page.url()).toContain('segment=hidden-gems');
      const gems = await api('/api/v1/advocates?segment=hidden-gems&limit=25');
      expect(await page.locator('#ranking tbody tr').count()).toBe(gems.items.length);
    });

    it('shows a member with the breakdown the API computed', async () => {
      await open(page, '#/ambassadors');
      await page.getByRole('link', { name: 'Ada Lovelace' }).click();
      await settled(page);
      expect(await page.locator('h1').textContent()).toBe('Ada Lovelace');
      const value = await api(`/api/v1/members/${community.ada.id}/value`);
      const expected: Record<string, string> = {
        spendRealized: value.components.spend.realized,
        spendPredicted: value.components.spend.predicted,
        referral: value.components.referral.value,
        influenceMeasured: value.components.influence.measured,
        influenceModeled: value.components.influence.modeled,
        knowledge: value.components.knowledge.value,
      };
      const euros = (amount: string) =>
        new Intl.NumberFormat('en-US', {
          style: 'currency',
          currency: value.currency,
          minimumFractionDigits: 2,
        }).format(Number(amount));
      for (const [component, amount] of Object.entries(expected)) {
        const row = page.locator(`#breakdown [data-component="${component}"]`);
        expect(await row.getAttribute('data-amount')).toBe(amount);
        expect(await row.locator('.bar-value').textContent()).toBe(euros(amount));
      }
      expect(Number(value.components.referral.value)).toBeGreaterThan(0);
      expect(Number(value.components.influence.measured)).toBeGreaterThan(0);
      expect(await page.locator('#breakdown .breakdown-total').getAttribute('data-amount')).toBe(
        value.extendedValue,
      );
      expect(await page.locator('#breakdown .breakdown-total-value').textContent()).toBe(
        euros(value.extendedValue),
      );
      const pAlive = value.components.spend.pAlive;
      expect(await page.locator('#p-alive').textContent()).toBe(
        pAlive === null ? '—' : `${Math.round(pAlive * 100)}%`,
      );
      // History from two recomputes, the tree two levels deep, the timeline.
      expect(await page.locator('#history svg[role="img"]').count()).toBe(1);
      expect(await page.locator('#referrals .tree > li').count()).toBe(1);
      expect(await page.locator('#referrals .tree > li > ul > li').count()).toBe(1);
      expect(await page.locator('#referrals .tree').textContent()).toContain('Linus Torvalds');
      expect(await page.locator('#timeline .timeline-item').count()).toBeGreaterThanOrEqual(5);
    });

    it('shows what users wrote as text: a script in a review or a name does not run', async () => {
      // Without the CSP's help: only rendering as text keeps these inert.
      const unguarded = await newContext(1280, { bypassCSP: true });
      await signIn(unguarded, test.keys.viewer);
      const page = await unguarded.newPage();
      await open(page, `#/members/${community.ada.id}`);
      expect(await page.locator('#timeline .review-body').textContent()).toBe(HOSTILE_REVIEW_BODY);
      expect(await page.locator('#timeline .review-head strong').textContent()).toBe(
        HOSTILE_REVIEW_TITLE,
      );
      expect(await page.locator('main img, main script').count()).toBe(0);
      expect(await page.evaluate(() => window.__xss)).toBeUndefined();

      await open(page, `#/members/${community.eve.id}`);
      expect(await page.locator('h1').textContent()).toBe(HOSTILE_NAME);
      await open(page, '#/ambassadors?q=eve');
      expect(await page.locator('#ranking .member-link').first().textContent()).toBe(HOSTILE_NAME);
      expect(await page.locator('main img').count()).toBe(0);
      expect(await page.evaluate(() => window.__xss)).toBeUndefined();

      // A filter is what someone typed, too: the overview keeps it as text.
      await open(page, `#/overview?tag=${encodeURIComponent(HOSTILE_NAME)}`);
      expect(await page.getByLabel('Tag').inputValue()).toBe(HOSTILE_NAME);
      expect(await page.locator('main img').count()).toBe(0);
      expect(await page.evaluate(() => window.__xss)).toBeUndefined();
      await unguarded.close();
    });

    it('hides write actions from a viewer', async () => {
      await open(page, '#/reviews');
      expect(await page.locator('#flagged-referrals .queue-item').count()).toBe(1);
      expect(await page.getByRole('button', { name: /Approve|Reject|Merge|Dismiss/ }).count()).toBe(
        0,
      );
    });
  });

  describe.each(WIDTHS)('at %i px wide', (width) => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      // bypassCSP lets axe be injected as a script tag; the pages themselves run the same.
      context = await newContext(width, { bypassCSP: true });
      page = await context.newPage();
    });
    afterAll(() => context.close());

    const pages: Array<[string, () => string]> = [
      ['overview', () => '#/overview'],
      ['ambassadors', () => '#/ambassadors'],
      ['member', () => `#/members/${community.ada.id}`],
      ['acquisition', () => '#/acquisition'],
      ['reviews', () => '#/reviews'],
    ];

    it('signs in accessibly', async () => {
      await page.goto(base);
      await page.getByLabel('API key').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, `sign-in-${width}.png`), fullPage: true });
      expect(await axe(page)).toEqual([]);
      await signIn(context, test.keys.manager);
    });

    it.each(pages)(
      '%s: no serious or critical axe violation, and a screenshot',
      async (name, hash) => {
        await open(page, hash());
        await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
        expect(await axe(page)).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      },
    );
  });

  describe('review queues for a manager', () => {
    it('approves a flagged referral and dismisses a merge suggestion', async () => {
      const context = await newContext(1280);
      await signIn(context, test.keys.manager);
      const page = await context.newPage();
      await open(page, '#/reviews');
      const referral = page.locator('#flagged-referrals .queue-item');
      expect(await referral.count()).toBe(1);
      // The evidence beside the buttons: the two look-alike emails and what is at stake.
      const evidence = await referral.locator('.queue-evidence').textContent();
      expect(evidence).toContain('Look-alike emails: margaret@apollo.example referred');
      expect(evidence).toMatch(
        /At stake: a reward of €[\d.,]+; the referee has spent €[\d.,]+ so far/,
      );
      await referral.getByRole('button', { name: /^Approve referral/ }).click();
      await page.waitForFunction(() => !document.querySelector('#flagged-referrals .queue-item'));
      expect(
        (await api(`/api/v1/referrals/${community.flaggedReferralId}`)).approvedAt,
      ).not.toBeNull();

      const suggestions = page.locator('#merge-suggestions .queue-item');
      const before = await suggestions.count();
      expect(before).toBeGreaterThanOrEqual(1);
      await suggestions
        .first()
        .getByRole('button', { name: /^Dismiss/ })
        .click();
      await page.waitForFunction(
        (count) => document.querySelectorAll('#merge-suggestions .queue-item').length === count - 1,
        before,
      );
      expect((await api('/api/v1/members/merge-suggestions')).total).toBe(before - 1);
      await context.close();
    });
  });

  it('ran under the Content-Security-Policy without a violation or an error', () => {
    expect(problems).toEqual([]);
  });
});
