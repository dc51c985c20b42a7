import {
  CommunityIds,
  buildAdvocatesCommunity,
  writeAdvocatesConfig,
} from '../support/advocates-community';
import {
  ADVOCATE_SECTIONS,
  AdvocateSection,
  htmlSection,
  previewDigest,
  rankedMembers,
  sectionMembers,
  subscribeDigest,
  textSection,
} from '../support/digest-preview';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * The digest's advocate sections against GET /api/v1/advocates on the hand-built community of
 * test/support/advocates-community.ts, with snapshots as of 2026-04-01 (added here), 05-01 and
 * 06-01. A monthly digest on the 1st at 00:00 UTC covers the month between two of them.
 */
const MAY = { at: '2026-06-01T12:00:00Z', from: '2026-05-01T00:00:00.000Z', to: '2026-06-01' };
const APRIL = { at: '2026-05-01T12:00:00Z', from: '2026-04-01T00:00:00.000Z', to: '2026-05-01' };
const MONTHLY = { cadence: 'monthly', dayOfMonth: 1, sendAt: '00:00', timezone: 'UTC' };
const LIST_SIZE = 5;
const SECTIONS = Object.keys(ADVOCATE_SECTIONS) as AdvocateSection[];

async function communityApp(advocates: Record<string, unknown> = {}) {
  const test = await createTestApp({
    HALO_CONFIG_FILE: writeAdvocatesConfig(advocates),
    DIGEST_SCHEDULER: 'false',
    VALUE_RECOMPUTE_IN_WORKER: 'false',
  });
  const ids = await buildAdvocatesCommunity(test);
  const run = await test
    .http()
    .post('/api/v1/value/recompute')
    .set('Authorization', test.keys.manager)
    .send({ asOf: '2026-04-01' });
  expect(run.body.status).toBe('succeeded');
  return { test, ids };
}

/** The section's members in the digest previewed for the period, and in the ranking. */
async function digestAndRanking(
  test: TestApp,
  period: typeof MAY,
  section: AdvocateSection,
  options: { format?: 'text' | 'html'; language?: 'en' | 'it'; filters?: object } = {},
) {
  const { format = 'text', language = 'en', filters } = options;
  const id = await subscribeDigest(test, { ...MONTHLY, language, filters, sections: [section] });
  const preview = await previewDigest(test, id, period.at, format);
  const title = ADVOCATE_SECTIONS[section][language];
  const block = format === 'text' ? textSection(preview, title) : htmlSection(preview, title);
  const ranking = await rankedMembers(test, {
    from: period.from,
    to: period.to,
    segment: ADVOCATE_SECTIONS[section].segment,
    limit: LIST_SIZE,
    ...filters,
  });
  return { preview, block, digest: sectionMembers(block), ranking };
}

