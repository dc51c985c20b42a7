import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { AuditWriter } from '../../src/audit/audit-writer.service';
import {
  SCREENSHOTS,
  WIDTHS,
  axeViolations,
  browserSuite,
  dashboardContext,
  horizontalOverflow,
  settled,
  signIn,
} from '../support/dashboard-browser';
import { startBrowser } from '../support/dashboard-browser';
import { createMember, createPurchase, createReferral } from '../support/factories';
import { uploadImport } from '../support/import-requests';
import { TestApp, createTestApp } from '../support/test-app';

const suite = browserSuite('audit page browser tests');

/**
 * The Audit log page (#/audit): an admin sees who did what, when, to which records, from where
 * and how it ended, filters by key, record and period and pages; other roles find no link to it
 * and no entries on it. Readable at 1280 and 390 px, without serious axe violations.
 */
suite('audit log in the dashboard', () => {
  jest.setTimeout(180_000);
  let test: TestApp;
  let browser: Browser;
  let base: string;
  let ada: Record<string, any>;
  const problems: string[] = [];

  beforeAll(async () => {
    test = await createTestApp();
    ada = await createMember(test, { name: 'Ada Lovelace', email: 'ada@engine.example' });
    const grace = await createMember(test, { name: 'Grace Hopper', email: 'grace@navy.example' });
    await createPurchase(test, { memberId: ada.id, amount: '120.00' });
    const referral = await createReferral(test, {
      referrerId: ada.id,
      refereeEmail: 'friend@mailinator.com',
    });
    await test
      .http()
      .post(`/api/v1/referrals/${referral.id}/approve`)
      .set('Authorization', test.keys.manager)
      .expect(200);
    await uploadImport(
      test,
      'members',
      'text/csv',
      'externalId,email,name\ncrm-a1,a1@example.com,Alan Turing\ncrm-a2,bad-email,Bad Row\n',
    ).expect(200);
    await test
      .http()
      .post(`/api/v1/members/${ada.id}/merge`)
      .set('Authorization', test.keys.manager)
      .send({ otherMemberId: grace.id })
      .expect(200);
    await test
      .http()
      .get(`/api/v1/members/${ada.id}/export`)
      .set('Authorization', test.keys.admin)
      .expect(200);
    await test
      .http()
      .get('/api/v1/members')
      .set('Authorization', `Bearer halo_${'x'.repeat(43)}`)
      .expect(401);
    await test.app.get(AuditWriter).settled();
    ({ base, browser } = await startBrowser(test));
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });

  /** A context signed in with `role`'s key; bypassCSP lets axe be injected as a script tag. */
  async function newContext(width: number, role: 'admin' | 'viewer'): Promise<BrowserContext> {
    const context = await dashboardContext(browser, width, problems, { bypassCSP: true });
    await signIn(context, base, test.keys[role]);
    return context;
  }

  async function open(page: Page, hash: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${base}/${hash}`);
    await settled(page);
  }

  const rows = (page: Page) => page.locator('#audit-entries tbody tr');

  describe.each(WIDTHS)('at %i px wide', (width) => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await newContext(width, 'admin');
      page = await context.newPage();
    });
    afterAll(() => context.close());

    it('lists entries newest first: when, who, what, records, from, outcome', async () => {
      await open(page, '#/audit');
      expect(await page.locator('h1').textContent()).toBe('Audit log');
      expect(await page.locator('.main-nav a[href="#/audit"]').isVisible()).toBe(true);
      const { body } = await test
        .http()
        .get('/api/v1/audit?limit=50')
        .set('Authorization', test.keys.admin)
        .expect(200);
      // The sign-in of this context is in the list too, as the newest entries.
      await rows(page).first().waitFor();
      const shown = await rows(page).evaluateAll((items) =>
        items.map((row) => (row as unknown as { dataset: { entryId: string } }).dataset.entryId),
      );
      expect(shown.length).toBeGreaterThanOrEqual(body.items.length - 2);
      expect(shown).toContain(body.items[body.items.length - 1].id);

      const failed = rows(page).filter({ hasText: 'Failed authentication' }).first();
      expect(await failed.textContent()).toContain('Key halo_xxxxxx…');
      expect(await failed.textContent()).toContain('Refused');
      const merge = rows(page).filter({ hasText: 'Merged two members' }).first();
      expect(await merge.textContent()).toContain('manager');
      expect(await merge.textContent()).toContain(`${ada.id.slice(0, 8)}…`);
      expect(await merge.textContent()).toContain('127.0.0.1');
      const imported = rows(page).filter({ hasText: 'Imported a file' }).first();
      expect(await imported.textContent()).toContain('members: 2 rows (1 created, 1 refused)');
      expect(await page.locator('#audit-count').textContent()).toMatch(/^1–\d+ of \d+$/);

      // On a phone the whole page, so that the entries (one card each) show below the filters.
      await page.screenshot({
        path: join(SCREENSHOTS, `audit-${width}.png`),
        fullPage: width < 500,
      });
      expect(await axeViolations(page)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
    });

    it('filters by record (from a record link), by key and by verb, and pages', async () => {
      await open(page, '#/audit');
      await rows(page)
        .filter({ hasText: 'Merged two members' })
        .first()
        .locator(`a[title="${ada.id}"]`)
        .click();
      await settled(page);
      expect(page.url()).toContain(`recordId=${ada.id}`);
      expect(await page.locator('#audit-record').inputValue()).toBe(ada.id);
      const forAda = await rows(page).evaluateAll((items) =>
        items.map((row) => (row as unknown as { dataset: { action: string } }).dataset.action),
      );
      expect(forAda).toEqual([
        'member.export',
        'member.merge',
        'referral.approve',
        'referral.create',
        'purchase.create',
        'member.create',
      ]);

      await open(page, '#/audit');
      await page.locator('#audit-action').selectOption('auth.failed');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await settled(page);
      expect(await rows(page).count()).toBe(1);
      expect(page.url()).toContain('action=auth.failed');

      const keys = await test
        .http()
        .get('/api/v1/api-keys')
        .set('Authorization', test.keys.admin)
        .expect(200);
      const viewer = keys.body.items.find((key: { name: string }) => key.name === 'viewer');
      await open(page, `#/audit?keyId=${viewer.id}`);
      expect(await page.locator('#audit-key').inputValue()).toBe(viewer.id);
      await page.locator('.empty-state').waitFor();

      const today = new Date().toISOString().slice(0, 10);
      await open(page, `#/audit?from=2020-01-01&to=2020-12-31`);
      await page.locator('.empty-state').waitFor();
      await open(page, `#/audit?from=${today}&to=${today}`);
      expect(await rows(page).count()).toBeGreaterThan(5);

      const total = Number(
        /of (\d+)$/.exec((await page.locator('#audit-count').textContent()) ?? '')![1],
      );
      expect(total).toBeGreaterThan(0);
      expect(await page.getByRole('button', { name: 'Older →' }).isDisabled()).toBe(total <= 50);
      expect(await page.getByRole('button', { name: '← Newer' }).isDisabled()).toBe(true);
      expect(problems).toEqual([]);
    });
  });

  it('is not offered to other roles, and shows them no entry', async () => {
    const context = await newContext(1280, 'viewer');
    const page = await context.newPage();
    await open(page, '#/overview');
    expect(await page.locator('.main-nav a[href="#/audit"]').isVisible()).toBe(false);
    await open(page, '#/audit');
    expect(await page.locator('.empty-state').textContent()).toContain(
      'Only admins can see the audit log.',
    );
    expect(await page.locator('#audit-entries').count()).toBe(0);
    await context.close();
    expect(problems).toEqual([]);
  });
});
