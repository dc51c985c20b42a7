import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
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
import {
  DashboardCommunity,
  daysAgo,
  seedDashboardCommunity,
} from '../support/dashboard-community';
import { createPurchase } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

const suite = browserSuite('dashboard language browser tests');

// Browser globals inside page.evaluate callbacks (the project has no DOM lib).
declare const document: any;

/** Money as the Italian dashboard writes it: "4.273,67 €" (thousands grouped from four digits). */
const italianEuros = (amount: string | number) =>
  new Intl.NumberFormat('it-IT', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    useGrouping: 'always',
  } as unknown as Intl.NumberFormatOptions).format(Number(amount));
const englishEuros = (amount: string | number) =>
  new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: 'EUR',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(Number(amount));
const ITALIAN_MONEY = /^-?\d{1,3}(\.\d{3})*,\d{2}\u00a0€$/;

/**
 * The dashboard in Italian: a browser whose language is Italian gets Italian words, Italian
 * numbers and money, and Italian dates; the EN / IT switch in the topbar changes the language
 * without a reload, is remembered across one, and the API is asked in the chosen language.
 */
suite('the dashboard in Italian and English', () => {
  jest.setTimeout(180_000);
  let test: TestApp;
  let browser: Browser;
  let base: string;
  let community: DashboardCommunity;
  const problems: string[] = [];

  const api = async (path: string) =>
    (await test.http().get(path).set('Authorization', test.keys.viewer).expect(200)).body;

  beforeAll(async () => {
    test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' });
    community = await seedDashboardCommunity(test);
    // A large order, so that a value in the ranking runs into the thousands.
    await createPurchase(test, {
      memberId: community.ada.id,
      amount: '8547.34',
      occurredAt: daysAgo(12),
    });
    await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({})
      .expect(200);
    ({ base, browser } = await startBrowser(test));
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  /** A viewer whose browser speaks Italian; bypassCSP lets axe be injected. */
  async function italianContext(width: number): Promise<BrowserContext> {
    const context = await dashboardContext(browser, width, problems, {
      bypassCSP: true,
      locale: 'it-IT',
    });
    await signIn(context, base, test.keys.viewer);
    return context;
  }

  async function open(page: Page, hash: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${base}/${hash}`);
    await settled(page);
  }

  const heading = (page: Page) => page.locator('main h1').textContent();
  const lang = (page: Page) => page.evaluate(() => document.documentElement.lang);
  const navTexts = (page: Page) => page.locator('.main-nav a:visible').allTextContents();

  describe.each(WIDTHS)('at %i px wide', (width) => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await italianContext(width);
      page = await context.newPage();
    });
    afterAll(() => context.close());

    it('shows the overview in Italian, with Italian numbers and dates', async () => {
      await open(page, '#/overview');
      await page.locator('#measures[data-state="ready"]').waitFor();
      expect(await lang(page)).toBe('it');
      expect(await heading(page)).toBe('Panoramica della community');
      expect(await page.title()).toBe('Panoramica della community · Halo');
      expect(await navTexts(page)).toEqual([
        'Panoramica',
        'Ambasciatori',
        'Acquisizione',
        'Revisioni',
        'Modello',
      ]);
      expect(await page.locator('#skip-link').textContent()).toBe('Vai al contenuto');
      expect(await page.locator('#sign-out').textContent()).toBe('Esci');
      expect(await page.locator('#session-role').textContent()).toBe('lettore');
      expect(await page.locator('#footer').textContent()).toContain('valore esteso');
      // 5,000 of reach in the seeded community: grouped with a dot in Italian.
      const all = (await api('/api/v1/metrics/community')).total.values;
      expect(all.reach.totalReach).toBe(5000);
      expect(await page.locator('[data-measure="reach.totalReach"] .kpi-value').textContent()).toBe(
        '5.000',
      );
      expect(await page.locator('#reach h2').textContent()).toBe('Portata e notorietà');
      expect(await page.locator('#purchases h2').textContent()).toBe('Comportamento di acquisto');
      expect(await page.locator('#measures-scope').textContent()).toMatch(
        /^Confronto con \d{2}\/\d{2}(\/\d{4})? – \d{2}\/\d{2}\/\d{4}\./,
      );
      expect(await page.getByRole('button', { name: 'Ultimi 30 giorni' }).count()).toBe(1);
      expect(await page.getByLabel('Andamento').count()).toBe(1);
      // The switch: a named group of two buttons, Italian pressed.
      const group = page.getByRole('group', { name: 'Lingua' });
      expect(
        await group.getByRole('button', { name: 'Italiano' }).getAttribute('aria-pressed'),
      ).toBe('true');
      expect(
        await group.getByRole('button', { name: 'English' }).getAttribute('aria-pressed'),
      ).toBe('false');
      if (width === 1280)
        await page.screenshot({ path: join(SCREENSHOTS, 'overview-it-1280.png'), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });

    it('shows the ambassadors in Italian, money as 4.273,67 €', async () => {
      await open(page, '#/ambassadors');
      expect(await heading(page)).toBe('Ambasciatori');
      const ranking = await api('/api/v1/advocates?limit=25');
      expect(await page.locator('#ranking tbody tr').count()).toBe(ranking.items.length);
      const headers = await page.locator('#ranking thead th').allTextContents();
      expect(headers).toEqual(expect.arrayContaining(['Livello', 'Valore di advocacy']));
      expect(await page.locator('#ranking-count').textContent()).toBe(
        `1–${ranking.items.length} di ${ranking.total}`,
      );
      const cells = page.locator('#ranking tbody td[data-amount]');
      const amounts = await cells.evaluateAll((all: any[]) =>
        all.map((cell) => [cell.dataset.amount, cell.textContent]),
      );
      expect(amounts.length).toBeGreaterThan(3);
      for (const [amount, text] of amounts) {
        expect(text).toBe(italianEuros(amount));
        expect(text).toMatch(ITALIAN_MONEY);
      }
      // Ada's large order puts a value in the thousands: grouped with a dot.
      expect(amounts.some(([, text]: string[]) => /^\d{1,3}\.\d{3},\d{2}\u00a0€$/.test(text))).toBe(
        true,
      );
      expect(await page.getByRole('link', { name: 'Gemme nascoste' }).count()).toBe(1);
      if (width === 390)
        await page.screenshot({
          path: join(SCREENSHOTS, 'ambassadors-it-390.png'),
          fullPage: true,
        });
      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    });

    it('switches to English without a reload, asks the API in English, and keeps it on reload', async () => {
      await open(page, '#/ambassadors');
      await page.evaluate(() => ((document as any).__sameDocument = true));
      const requested = page.waitForRequest(
        (request) => request.url().includes('/api/v1/advocates?') && request.method() === 'GET',
      );
      await page.getByRole('button', { name: 'English' }).click();
      expect((await requested).headers()['accept-language']).toBe('en');
      await page.waitForFunction(
        () => document.querySelector('main h1')?.textContent === 'Ambassadors',
      );
      await settled(page);
      // The same document: no reload happened.
      expect(await page.evaluate(() => (document as any).__sameDocument)).toBe(true);
      expect(await lang(page)).toBe('en');
      expect(await page.locator('.main-nav a').first().textContent()).toBe('Overview');
      expect(await page.locator('#ranking thead th').allTextContents()).toEqual(
        expect.arrayContaining(['Tier', 'Advocacy value']),
      );
      const [amount, text] = await page
        .locator('#ranking tbody td[data-amount]')
        .first()
        .evaluate((cell: any) => [cell.dataset.amount, cell.textContent]);
      expect(text).toBe(englishEuros(amount));
      expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe(
        'true',
      );
      // Remembered: a reload stays in English although the browser speaks Italian.
      await page.reload();
      await settled(page);
      expect(await heading(page)).toBe('Ambassadors');
      expect(await lang(page)).toBe('en');
      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

      // And back to Italian, which the API is asked in and a reload keeps.
      const italian = page.waitForRequest(
        (request) => request.url().includes('/api/v1/advocates?') && request.method() === 'GET',
      );
      await page.getByRole('button', { name: 'Italiano' }).click();
      expect((await italian).headers()['accept-language']).toBe('it');
      await page.waitForFunction(
        () => document.querySelector('main h1')?.textContent === 'Ambasciatori',
      );
      await page.reload();
      await settled(page);
      expect(await heading(page)).toBe('Ambasciatori');
      expect(await lang(page)).toBe('it');
      expect(await page.locator('#sign-out').textContent()).toBe('Esci');
    });
  });

  describe.each(WIDTHS)('every page in Italian at %i px wide', (width) => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      // An admin sees every page, System and the audit log included.
      context = await dashboardContext(browser, width, problems, {
        bypassCSP: true,
        locale: 'it-IT',
      });
      await signIn(context, base, test.keys.admin);
      page = await context.newPage();
    });
    afterAll(() => context.close());

    it.each([
      ['#/acquisition', 'Acquisizione', '#channels h2', 'Canali'],
      ['#/reviews', 'Code di revisione', '#flagged-referrals h2', 'Segnalazioni sospette'],
      ['#/model', 'Modello', '#model-fits h2', 'Come prevede Halo'],
      ['#/system', 'Sistema', '#system-health-title', 'Stato'],
      ['#/audit', 'Registro attività', '#audit-results th', 'Quando'],
      ['#/import', 'Importa un file', '#import-history h2', 'Storico delle importazioni'],
      ['member', 'Ada Lovelace', '#timeline h2', 'Cronologia'],
    ])(
      '%s: Italian headings, axe clean, no sideways scrolling',
      async (hash, title, selector, text) => {
        await open(page, hash === 'member' ? `#/members/${community.ada.id}` : hash);
        expect(await heading(page)).toBe(title);
        await page.locator(selector).first().waitFor();
        expect(await page.locator(selector).first().textContent()).toBe(text);
        expect(await lang(page)).toBe('it');
        // The admin's navigation, in Italian, fits beside the switch.
        expect(await navTexts(page)).toEqual([
          'Panoramica',
          'Ambasciatori',
          'Acquisizione',
          'Revisioni',
          'Modello',
          'Registra',
          'Importa',
          'Sistema',
          'Registro attività',
        ]);
        expect(await page.locator('#session-role').textContent()).toBe('admin');
        expect(await axeViolations(page)).toEqual([]);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      },
    );
  });

  it("shows dates in the brand's time zone when the session gives one", async () => {
    const context = await italianContext(1280);
    // The session answers the brand's zone (the locale branch adds `timezone`); here it is
    // added to the real answer, a zone 14 hours ahead of UTC.
    const zone = 'Pacific/Kiritimati';
    await context.route('**/api/v1/session', async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, json: { ...(await response.json()), timezone: zone } });
    });
    const page = await context.newPage();
    await open(page, `#/members/${community.ada.id}`);
    const ada = await api(`/api/v1/members/${community.ada.id}`);
    const inZone = new Intl.DateTimeFormat('it-IT', {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: zone,
    }).format(new Date(ada.acquiredAt));
    expect(await page.locator('.profile-facts').first().textContent()).toContain(
      `Cliente dal ${inZone}`,
    );
    await context.close();
  });

  it('signs in in Italian, and had no page errors', async () => {
    const context = await dashboardContext(browser, 1280, problems, {
      locale: 'it-IT',
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.locator('#api-key').waitFor();
    expect(await page.locator('main h1').textContent()).toBe(
      'Trova le persone che fanno crescere il tuo marchio',
    );
    expect(await page.getByLabel('Chiave API').count()).toBe(1);
    await page.getByRole('button', { name: 'Accedi' }).click();
    expect(await page.locator('#sign-in-error').textContent()).toBe(
      'Incolla prima la tua chiave API.',
    );
    // The sign-in card has the switch too.
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('main h1').textContent()).toBe('Find the people who grow your brand');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
    expect(problems).toEqual([]);
  });
});
