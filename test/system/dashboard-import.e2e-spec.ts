import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import {
  SCREENSHOTS,
  WIDTHS,
  axeViolations,
  browserSuite,
  horizontalOverflow,
  settled,
  signedInContext,
} from '../support/dashboard-browser';
import { startBrowser } from '../support/dashboard-browser';
import { TestApp, createTestApp } from '../support/test-app';

// Browser globals inside page callbacks (the project has no DOM lib).
declare const document: any;

const suite = browserSuite('dashboard import browser tests');

/**
 * The Import page as a community manager uses it: a file chosen, its columns checked and mapped,
 * checked without storing, imported with progress, its refused rows shown, and undone from the
 * history; every step checked through the API.
 */
suite('importing a file in the dashboard', () => {
  jest.setTimeout(240_000);
  let test: TestApp;
  let browser: Browser;
  let base: string;
  let folder: string;
  const problems: string[] = [];

  const api = async (path: string, key = test.keys.viewer) =>
    (await test.http().get(path).set('Authorization', key).expect(200)).body;
  const membersMatching = async (q: string) =>
    (await api(`/api/v1/members?q=${encodeURIComponent(q)}&limit=50`)).total as number;

  beforeAll(async () => {
    test = await createTestApp();
    ({ base, browser } = await startBrowser(test));
    folder = mkdtempSync(join(tmpdir(), 'halo-import-page-'));
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });
  afterEach(() => {
    // A refused file is a 400 the page shows; Chromium logs it.
    expect(problems.splice(0).filter((problem) => !/status of 400/.test(problem))).toEqual([]);
  });

  const newContext = (
    width: number,
    { key = test.keys.manager, language = 'en' }: { key?: string; language?: 'en' | 'it' } = {},
  ): Promise<BrowserContext> => signedInContext(browser, base, width, problems, { key, language });

  async function open(page: Page): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${base}/#/import`);
    await settled(page);
  }

  function file(name: string, text: string | Buffer): string {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  }

  async function choose(page: Page, type: string, path: string): Promise<void> {
    await page.selectOption('#import-type', type);
    await page.setInputFiles('#import-file', path);
    await page.locator('#import-preview table').waitFor();
  }

  describe('as a manager, in English', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await newContext(1280);
      page = await context.newPage();
    });
    afterAll(() => context.close());

    it('previews a CSV, says which columns Halo does not know, and imports once they are mapped', async () => {
      await open(page);
      const csv = file(
        'crm.csv',
        'Customer;E-mail;name\nimp-1;imp1@example.com;Ada\nimp-2;imp2@example.com;Grace\nimp-3;not-an-email;Bad\n',
      );
      await choose(page, 'members', csv);
      expect(await page.locator('#import-preview tbody tr').count()).toBe(3);
      expect(await page.textContent('#import-columns [role="alert"]')).toContain('Customer');
      expect(await page.isDisabled('#import-upload .button-primary')).toBe(true);

      await page.selectOption('#import-map-0', 'externalId');
      await page.selectOption('#import-map-1', 'email');
      expect(await page.textContent('#import-columns .import-ok')).toBe(
        'Every column is a Halo field.',
      );

      await page.click('#import-upload .import-actions .button:not(.button-primary)');
      await page.locator('#import-result .import-result').waitFor();
      expect(await page.textContent('#import-result')).toContain('Checked: nothing was stored.');
      expect(await page.textContent('#import-result')).toContain('2 new');
      expect(await membersMatching('imp')).toBe(0);

      await page.click('#import-upload .button-primary');
      await page.locator('#import-result .import-result').waitFor();
      await page.waitForFunction(() =>
        document.querySelector('#import-result')?.textContent?.includes('Imported.'),
      );
      const result = await page.textContent('#import-result');
      expect(result).toContain('3 rows: 2 new, 0 updated, 0 unchanged, 1 refused');
      expect(await page.textContent('#import-result table')).toContain('email');
      expect(await membersMatching('imp')).toBe(2);
      const href = await page.getAttribute('#import-result a[download]', 'href');
      const errors = await page.evaluate(async (url: string) => (await fetch(url)).text(), href!);
      expect(errors).toContain('4'); // the refused row's line

      // The history lists the check and the import; the import can be undone.
      await page.locator('#import-history tbody tr').first().waitFor();
      const runs = (await api('/api/v1/imports?limit=5', test.keys.manager)).items as Record<
        string,
        any
      >[];
      expect(runs.map((run) => [run.dryRun, run.created])).toEqual([
        [false, 2],
        [true, 2],
      ]);
      await page.screenshot({ path: join(SCREENSHOTS, 'import-1280.png'), fullPage: true });
      page.once('dialog', (dialog) => void dialog.accept());
      await page.click(`#import-history tr[data-import-id="${runs[0].id}"] button`);
      await page.waitForFunction(
        (id: string) =>
          document
            .querySelector(`#import-history tr[data-import-id="${id}"]`)
            ?.textContent?.includes('undone'),
        runs[0].id,
      );
      expect(await membersMatching('imp')).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    });

    it('imports NDJSON without a column check, and says a file it cannot read is refused', async () => {
      await open(page);
      const ndjson = file(
        'orders.ndjson',
        '{"externalId":"nd-imp-1","name":"One"}\n{"externalId":"nd-imp-2","name":"Two"}\n',
      );
      await choose(page, 'members', ndjson);
      expect(await page.locator('#import-columns table').count()).toBe(0);
      await page.click('#import-upload .button-primary');
      await page.waitForFunction(() =>
        document.querySelector('#import-result')?.textContent?.includes('Imported.'),
      );
      expect(await membersMatching('nd-imp')).toBe(2);

      // Bytes that are not UTF-8: the API refuses the file with the line and column.
      const broken = file(
        'broken.csv',
        Buffer.concat([Buffer.from('externalId,name\nbad-1,'), Buffer.from([0xff, 0xfe, 0x0a])]),
      );
      await choose(page, 'members', broken);
      await page.click('#import-upload .button-primary');
      await page.locator('#import-result [role="alert"]').waitFor();
      expect(await page.textContent('#import-result [role="alert"]')).toMatch(/line 2/i);
      expect(await membersMatching('bad-1')).toBe(0);
    });
  });

  it('speaks Italian, reads Italian numbers, and fits a phone without sideways scrolling', async () => {
    const context = await newContext(390, { language: 'it' });
    const page = await context.newPage();
    await open(page);
    expect(await page.textContent('h1')).toBe('Importa un file');
    expect(await page.inputValue('#import-locale')).toBe('it');
    const csv = file(
      'acquisti.csv',
      'externalId;memberExternalId;amount;currency;occurredAt\nit-ord-1;it-buyer;1.234,56;EUR;31/12/2025\n',
    );
    await test
      .http()
      .post('/api/v1/members')
      .set('Authorization', test.keys.manager)
      .send({ externalId: 'it-buyer' })
      .expect(201);
    await choose(page, 'purchases', csv);
    await page.click('#import-upload .button-primary');
    await page.waitForFunction(() =>
      document.querySelector('#import-result')?.textContent?.includes('Importazione completata.'),
    );
    const [order] = (await api('/api/v1/purchases?limit=5')).items as Record<string, any>[];
    expect(order).toMatchObject({ externalId: 'it-ord-1', amount: '1234.56' });
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'import-it-390.png'), fullPage: true });
    await context.close();
  });

  it.each(WIDTHS)('shows a viewer no import controls at %i px', async (width) => {
    const context = await newContext(width, { key: test.keys.viewer });
    const page = await context.newPage();
    await open(page);
    expect(await page.locator('#import-file').count()).toBe(0);
    expect(await page.isHidden('.main-nav a[href="#/import"]')).toBe(true);
    await context.close();
  });
});
