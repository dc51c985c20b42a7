import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import {
  SCREENSHOTS,
  axeViolations,
  browserSuite,
  dashboardContext,
  horizontalOverflow,
  signIn,
} from '../support/dashboard-browser';
import { daysAgo, seedDashboardCommunity } from '../support/dashboard-community';
import { toNdjson } from '../support/import-files';
import { uploadImport } from '../support/import-requests';
import { TestApp, createTestApp } from '../support/test-app';

// Browser globals inside page.evaluate / waitForFunction callbacks (the project has no DOM lib).
declare const document: any;

const suite = browserSuite('dashboard model browser tests');

/** The page's own rounding: "about 2.3 orders a year", "24.5%". */
const oneDecimal = (value: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(Math.round(value * 10) / 10);
const twoDecimals = (value: number) =>
  new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(value);
const percent = (value: number) =>
  new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(value);
const euros = (value: number) =>
  new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(value);

/**
 * 240 customers whose repeat buying follows the BG/NBD story (a rate each, a chance of
 * stopping after each order), first orders 250 to 700 days ago, imported in two requests: enough
 * repeat buyers before the 180-day holdout for the recompute's fit, its choice between the two
 * models and the backtest.
 */
async function importRepeatBuyers(test: TestApp): Promise<void> {
  // mulberry32, seeded: the same community on every run.
  let seed = 12;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4_294_967_296;
  };
  // Gamma(shape, 1) by Marsaglia and Tsang (shape < 1 boosted by U^(1/shape)).
  const normal = () => Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
  const gamma = (shape: number): number => {
    if (shape < 1) return gamma(shape + 1) * random() ** (1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const z = normal();
      const v = (1 + c * z) ** 3;
      if (v > 0 && Math.log(random()) < 0.5 * z * z + d - d * v - d * Math.log(v)) return d * v;
    }
  };
  const members: Record<string, unknown>[] = [];
  const purchases: Record<string, unknown>[] = [];
  for (let index = 0; index < 240; index++) {
    const externalId = `model-buyer-${index}`;
    members.push({ externalId, email: `${externalId}@model.example`, name: `Buyer ${index}` });
    // BG/NBD with r 0.9, alpha 70 days, a 1, b 4: about 4.7 orders a year while active, a
    // 20 % chance of stopping after each repeat order, both varying between customers.
    const ordersADay = gamma(0.9) / 70;
    const stopAfter = gamma(1);
    const stopChance = stopAfter / (stopAfter + gamma(4));
    const basket = 30 + Math.round(random() * 120);
    let ago = 250 + Math.floor(random() * 450);
    for (let order = 0; ago > 0; order++) {
      purchases.push({
        externalId: `${externalId}-${order}`,
        memberExternalId: externalId,
        amount: `${basket + Math.round(random() * 40)}.00`,
        currency: 'EUR',
        occurredAt: daysAgo(ago),
      });
      if (order > 0 && random() < stopChance) break;
      ago -= Math.max(1, Math.round(-Math.log(1 - random()) / ordersADay));
    }
  }
  for (const [type, rows] of [
    ['members', members],
    ['purchases', purchases],
  ] as const) {
    const response = await uploadImport(test, type, 'application/x-ndjson', toNdjson(rows));
    if (response.status !== 200 || response.body.refused !== 0)
      throw new Error(`import ${type}: ${JSON.stringify(response.body).slice(0, 500)}`);
  }
}

