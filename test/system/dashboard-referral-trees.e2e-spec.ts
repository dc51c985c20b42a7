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
import { createMember, createPurchase, createReferral } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

const suite = browserSuite('referral tree browser tests');

/**
 * The referral tree on the member page and the largest trees on the Acquisition page, drawn
 * from the API. The dashboard community's chain ada → grace → linus grows a third level
 * (linus → katherine) and a branch (ada → hedy); an invitation of ada's is not counted yet.
 */
suite('referral trees in the dashboard', () => {
  jest.setTimeout(180_000);
  let test: TestApp;
  let browser: Browser;
  let base: string;
  let community: DashboardCommunity;
  const problems: string[] = [];

  const api = async (path: string) =>
    (await test.http().get(path).set('Authorization', test.keys.viewer).expect(200)).body;
  const euros = (amount: string) =>
    new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'EUR',
      minimumFractionDigits: 2,
    }).format(Number(amount));

  beforeAll(async () => {
    test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' });
    community = await seedDashboardCommunity(test);
    const [linus] = (await api(`/api/v1/referrals?referrerId=${community.grace.id}`)).items;
    const katherine = await createMember(test, {
      name: 'Katherine Johnson',
      email: 'katherine@orbit.example',
    });
    const hedy = await createMember(test, { name: 'Hedy Lamarr', email: 'hedy@radio.example' });
    for (const [referrer, referee, amount, days] of [
      [linus.refereeId, katherine.id, '130.00', 10],
      [community.ada.id, hedy.id, '85.00', 8],
    ] as const) {
      await createReferral(test, {
        referrerId: referrer,
        refereeId: referee,
        invitedAt: daysAgo(days + 5),
      });
      await createPurchase(test, { memberId: referee, amount, occurredAt: daysAgo(days) });
    }
    await createReferral(test, {
      referrerId: community.ada.id,
      refereeEmail: 'alan@bletchley.example',
      invitedAt: daysAgo(3),
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

  /** A viewer's context; bypassCSP lets axe be injected as a script tag. */
  async function newContext(width: number): Promise<BrowserContext> {
    const context = await dashboardContext(browser, width, problems, { bypassCSP: true });
    await signIn(context, base, test.keys.viewer);
    return context;
  }

  /** A full load of the page at this route, until every panel has finished loading. */
  async function open(page: Page, hash: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${base}/${hash}`);
    await settled(page);
  }

  const axe = (page: Page) => axeViolations(page);
  const overflow = horizontalOverflow;

  describe.each(WIDTHS)('at %i px wide', (width) => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await newContext(width);
      page = await context.newPage();
    });
    afterAll(() => context.close());

    it('draws the member’s tree three levels deep, with the values the API gives', async () => {
      const tree = await api(`/api/v1/members/${community.ada.id}/referrals/tree`);
      expect(tree).toMatchObject({ size: 4, depth: 3 });
      await open(page, `#/members/${community.ada.id}`);
      const card = page.locator('#referrals');
      await card.locator('.tree').waitFor();
      expect(await card.locator('.tree-summary').textContent()).toBe(
        `Brought 4 people over 3 levels, with ${euros(tree.root.valueBrought)} of spend value.`,
      );
      // First level: grace and hedy, oldest conversion first; then linus, then katherine.
      const firstLevel = card.locator('.tree > li > .tree-node .member-link');
      expect(await firstLevel.allTextContents()).toEqual(['Grace Hopper', 'Hedy Lamarr']);
      const third = card.locator('.tree > li > ul > li > ul > li .member-link');
      expect(await third.allTextContents()).toEqual(['Katherine Johnson']);
      const [grace] = tree.root.children;
      const graceNode = card.locator('.tree > li').first().locator('> .tree-node');
      expect(await graceNode.textContent()).toContain(`${euros(grace.spendValue)} spend value`);
      expect(await graceNode.textContent()).toContain(
        `brought 2 people worth ${euros(grace.valueBrought)}`,
      );
      // The links lead to the members; the invitation waits apart, outside the tree.
      expect(await card.getByRole('link', { name: 'Linus Torvalds' }).getAttribute('href')).toBe(
        `#/members/${grace.children[0].id}`,
      );
      expect(await card.locator('#pending-referrals').textContent()).toBe(
        'Not counted yet (1): alan@bletchley.example (invited).',
      );
      await card.scrollIntoViewIfNeeded();
      await card.screenshot({ path: join(SCREENSHOTS, `referral-tree-${width}.png`) });
      expect(await axe(page)).toEqual([]);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
    });

    it('lists the largest referral trees on the Acquisition page', async () => {
      const trees = await api('/api/v1/referrals/trees?limit=10');
      await open(page, '#/acquisition');
      const section = page.locator('#referral-trees');
      await section.locator('table').waitFor();
      const rows = section.locator('tbody tr');
      expect(await rows.count()).toBe(trees.items.length);
      expect(trees.items[0]).toMatchObject({ root: { name: 'Ada Lovelace' }, size: 4, depth: 3 });
      const first = await rows.first().locator('th, td').allTextContents();
      expect(first).toEqual([
        'Ada Lovelace',
        '4',
        '3 levels',
        euros(trees.items[0].valueBrought),
        euros(String(Number(trees.items[0].valueBrought) / 4)),
      ]);
      expect(
        await rows.first().getByRole('link', { name: 'Ada Lovelace' }).getAttribute('href'),
      ).toBe(`#/members/${community.ada.id}`);
      await section.scrollIntoViewIfNeeded();
      await section.screenshot({ path: join(SCREENSHOTS, `referral-trees-${width}.png`) });
      expect(await axe(page)).toEqual([]);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
    });
  });
});
