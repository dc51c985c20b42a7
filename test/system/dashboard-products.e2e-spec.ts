import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import {
  SCREENSHOTS,
  WIDTHS,
  axeViolations,
  browserSuite,
  dashboardContext,
  settled,
  signIn,
  startBrowser,
} from '../support/dashboard-browser';
import { daysAgo, seedDashboardCommunity } from '../support/dashboard-community';
import { createMember, createPurchase } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

// Browser globals inside page.evaluate / waitForFunction callbacks (the project has no DOM lib).
declare const document: any;
declare const window: any;

const SECTION = '#first-product';
const suite = browserSuite('dashboard products browser tests');

const euros = (value: string | null) =>
  value === null
    ? '—'
    : new Intl.NumberFormat('en-US', {
        style: 'currency',
        currency: 'EUR',
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
      }).format(Number(value));

/**
 * Older customers beside the dashboard community (whose first orders are all under a year old):
 * so that the table has products, a category, an unknown product and retention to show.
 */
async function seedFirstProducts(test: TestApp): Promise<void> {
  const customers: [string, string | undefined, string | undefined, number[], string][] = [
    ['Rosa Parks', 'Trail shoes', 'shoes', [700, 500], '140.00'],
    ['Alan Turing', 'Trail shoes', 'shoes', [650], '120.00'],
    ['Mary Seacole', 'Rain jacket', 'outerwear', [600, 420], '210.00'],
    ['Ida Wells', 'Rain jacket', 'outerwear', [560, 100], '190.00'],
    ['Nikola Tesla', 'Gift card', undefined, [540], '50.00'],
    ['Hedy Lamarr', undefined, undefined, [520, 300], '75.00'],
  ];
  for (const [name, product, productCategory, days, amount] of customers) {
    const member = await createMember(test, {
      name,
      email: `${name.split(' ')[0].toLowerCase()}@first-product.example`,
    });
    for (const [index, ago] of days.entries())
      await createPurchase(test, {
        memberId: member.id,
        amount: index === 0 ? amount : '60.00',
        occurredAt: daysAgo(ago),
        product: index === 0 ? product : 'Socks',
        productCategory: index === 0 ? productCategory : 'accessories',
      });
  }
  const run = await test
    .http()
    .post('/api/v1/value/recompute')
    .set('Authorization', test.keys.manager)
    .send({});
  if (run.status !== 200) throw new Error(`recompute: ${JSON.stringify(run.body)}`);
}