describe('digest advocate sections follow the ranking', () => {
  jest.setTimeout(180_000);

  describe('with the community’s tiers', () => {
    let test: TestApp;
    let ids: CommunityIds;
    const members = (...keys: string[]) => keys.map((key) => ids[key]);

    beforeAll(async () => ({ test, ids } = await communityApp()));
    afterAll(() => test.close());

    it('lists in each section the members of the ranking for the period, in its order', async () => {
      const expected: Record<AdvocateSection, string[]> = {
        // By advocacy value at 2026-06-01 (influence: gem 150, champ 45, newbie 30, poster
        // 16.58, riser 15; nobody referred or gave feedback); the objector and the merged
        // pointer rank nowhere.
        topAdvocates: members('gem', 'champ', 'newbie', 'poster', 'riser'),
        newAmbassadors: members('newbie'),
        // Advocacy grew: gem +150, newbie +30, poster +16.58, riser +15.
        rising: members('gem', 'newbie', 'poster', 'riser'),
        hiddenGems: members('gem'),
        // By extended value: fader's predicted margin is above dormant's (P(alive) 0.1).
        atRisk: members('fader', 'dormant'),
      };
      for (const section of SECTIONS) {
        const { digest, ranking } = await digestAndRanking(test, MAY, section);
        expect(digest).toEqual(ranking);
        expect(digest).toEqual(expected[section]);
      }
    });

    it('lists the same members in the Italian HTML part', async () => {
      for (const section of SECTIONS) {
        const { digest, ranking } = await digestAndRanking(test, MAY, section, {
          format: 'html',
          language: 'it',
        });
        expect(digest).toEqual(ranking);
        expect(digest.length).toBeGreaterThan(0);
      }
    });

    it('reads an earlier period from the snapshot at or before its end', async () => {
      const expected: Record<AdvocateSection, string[]> = {
        // At 2026-05-01 champ is the only member with advocacy value (influence 15): the
        // others, with none, are not named "who to thank".
        topAdvocates: members('champ'),
        newAmbassadors: members('champ'),
        rising: members('champ'),
        // champ, the only influencer, spends above the customers' median.
        hiddenGems: [],
        // longgone: last active 2026-03-15, in the month before; not dormant (P(alive) 0.1 only
        // in the 2026-06-01 snapshot, lowest tier at 2026-05-01).
        atRisk: members('longgone'),
      };
      for (const section of SECTIONS) {
        const { preview, digest, ranking } = await digestAndRanking(test, APRIL, section);
        expect(preview).toContain('Values as of: 2026-05-01');
        // Top advocates are the ranking's members with advocacy value: a prefix of it.
        expect(ranking.slice(0, digest.length)).toEqual(digest);
        expect(digest).toEqual(expected[section]);
      }
      const { block } = await digestAndRanking(test, APRIL, 'topAdvocates');
      const history = await test
        .http()
        .get(`/api/v1/members/${ids.champ}/value/history`)
        .set('Authorization', test.keys.viewer);
      const may = history.body.items.find((point: any) => point.asOfDate === '2026-05-01');
      const euros = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' });
      const advocacy = Number(may.referral) + Number(may.influence) + Number(may.knowledge);
      expect(block).toContain(`Cara Champion: Advocacy value ${euros.format(advocacy)}`);
      const { preview } = await digestAndRanking(test, MAY, 'topAdvocates');
      expect(preview).toContain('Values as of: 2026-06-01');
    });

    it('says why each member is at risk, with the configured P(alive) threshold', async () => {
      const { block } = await digestAndRanking(test, MAY, 'atRisk');
      const line = (name: string) => block.split('\n').find((text) => text.includes(name));
      expect(line('Dora Dormant')).toContain('likely to stop buying, P(alive) 10%');
      expect(line('Fred Fader')).toContain('active before, silent this period');
      // gem's P(alive) 0.5 is above atRiskPAlive 0.3.
      expect(block).not.toContain('Gus Gem');
    });

    it('keeps to the tag and platform filters as the ranking does', async () => {
      for (const filters of [{ tag: 'vip' }, { platform: 'instagram' }, { platform: 'tiktok' }]) {
        const { digest, ranking } = await digestAndRanking(test, MAY, 'topAdvocates', { filters });
        expect(digest).toEqual(ranking);
      }
      const vip = await digestAndRanking(test, MAY, 'topAdvocates', { filters: { tag: 'vip' } });
      expect(vip.digest).toEqual(members('gem', 'champ'));
      const tiktok = await digestAndRanking(test, MAY, 'rising', {
        filters: { platform: 'tiktok' },
      });
      expect(tiktok.digest).toEqual(members('riser'));
    });

    it('never names the member who objects to profiling, nor the merged one', async () => {
      const id = await subscribeDigest(test, { ...MONTHLY });
      for (const period of [MAY, APRIL]) {
        const text = await previewDigest(test, id, period.at);
        expect(text).not.toContain('Otto Objector');
        expect(text).not.toContain('Gina Ghost');
        expect(sectionMembers(text)).not.toContain(ids.objector);
        expect(sectionMembers(text)).not.toContain(ids.ghost);
      }
    });
  });

  describe('with other tiers and atRiskPAlive 0.6', () => {
    let test: TestApp;
    let ids: CommunityIds;
    const members = (...keys: string[]) => keys.map((key) => ids[key]);

    beforeAll(
      async () =>
        ({ test, ids } = await communityApp({
          tiers: [
            // Extended values at 2026-06-01: champ 594.90, newbie 401.75, x3 375.39, x4 250.26,
            // x1 182.37, gem 160.59, then x2 126.37; at 2026-05-01 champ 374.89, x1 131.83.
            { name: 'Patron', minExtendedValue: '150.00' },
            { name: 'Fan', minInfluence: '10.00' },
            { name: 'Member' },
          ],
          atRiskPAlive: 0.6,
        })),
    );
    afterAll(() => test.close());

    it('names as new ambassadors those who entered the configured top tier', async () => {
      const { digest, ranking } = await digestAndRanking(test, MAY, 'newAmbassadors');
      expect(digest).toEqual(ranking);
      // Extended value 150.00 or more at 2026-06-01 and not at 2026-05-01 (champ was).
      expect(digest).toEqual(members('newbie', 'x3', 'x4', 'x1', 'gem'));
    });

    it('counts as at risk a P(alive) below the configured threshold', async () => {
      const { block, digest, ranking } = await digestAndRanking(test, MAY, 'atRisk');
      expect(digest).toEqual(ranking);
      // x1, a Patron, last bought in April; gem, a Patron, has P(alive) 0.5 < 0.6; dormant
      // (0.1) is in the lowest tier here.
      expect(digest).toEqual(members('x1', 'gem'));
      const gem = block.split('\n').find((text) => text.includes('Gus Gem'));
      expect(gem).toContain('likely to stop buying, P(alive) 50%');
    });
  });
});
