import { join } from 'node:path';
import { Browser } from 'playwright-core';
import {
  SCREENSHOTS,
  browserSuite,
  dashboardContext,
  settled,
  signIn,
  startBrowser,
} from '../support/dashboard-browser';
import { seedDashboardCommunity } from '../support/dashboard-community';
import { subscribeDigest } from '../support/digest-preview';
import { TestApp, createTestApp } from '../support/test-app';

// Browser globals inside page.evaluate callbacks (the project has no DOM lib).
declare const document: any;
declare const window: any;
declare const getComputedStyle: any;

const suite = browserSuite('digest HTML in Chromium');
const PUBLIC_BASE = 'http://localhost:3000';

/**
 * The digest as a phone's and a desktop's mail app show it (issue #14, digest fixes): no
 * horizontal scroll from 320 to 600 px, bars under their figures (no floating tables), and
 * links that open the dashboard on the digest's own period, which the page then names.
 */
suite('digest HTML', () => {
  jest.setTimeout(180_000);
  let test: TestApp;
  let browser: Browser;
  let base: string;
  let html: string;
  const problems: string[] = [];

  beforeAll(async () => {
    test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' });
    await seedDashboardCommunity(test);
    const id = await subscribeDigest(test, {
      name: 'Community team with a rather long name for small screens',
      cadence: 'monthly',
      dayOfMonth: 1,
      sendAt: '08:00',
      timezone: 'UTC',
    });
    html = (
      await test
        .http()
        .get(`/api/v1/digests/subscriptions/${id}/preview?format=html`)
        .set('Authorization', test.keys.admin)
        .expect(200)
    ).text;
    ({ base, browser } = await startBrowser(test));
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  it.each([320, 390, 600])(
    'fits %i px without horizontal scroll, bars under their figures',
    async (width) => {
      const context = await dashboardContext(browser, width, problems);
      const page = await context.newPage();
      await page.setContent(html);
      const layout = await page.evaluate(() => {
        const tables = [...document.querySelectorAll('table')];
        const bars = tables.filter((table: any) => table.style.maxWidth === '120px');
        return {
          scrollWidth: document.documentElement.scrollWidth,
          viewport: window.innerWidth,
          floating: tables.filter((table: any) => getComputedStyle(table).float !== 'none').length,
          aligned: tables.filter((table: any) => table.hasAttribute('align')).length,
          bars: bars.length,
          // A bar lies inside its cell, below the text before it.
          outside: bars.filter((bar: any) => {
            const cell = bar.parentElement.getBoundingClientRect();
            const box = bar.getBoundingClientRect();
            return box.left < cell.left - 0.5 || box.right > cell.right + 0.5;
          }).length,
        };
      });
      expect(layout.bars).toBeGreaterThan(0);
      expect(layout).toMatchObject({ floating: 0, aligned: 0, outside: 0 });
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewport);
      if (width !== 320)
        await page.screenshot({ path: join(SCREENSHOTS, `digest-${width}.png`), fullPage: true });
      await context.close();
    },
  );

  it('opens the dashboard on the digest period, and the pages say which period it is', async () => {
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((match) =>
      match[1].replace(/&amp;/g, '&'),
    );
    const overview = links.find((link) => link.includes('#/overview'))!;
    const ranking = links.find((link) => link.includes('#/ambassadors?'))!;
    const params = new URLSearchParams(overview.split('?')[1]);
    expect(params.get('from')).toMatch(/^\d{4}-\d{2}-01$/);

    const context = await dashboardContext(browser, 1280, problems);
    await signIn(context, base, test.keys.viewer);
    const page = await context.newPage();
    await page.goto(overview.replace(PUBLIC_BASE, base));
    await settled(page);
    expect(await page.locator('#period-from').inputValue()).toBe(params.get('from'));
    // The "Last 30 days" preset is not the digest's month: it is not shown as chosen.
    expect(
      await page.getByRole('button', { name: 'Last 30 days' }).getAttribute('aria-pressed'),
    ).toBe('false');

    await page.goto('about:blank');
    await page.goto(ranking.replace(PUBLIC_BASE, base));
    await settled(page);
    const chosen = await page.locator('#filter-period option:checked').innerText();
    expect(chosen).not.toBe('Last 30 days');
    expect(chosen).toMatch(/\d{2}\/\d{2} – \d{2}\/\d{2}\/\d{4}/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