suite('dashboard: long-term value by first product', () => {
  jest.setTimeout(180_000);
  let test: TestApp;
  let browser: Browser;
  let base: string;
  /** Problems the page reported: CSP violations, uncaught errors, failed scripts. */
  const problems: string[] = [];

  const api = async (path: string) =>
    (await test.http().get(path).set('Authorization', test.keys.viewer).expect(200)).body;

  beforeAll(async () => {
    test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' });
    await seedDashboardCommunity(test);
    await seedFirstProducts(test);
    ({ base, browser } = await startBrowser(test));
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  /** A viewer's context at this width. */
  async function newContext(
    width: number,
    options: { bypassCSP?: boolean } = {},
  ): Promise<BrowserContext> {
    const context = await dashboardContext(browser, width, problems, options);
    await signIn(context, base, test.keys.viewer);
    return context;
  }

  async function openAcquisition(page: Page): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${base}/#/acquisition`);
    await settled(page);
    await page.locator(`${SECTION} table`).waitFor();
  }

  /** Serious and critical axe violations inside the section. */
  const axe = (page: Page) => axeViolations(page, SECTION);

  const rowNames = (page: Page) => page.locator(`${SECTION} tbody th[scope="row"]`).allInnerTexts();
  const cell = (page: Page, row: string, column: string) =>
    page
      .locator(`${SECTION} tr`, {
        has: page.locator('th[scope="row"]', { hasText: new RegExp(`^${row}$`) }),
      })
      .locator(`td[data-label="${column}"]`)
      .innerText();

  it('shows the table as the API computed it, switches to categories, and downloads CSV', async () => {
    const context = await newContext(1280);
    const page = await context.newPage();
    await openAcquisition(page);
    expect(
      await page
        .getByRole('heading', { level: 2, name: 'Long-term value by first product' })
        .count(),
    ).toBe(1);

    const byProduct = await api('/api/v1/metrics/products');
    // The first-order products, largest mean extended value first; the unknown one in words.
    expect(await rowNames(page)).toEqual(
      byProduct.groups.map((group: { name: string; known: boolean }) =>
        group.known ? group.name : 'No product recorded',
      ),
    );
    expect(await rowNames(page)).toEqual(
      expect.arrayContaining(['Trail shoes', 'Rain jacket', 'Gift card', 'No product recorded']),
    );
    expect(await rowNames(page)).not.toContain('Socks');
    const jacket = byProduct.groups.find((group: { name: string }) => group.name === 'Rain jacket');
    // Mary bought again after 180 days, Ida only after 460: one of two within a year.
    expect(jacket).toMatchObject({ customers: 2, retentionEligible: 2, retainedCustomers: 1 });
    expect(await cell(page, 'Rain jacket', 'Avg. extended value')).toBe(
      euros(jacket.meanExtendedValue),
    );
    expect(await cell(page, 'Rain jacket', 'Bought again within 365 days')).toBe('50%\n1 of 2');
    expect(await cell(page, 'All customers', 'Customers')).toContain(
      String(byProduct.overall.customers),
    );
    // The community's customers all first bought within the year: they wait for retention.
    expect(await page.locator(`${SECTION} .chart-note`).innerText()).toContain(
      `${byProduct.overall.youngCustomers} customers first bought less than 365 days ago`,
    );

    const csvLink = page.locator(`${SECTION} a`, { hasText: 'Download CSV' });
    await page.getByRole('button', { name: 'Category', exact: true }).click();
    await settled(page);
    expect(
      await page
        .getByRole('button', { name: 'Category', exact: true })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    const byCategory = await api('/api/v1/metrics/products?by=category');
    expect(await rowNames(page)).toEqual(
      byCategory.groups.map((group: { name: string; known: boolean }) =>
        group.known ? group.name : 'No category recorded',
      ),
    );
    expect(await rowNames(page)).toEqual(expect.arrayContaining(['shoes', 'outerwear']));
    const href = await csvLink.getAttribute('href');
    expect(href).toBe('/api/v1/metrics/products?by=category&format=csv');
    expect(await csvLink.getAttribute('download')).toBe('value-by-first-category.csv');
    const csv = await context.request.get(`${base}${href}`);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^row,category,known,customers,/);
    expect(problems).toEqual([]);
    await context.close();
  });

  describe.each(WIDTHS)('at %i px wide', (width) => {
    it('has no serious or critical axe violation, fits the screen, and leaves a screenshot', async () => {
      // bypassCSP lets axe be injected as a script tag; the page itself runs the same.
      const context = await newContext(width, { bypassCSP: true });
      const page = await context.newPage();
      await openAcquisition(page);
      // The section cut out of a full-page shot: an element shot of something taller than the
      // window scrolls under the sticky top bar, which then covers part of it.
      await page.evaluate(() => window.scrollTo(0, 0));
      const box = await page.locator(SECTION).boundingBox();
      if (!box) throw new Error('the section is not shown');
      await page.screenshot({
        path: join(SCREENSHOTS, `products-${width}.png`),
        fullPage: true,
        clip: box,
      });
      expect(await axe(page)).toEqual([]);
      const overflow = await page.evaluate((selector: string) => {
        const element = document.querySelector(selector);
        const table = element.querySelector('.table-scroll');
        return {
          page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          table: table.scrollWidth - table.clientWidth,
        };
      }, SECTION);
      expect(overflow.page).toBeLessThanOrEqual(0);
      // On a phone the rows stack as cards: nothing to scroll sideways.
      if (width < 500) expect(overflow.table).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await context.close();
    });
  });
});
