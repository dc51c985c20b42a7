import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADVOCATE_SECTIONS,
  AdvocateSection,
  previewDigest,
  rankedMembers,
  sectionMembers,
  subscribeDigest,
  textSection,
} from '../support/digest-preview';
import { createMember, createMention, createPurchase } from '../support/factories';
import { TestApp, createTestApp } from '../support/test-app';

/** Weekly, Monday 08:00 UTC: at AT the last completed period is 2–9 November 2026. */
const AT = '2026-11-09T12:00:00Z';
const PERIOD = { from: '2026-11-02T08:00:00.000Z', to: '2026-11-09T08:00:00.000Z' };

/** Tiers on influence alone, and the top half of influencers as the "decile". */
function writeTiersConfig(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'halo-digest-tiers-')), 'halo.json');
  writeFileSync(
    file,
    JSON.stringify({
      advocates: {
        tiers: [
          { name: 'Champion', minInfluence: '1000.00' },
          { name: 'Advocate', minInfluence: '100.00' },
          { name: 'Customer' },
        ],
        hiddenGemsDecile: 0.5,
      },
    }),
  );
  return file;
}

/**
 * The advocate sections on a hand-built community, read from the plain-text preview: Gus's big
 * mention in the period makes him a new ambassador (a Champion by influence), rising and a
 * hidden gem; Rita, an Advocate, went quiet after a mention the week before; Olive objects to
 * profiling and appears nowhere (her influence still counts in the hidden gems' threshold).
 */
describe('digest advocate sections', () => {
  jest.setTimeout(120_000);
  let test: TestApp;
  const people: Record<string, Record<string, any>> = {};

  beforeAll(async () => {
    test = await createTestApp({
      HALO_CONFIG_FILE: writeTiersConfig(),
      DIGEST_SCHEDULER: 'false',
      VALUE_RECOMPUTE_IN_WORKER: 'false',
    });
    const member = async (key: string, name: string, extra: Record<string, unknown> = {}) =>
      (people[key] = await createMember(test, { name, ...extra }));
    await member('ann', 'Ann Anchor');
    await member('gus', 'Gus Gem');
    await member('rita', 'Rita Risk');
    await member('olive', 'Olive Objector', { profilingObjection: true });
    for (let index = 1; index <= 4; index += 1) await member(`cal${index}`, `Cal ${index}`);
    for (let month = 1; month <= 10; month += 1)
      await createPurchase(test, {
        memberId: people.ann.id,
        amount: '120.00',
        occurredAt: `2026-${String(month).padStart(2, '0')}-05T10:00:00Z`,
      });
    for (const key of ['cal1', 'cal2', 'cal3', 'cal4', 'rita', 'olive'])
      await createPurchase(test, {
        memberId: people[key].id,
        amount: '50.00',
        occurredAt: '2026-08-10T10:00:00Z',
      });
    await createPurchase(test, {
      memberId: people.gus.id,
      amount: '10.00',
      occurredAt: '2026-09-01T10:00:00Z',
    });
    await createMention(test, {
      memberId: people.rita.id,
      postedAt: '2026-10-28T09:00:00Z',
      reach: 20_000,
    });
    await createMention(test, {
      memberId: people.gus.id,
      postedAt: '2026-11-03T09:00:00Z',
      reach: 200_000,
    });
    await createMention(test, {
      memberId: people.olive.id,
      postedAt: '2026-11-04T09:00:00Z',
      reach: 900_000,
    });
    for (const asOf of ['2026-11-01T12:00:00Z', '2026-11-08T12:00:00Z']) {
      const run = await test
        .http()
        .post('/api/v1/value/recompute')
        .set('Authorization', test.keys.manager)
        .send({ asOf });
      expect(run.body.status).toBe('succeeded');
    }
  });
  afterAll(() => test.close());

  const preview = async (overrides: Record<string, unknown> = {}) => {
    const id = await subscribeDigest(test, {
      cadence: 'weekly',
      weekday: 'monday',
      timezone: 'UTC',
      ...overrides,
    });
    return previewDigest(test, id, AT);
  };
  const section = textSection;
  const names = (block: string) =>
    [...block.matchAll(/^\d+\. ([^:]+):/gm)].map((match) => match[1]);

  it('ranks top advocates by advocacy value without the objector, with the change', async () => {
    const text = await preview();
    const top = names(section(text, 'Top advocates'));
    // Gus's big mention and Rita's earlier one; Ann only buys (no advocacy: not named).
    expect(top).toEqual(['Gus Gem', 'Rita Risk']);
    expect(top).not.toContain('Olive Objector');
    expect(text).not.toContain('Olive');
    const gus = await test
      .http()
      .get(`/api/v1/members/${people.gus.id}/value`)
      .set('Authorization', test.keys.viewer);
    const euros = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });
    const { referral, influence, knowledge } = gus.body.components;
    const advocacy = Number(referral.value) + Number(influence.value) + Number(knowledge.value);
    expect(section(text, 'Top advocates')).toContain(
      `Gus Gem: Advocacy value ${euros.format(advocacy)}`,
    );
  });

  it('names Gus a new ambassador, rising and a hidden gem, and Rita at risk', async () => {
    const text = await preview();
    expect(names(section(text, 'New ambassadors'))).toEqual(['Gus Gem']);
    expect(names(section(text, 'Rising'))).toEqual(['Gus Gem']);
    expect(names(section(text, 'Hidden gems'))).toEqual(['Gus Gem']);
    const atRisk = section(text, 'At risk');
    expect(names(atRisk)).toEqual(['Rita Risk']);
    expect(atRisk).toContain('active before, silent this period');
  });

  it('lists in each section the members GET /advocates gives for the period', async () => {
    const text = await preview();
    for (const key of Object.keys(ADVOCATE_SECTIONS) as AdvocateSection[]) {
      const { en, segment } = ADVOCATE_SECTIONS[key];
      const ranking = await rankedMembers(test, { ...PERIOD, segment, limit: 5 });
      const listed = sectionMembers(section(text, en));
      // Top advocates are the ranking's members with advocacy value, in its order.
      if (key === 'topAdvocates') expect(ranking.slice(0, listed.length)).toEqual(listed);
      else expect(listed).toEqual(ranking);
    }
  });

  it('keeps to the platform filter', async () => {
    const text = await preview({ filters: { platform: 'instagram' }, sections: ['topAdvocates'] });
    const top = names(section(text, 'Top advocates'));
    expect(top).toEqual(['Gus Gem', 'Rita Risk']);
  });
});
