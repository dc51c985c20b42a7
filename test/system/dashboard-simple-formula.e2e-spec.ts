import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import {
  SCREENSHOTS,
  axeViolations,
  browserSuite,
  dashboardContext,
  settled,
  signIn,
  startBrowser,
} from '../support/dashboard-browser';
import { DashboardCommunity, seedDashboardCommunity } from '../support/dashboard-community';
import { TestApp, createTestApp } from '../support/test-app';

// Browser globals inside page.evaluate callbacks (the project has no DOM lib).
declare const document: any;
declare const window: any;

const suite = browserSuite('simple-formula browser tests');

/** The member page's "Simple formula" block against GET /members/:id/value, at 390 and 1280 px. */
suite('member page: the simple formula beside the fitted value', () => {
  jest.setTimeout(180_000);
  let test: TestApp;
  let browser: Browser;
  let base: string;
  let community: DashboardCommunity;

  const api = async (path: string) =>
    (await test.http().get(path).set('Authorization', test.keys.viewer).expect(200)).body;
  const euros = (amount: string) =>
    new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }).format(Number(amount));
  const decimal = (number: number) =>
    new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(number);

  beforeAll(async () => {
    test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' });
    community = await seedDashboardCommunity(test);
    ({ base, browser } = await startBrowser(test));
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  async function openMember(width: number, memberId: string): Promise<Page> {
    const problems: string[] = [];
    // bypassCSP lets axe be injected as a script tag; the page itself runs the same.
    const context = await dashboardContext(browser, width, problems, { bypassCSP: true });
    await signIn(context, base, test.keys.viewer);
    const page = await context.newPage();
    await page.goto(`${base}/#/members/${memberId}`);
    await settled(page);
    expect(problems).toEqual([]);
    return page;
  }

  const seriousAxeViolations = (page: Page) => axeViolations(page);

  it.each([390, 1280])(
    'shows the factors and their product beside the fitted value at %i px',
    async (width) => {
      const value = await api(`/api/v1/members/${community.ada.id}/value`);
      const formula = value.simpleFormula;
      expect(formula).not.toBeNull();
      const page = await openMember(width, community.ada.id);
      const block = page.locator('#simple-formula');
      expect(await block.locator('h2').textContent()).toBe('Simple formula');
      // "€82.83 average order × 1.02 repeat orders a year × 3 years left = €253.45 of future
      // revenue", each figure as the API gave it.
      expect(await page.locator('#simple-formula-equation').textContent()).toBe(
        `${euros(formula.averageOrderValue)} average order × ${decimal(formula.ordersPerYear)} repeat orders a year × ${decimal(formula.relationshipYears)} years left = ${euros(formula.revenue)} of future revenue`,
      );
      expect(await page.locator('#simple-formula-value').textContent()).toBe(euros(formula.value));
      expect(await page.locator('#simple-formula-fitted').textContent()).toBe(
        euros(value.components.spend.predicted),
      );
      // The seeded community has too few repeat buyers for a fitted model: the block says the
      // formula is the prediction in use, and the two figures agree.
      expect(value.components.spend.method).toBe('simple');
      expect(formula.value).toBe(value.components.spend.predicted);
      expect(await block.textContent()).toContain('this is the prediction in use');

      // The spend model and the formula together, from a full-page capture (the sticky top bar
      // would cover an element scrolled into view).
      const box = await page.locator('.stack', { has: block }).boundingBox();
      const scrollY: number = await page.evaluate(() => window.scrollY);
      await page.screenshot({
        path: join(SCREENSHOTS, `member-simple-formula-${width}.png`),
        fullPage: true,
        clip: { x: 0, y: box!.y + scrollY - 8, width, height: box!.height + 16 },
      });
      expect(await seriousAxeViolations(page)).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await page.context().close();
    },
  );
});
