import { join } from 'node:path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { CommunityEvent } from '../../src/events/event.entity';
import {
  SCREENSHOTS,
  WIDTHS,
  axeViolations,
  browserSuite,
  horizontalOverflow,
  settled,
  signedInContext,
  startBrowser,
} from '../support/dashboard-browser';
import { createAttendance, createEvent, createMember } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

// Browser globals inside page callbacks (the project has no DOM lib).

const suite = browserSuite('dashboard forms browser tests');

/**
 * The Log area's forms driven as a community manager would, in English and Italian, each
 * record checked through the API afterwards; a viewer sees none of them.
 */
suite('logging in the dashboard', () => {
  jest.setTimeout(240_000);
  let test: TestApp;
  let browser: Browser;
  let base: string;
  let ada: Record<string, any>;
  let grace: Record<string, any>;
  let pastEvent: Record<string, any>;
  const problems: string[] = [];
  const daysAgo = (days: number) =>
    new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

  const api = async (path: string) =>
    (await test.http().get(path).set('Authorization', test.keys.viewer).expect(200)).body;

  beforeAll(async () => {
    test = await createTestApp();
    ada = await createMember(test, {
      name: 'Ada Lovelace',
      email: 'ada@engine.example',
      externalId: 'crm-ada',
    });
    grace = await createMember(test, {
      name: 'Grace Hopper',
      email: 'grace@navy.example',
      externalId: 'crm-grace',
    });
    pastEvent = await createEvent(test, {
      name: 'Aperitivo della community',
      startsAt: `${daysAgo(3)}T18:00:00Z`,
    });
    ({ base, browser } = await startBrowser(test));
  });
  afterAll(async () => {
    await browser?.close();
    await test?.close();
  });
  afterEach(() => {
    const seen = problems.splice(0);
    // The refusals and the lost answer the tests cause on purpose are logged by Chromium.
    expect(
      seen.filter((problem) => !/status of (400|409|422)|ERR_CONNECTION_RESET/.test(problem)),
    ).toEqual([]);
  });

  const newContext = (
    width: number,
    { key = test.keys.manager, language = 'en' }: { key?: string; language?: 'en' | 'it' } = {},
  ): Promise<BrowserContext> => signedInContext(browser, base, width, problems, { key, language });

  async function open(page: Page, hash: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${base}/${hash}`);
    await settled(page);
  }

  /** Types into a member search and chooses the match named `name`. */
  async function pickMember(page: Page, inputId: string, query: string, name: string) {
    await page.fill(`#${inputId}`, query);
    const option = page.locator(`#${inputId}-results button`, { hasText: name });
    await option.first().click();
    await page.locator(`#${inputId}`).locator('xpath=..').locator('.picker-picked .chip').waitFor();
  }

  async function submitAndWait(page: Page, formId: string): Promise<string> {
    await page.click(`#${formId} button[type="submit"]`);
    const done = page.locator(`#${formId} .form-success`);
    await done.waitFor();
    return (await done.textContent()) ?? '';
  }

  describe('as a manager, in English', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await newContext(1280);
      page = await context.newPage();
    });
    afterAll(() => context.close());

    it('creates a member with tags and acquisition, then adds and removes a handle', async () => {
      await open(page, '#/log/member');
      await page.fill('#member-form-name', 'Katherine Johnson');
      await page.fill('#member-form-email', 'katherine@orbit.example');
      await page.fill('#member-form-externalId', 'crm-katherine');
      await page.fill('#member-form-tags', 'vip, milano');
      await page.fill('#member-form-acquiredAt', '2025-03-01');
      await page.fill('#member-form-acquisitionChannel', 'event');
      expect(await submitAndWait(page, 'member-form')).toContain('Member created.');
      const [stored] = (await api('/api/v1/members?q=katherine@orbit.example')).items;
      expect(stored).toMatchObject({
        name: 'Katherine Johnson',
        externalId: 'crm-katherine',
        tags: expect.arrayContaining(['vip', 'milano']),
        acquiredAt: '2025-03-01T00:00:00.000Z',
        acquisitionChannel: 'event',
      });
      expect(await page.getAttribute('#member-form .form-success a', 'href')).toBe(
        `#/members/${stored.id}`,
      );

      await page.fill('#identity-form-platform', 'instagram');
      await page.fill('#identity-form-handle', '@katherine');
      await submitAndWait(page, 'identity-form');
      await page.locator('#identity-list .identity-row').waitFor();
      const identities = (await api(`/api/v1/members/${stored.id}/identities`)).items;
      expect(identities).toEqual([
        expect.objectContaining({ platform: 'instagram', handle: 'katherine' }),
      ]);
      await page.click('#identity-list button');
      await page.locator('#identity-list .identity-row').waitFor({ state: 'detached' });
      expect((await api(`/api/v1/members/${stored.id}/identities`)).items).toEqual([]);
    });

    it('shows the API’s refusal next to the field it names: a taken email (409), an email the API refuses (400)', async () => {
      await open(page, '#/log/member');
      await page.fill('#member-form-name', 'Someone Else');
      await page.fill('#member-form-email', 'ada@engine.example');
      await page.click('#member-form button[type="submit"]');
      const error = page.locator('#member-form-email-error');
      await error.waitFor();
      expect(await error.textContent()).toBe('Another member already has this email.');
      expect(await page.getAttribute('#member-form-email', 'aria-invalid')).toBe('true');
      expect(await page.getAttribute('#member-form-email', 'aria-describedby')).toContain(
        'member-form-email-error',
      );
      expect(await page.locator('#member-form .form-summary').textContent()).toContain('Email');
      expect(await page.evaluate(() => (globalThis as any).document.activeElement.id)).toBe(
        'member-form-email',
      );
      // Accepted by the form's own check, refused by the API's validator.
      await page.fill('#member-form-email', 'someone@exa_mple.com');
      await page.click('#member-form button[type="submit"]');
      await page.waitForFunction(() =>
        (globalThis as any).document
          .querySelector('#member-form-email-error')
          .textContent.startsWith('Not an email'),
      );
      expect((await api('/api/v1/members?q=Someone Else')).items).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({
        path: join(SCREENSHOTS, 'forms-member-errors-1280.png'),
        fullPage: true,
      });
    });

    it('edits a member from the member page', async () => {
      await open(page, `#/members/${grace.id}`);
      await page.click('#edit-member');
      await settled(page);
      await page.fill('#member-form-name', 'Grace B. Hopper');
      await page.fill('#member-form-tags', 'navy, cobol');
      expect(await submitAndWait(page, 'member-form')).toContain('Changes saved.');
      expect(await api(`/api/v1/members/${grace.id}`)).toMatchObject({
        name: 'Grace B. Hopper',
        email: 'grace@navy.example',
        tags: expect.arrayContaining(['navy', 'cobol']),
      });
    });

    it('creates an event, adds a member found as one types and a guest by email, and marks both attended at once', async () => {
      await open(page, '#/log/event');
      await page.fill('#event-form-name', 'Serata Trail Milano');
      await page.fill('#event-form-startsDay', daysAgo(2));
      await page.fill('#event-form-startsTime', '18:30');
      await page.fill('#event-form-location', 'Milano');
      await page.fill('#event-form-cost', '1,212.50');
      expect(await submitAndWait(page, 'event-form')).toContain('Event created.');
      const [event] = (await api('/api/v1/events?q=Serata Trail')).items;
      expect(event).toMatchObject({
        startsAt: `${daysAgo(2)}T18:30:00.000Z`,
        cost: '1212.50',
        currency: 'EUR',
      });
      await page.click('#event-form .form-success a');
      await settled(page);

      await pickMember(page, 'attendance-form-memberId', 'Ada', 'Ada Lovelace');
      await page.selectOption('#attendance-form-role', 'speaker');
      await page.fill('#attendance-form-guestEmails', 'friend@trail.example');
      await submitAndWait(page, 'attendance-form');
      await page.locator('.attendance-row').first().waitFor();
      await page.fill('#attendance-form-email', 'newcomer@trail.example');
      await submitAndWait(page, 'attendance-form');
      await page.waitForFunction(
        () => (globalThis as any).document.querySelectorAll('.attendance-row').length === 2,
      );
      await page.check('#attendance-all');
      await page.click('#mark-attended');
      await page.locator('.bulk-outcome', { hasText: '2 people marked attended.' }).waitFor();
      const attendance = (await api(`/api/v1/events/${event.id}/attendance`)).items;
      expect(attendance).toHaveLength(2);
      expect(attendance).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            memberId: ada.id,
            role: 'speaker',
            status: 'attended',
            guests: [expect.objectContaining({ email: 'friend@trail.example' })],
          }),
          expect.objectContaining({ email: 'newcomer@trail.example', status: 'attended' }),
        ]),
      );
      expect(await page.locator('[data-status="attended"]').count()).toBe(2);
    });

    it('says, person by person, why a bulk change was refused, and changes nothing else', async () => {
      const future = await createEvent(test, {
        name: 'Gara di primavera',
        startsAt: '2099-04-01T09:00:00Z',
      });
      await createAttendance(test, future.id, { memberId: grace.id });
      await open(page, `#/events/${future.id}`);
      await page.check('#attendance-all');
      await page.click('#mark-no-show');
      const outcome = page.locator('.bulk-outcome .form-error');
      await outcome.waitFor();
      expect(await outcome.textContent()).toMatch(
        /^One change was refused:Grace (B\. )?Hopper: The event has not started yet: attended and no-show come after its start\.$/,
      );
      expect((await api(`/api/v1/events/${future.id}/attendance`)).items).toEqual([
        expect.objectContaining({ memberId: grace.id, status: 'registered' }),
      ]);
    });

    it('logs a review, a mention and a referral, each stored as sent', async () => {
      await open(page, '#/log/review');
      await pickMember(page, 'review-form-memberId', 'grace@', 'Grace');
      await page.fill('#review-form-platform', 'google');
      await page.fill('#review-form-product', 'Trail shoes');
      await page.selectOption('#review-form-rating', '4');
      await page.fill('#review-form-url', 'https://g.example/reviews/1');
      await page.fill('#review-form-views', '1,200');
      expect(await submitAndWait(page, 'review-form')).toContain('Review saved.');
      expect((await api(`/api/v1/reviews?memberId=${grace.id}`)).items).toEqual([
        expect.objectContaining({
          platform: 'google',
          product: 'Trail shoes',
          rating: 4,
          views: 1200,
        }),
      ]);

      await open(page, '#/log/mention');
      await page.fill('#mention-form-platform', 'instagram');
      await page.fill('#mention-form-handle', '@ada.runs');
      await page.fill('#mention-form-url', 'https://instagram.example/p/42');
      await pickMember(page, 'mention-form-memberId', 'crm-ada', 'Ada');
      await page.fill('#mention-form-reach', '12000');
      expect(await submitAndWait(page, 'mention-form')).toContain('Mention saved.');
      expect((await api(`/api/v1/mentions?memberId=${ada.id}`)).items).toEqual([
        expect.objectContaining({ platform: 'instagram', reach: 12000 }),
      ]);

      await open(page, '#/log/referral');
      await pickMember(page, 'referral-form-referrerId', 'Ada', 'Ada Lovelace');
      await page.fill('#referral-form-refereeEmail', 'alan@bletchley.example');
      await page.fill('#referral-form-invitedAt', daysAgo(1));
      await page.fill('#referral-form-rewardCost', '10.00');
      expect(await submitAndWait(page, 'referral-form')).toContain('Referral saved.');
      expect((await api(`/api/v1/referrals?referrerId=${ada.id}`)).items).toEqual([
        expect.objectContaining({
          refereeEmail: 'alan@bletchley.example',
          rewardCost: '10.00',
          invitedAt: `${daysAgo(1)}T00:00:00.000Z`,
        }),
      ]);
    });

    it('logs feedback once although its first answer was lost, then moves its status on', async () => {
      await open(page, '#/log/feedback');
      await pickMember(page, 'feedback-form-memberId', 'Grace', 'Grace');
      await page.selectOption('#feedback-form-kind', 'bug');
      await page.fill('#feedback-form-text', 'The export button does nothing on Safari.');
      // The first POST reaches Halo and is stored, but its answer never arrives.
      let lost = false;
      await page.route('**/api/v1/feedback', async (route) => {
        if (lost || route.request().method() !== 'POST') return route.continue();
        lost = true;
        await route.fetch();
        await route.abort('connectionreset');
      });
      await page.click('#feedback-form button[type="submit"]');
      await page.locator('#feedback-form .form-summary li').waitFor();
      expect(await submitAndWait(page, 'feedback-form')).toContain('Feedback saved.');
      const items = (await api(`/api/v1/feedback?memberId=${grace.id}`)).items;
      expect(items).toEqual([expect.objectContaining({ kind: 'bug', status: 'submitted' })]);
      await page.unroute('**/api/v1/feedback');
      expect(
        await page.getAttribute('#feedback-form .form-success a[href^="#/members/"]', 'href'),
      ).toBe(`#/members/${grace.id}`);
      expect(await axeViolations(page)).toEqual([]);

      const row = page.locator(`[data-feedback-id="${items[0].id}"]`);
      await row.locator('select').selectOption('accepted');
      await row.locator('button[type="submit"]').click();
      await page.locator('#feedback-changed', { hasText: 'Status changed to Accepted.' }).waitFor();
      expect((await api(`/api/v1/feedback/${items[0].id}`)).status).toBe('accepted');
      const again = page.locator(`[data-feedback-id="${items[0].id}"]`);
      expect(await again.locator('select option').allTextContents()).toEqual([
        'Shipped',
        'Declined',
      ]);
      await again.locator('button[type="submit"]').click();
      await page.locator('#feedback-changed', { hasText: 'Status changed to Shipped.' }).waitFor();
      expect((await api(`/api/v1/feedback/${items[0].id}`)).status).toBe('shipped');
    });
  });

  describe('in Italian', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await newContext(390, { language: 'it' });
      page = await context.newPage();
    });
    afterAll(() => context.close());

    it('reads 12,50 as 1250 minor units, and refuses 12.50 in Italian words next to the field', async () => {
      await open(page, '#/log/event');
      await page.fill('#event-form-name', 'Cena sociale');
      await page.fill('#event-form-startsDay', daysAgo(1));
      await page.fill('#event-form-cost', '12.50');
      await page.click('#event-form button[type="submit"]');
      const error = page.locator('#event-form-cost-error');
      await error.waitFor();
      expect(await error.textContent()).toBe(
        'Serve un importo come 1.234,50 (virgola prima dei centesimi).',
      );
      expect(await page.getAttribute('#event-form-cost', 'aria-invalid')).toBe('true');
      expect((await api('/api/v1/events?q=Cena sociale')).items).toEqual([]);

      await page.fill('#event-form-cost', '12,50');
      expect(await submitAndWait(page, 'event-form')).toContain('Evento creato.');
      const [event] = (await api('/api/v1/events?q=Cena sociale')).items;
      expect(event).toMatchObject({ cost: '12.50', currency: 'EUR' });
      const stored = await test.app
        .get(DataSource)
        .getRepository(CommunityEvent)
        .findOneByOrFail({ id: event.id });
      expect(stored.costMinor).toBe(1250);
    });

    it('says the API’s refusal in Italian next to the field', async () => {
      await open(page, '#/log/member');
      await page.fill('#member-form-name', 'Omonimo');
      await page.fill('#member-form-email', 'grace@navy.example');
      await page.click('#member-form button[type="submit"]');
      const error = page.locator('#member-form-email-error');
      await error.waitFor();
      expect(await error.textContent()).toBe('Un altro membro ha già questa email.');
      expect(await page.locator('#member-form .form-summary p').textContent()).toBe(
        'Un campo va corretto:',
      );
      await page.screenshot({
        path: join(SCREENSHOTS, 'forms-member-errors-it-390.png'),
        fullPage: true,
      });
    });
  });

  describe('as a viewer', () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await newContext(1280, { key: test.keys.viewer });
      page = await context.newPage();
    });
    afterAll(() => context.close());

    it('sees no write control: no Log link, no form, no Edit, no attendance actions', async () => {
      await open(page, '#/overview');
      expect(await page.locator('.main-nav a[href^="#/log"]').isVisible()).toBe(false);
      await open(page, '#/log/member');
      await page.locator('#log-read-only').waitFor();
      expect(await page.locator('main form, main input, main select, main textarea').count()).toBe(
        0,
      );
      await open(page, `#/members/${ada.id}`);
      expect(await page.locator('#edit-member').count()).toBe(0);
      await open(page, `#/members/${ada.id}/edit`);
      expect(await page.locator('main form').count()).toBe(0);
      await open(page, `#/events/${pastEvent.id}`);
      expect(
        await page.locator('main form, main input, #mark-attended, #mark-no-show').count(),
      ).toBe(0);
    });
  });

  describe.each(WIDTHS)('every form at %i px', (width) => {
    const pages = () => [
      ['member', '#/log/member'],
      ['member-edit', `#/members/${ada.id}/edit`],
      ['event', '#/log/event'],
      ['attendance', `#/events/${pastEvent.id}`],
      ['review', '#/log/review'],
      ['mention', '#/log/mention'],
      ['referral', '#/log/referral'],
      ['feedback', '#/log/feedback'],
    ];

    it.each(['en', 'it'] as const)(
      'in %s: no serious axe violation, no sideways scrolling',
      async (language) => {
        const context = await newContext(width, { language });
        const page = await context.newPage();
        try {
          for (const [name, hash] of pages()) {
            await open(page, hash);
            await page.locator('main form').first().waitFor();
            expect({ name, violations: await axeViolations(page) }).toEqual({
              name,
              violations: [],
            });
            expect({ name, overflow: await horizontalOverflow(page) }).toEqual({
              name,
              overflow: expect.any(Number),
            });
            expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
            // Every Log tab in sight, none cut off at the edge.
            for (const tab of await page.locator('.log-tabs a').all()) {
              const box = await tab.boundingBox();
              expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
            }
            const suffix = language === 'en' ? '' : '-it';
            await page.screenshot({
              path: join(SCREENSHOTS, `forms-${name}${suffix}-${width}.png`),
              fullPage: true,
            });
          }
        } finally {
          await context.close();
        }
      },
    );
  });
});