suite('dashboard: the Model page', () => {
  jest.setTimeout(180_000);
  let test: TestApp;
  let browser: Browser;
  let base: string;

  const api = async (path: string) =>
    (await test.http().get(path).set('Authorization', test.keys.viewer).expect(200)).body;

  /**
   * A fresh app with its data seeded before the recomputes: the model choice is made once a
   * week, so the buyers must be there when the community's recompute makes it.
   */
  async function startApp(withRepeatBuyers: boolean): Promise<void> {
    await test?.close();
    test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' });
    await test.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(test.app.getHttpServer().address() as AddressInfo).port}`;
    if (withRepeatBuyers) await importRepeatBuyers(test);
    await seedDashboardCommunity(test);
  }

  beforeAll(async () => {
    await startApp(false);
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  /** Opens #/model signed in as a viewer and waits until the backtest has been drawn. */
  async function openModel(width: number): Promise<{ page: Page; problems: string[] }> {
    const problems: string[] = [];
    // bypassCSP lets axe be injected as a script tag; the page itself runs the same.
    const context = await dashboardContext(browser, width, problems, { bypassCSP: true });
    await signIn(context, base, test.keys.viewer);
    const page = await context.newPage();
    await page.goto(`${base}/#/model`);
    await page.waitForFunction(
      () => {
        const main = document.querySelector('main');
        return Boolean(
          main &&
          !main.hasAttribute('aria-busy') &&
          !document.querySelector('.loading-block, [aria-busy="true"]') &&
          main.querySelector('h1'),
        );
      },
      undefined,
      { timeout: 60_000 },
    );
    return { page, problems };
  }

  async function checkLayout(page: Page): Promise<void> {
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  }

  it('says why the simple formula values members while too few have bought again', async () => {
    const model = await api('/api/v1/model');
    expect(model.method).toBe('simple');
    const { page, problems } = await openModel(1280);
    expect(await page.locator('h1').textContent()).toBe('Model');
    expect(await page.locator('.main-nav a[aria-current="page"]').textContent()).toBe('Model');
    const reason = await page.locator('#model-simple-reason').textContent();
    expect(reason).toContain('The simple formula values your members');
    expect(reason).toContain(model.reason);
    expect(await page.locator('#model-fit-bgnbd').textContent()).toContain('Not fitted');
    // The brand's formula in words, each figure as GET /model gave it.
    const formula = model.simpleFormula;
    expect(await page.locator('#model-simple-equation').textContent()).toBe(
      `${euros(Number(formula.averageOrderValue))} average order × ${twoDecimals(formula.ordersPerYear)} repeat orders a year × ${twoDecimals(formula.relationshipYears)} ${formula.relationshipYears === 1 ? 'year' : 'years'} = ${euros(Number(formula.simpleLtv))} of revenue per customer`,
    );
    // The conversion per reach table: one row a platform the run calibrated or assumed.
    const platforms = await page.locator('#model-conversion tbody tr').count();
    expect(platforms).toBe(model.calibration.length);
    expect(platforms).toBeGreaterThan(0);
    await checkLayout(page);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  describe('with a fitted model', () => {
    beforeAll(() => startApp(true));

    it.each([390, 1280])(
      'draws the fits in words and the holdout check at %i px',
      async (width) => {
        const model = await api('/api/v1/model');
        expect(model.method).not.toBe('simple');
        const { page, problems } = await openModel(width);
        await page.screenshot({ path: join(SCREENSHOTS, `model-${width}.png`), fullPage: true });

        for (const [method, fit] of [
          ['bgnbd', model.bgnbd],
          ['mbgnbd', model.modifiedBgnbd],
        ] as const) {
          const rate = ((fit.r / fit.alpha) * 365.25) as number;
          expect(await page.locator(`#model-fit-${method}-rate`).textContent()).toBe(
            `about ${oneDecimal(rate)} orders a year`,
          );
          expect(await page.locator(`#model-fit-${method}-dropout`).textContent()).toBe(
            percent(fit.a / (fit.a + fit.b)),
          );
          const inUse = await page.locator(`#model-fit-${method} .badge`).count();
          expect(inUse).toBe(model.spendModel.chosen === method ? 1 : 0);
        }
        expect(await page.locator('#model-choice-reason').textContent()).toBe(
          `: ${model.spendModel.reason}.`,
        );
        const { p, q, gamma } = model.gammaGamma;
        expect(await page.locator('#model-aov').textContent()).toBe(euros((p * gamma) / (q - 1)));
        expect(await page.locator('#model-aov-spread').textContent()).toBe(
          q > 2 ? `± ${euros((p * gamma) / ((q - 1) * Math.sqrt(q - 2)))}` : 'too wide to state',
        );

        // The classic chart: three lines (actual, fitted, simple formula) and its numbers.
        const classic = page.locator('#holdout-by-past');
        expect(await classic.locator('svg path.line').count()).toBe(3);
        expect(await classic.locator('svg').getAttribute('aria-label')).toMatch(/^Mean repeat/);
        expect(await classic.locator('.data-table tbody tr').count()).toBeGreaterThan(1);
        // Cumulative through the holdout, and the same check in money.
        const daily = page.locator('#holdout-daily');
        expect(await daily.locator('svg path.line').count()).toBe(3);
        expect(await daily.locator('.data-table tbody tr').count()).toBeGreaterThan(10);
        const money = page.locator('#holdout-money');
        expect(await money.locator('svg path.line').count()).toBe(2);
        expect(await money.locator('.data-table tbody tr').count()).toBeGreaterThan(1);

        await checkLayout(page);
        expect(problems).toEqual([]);
        await page.context().close();
      },
    );
  });
});
