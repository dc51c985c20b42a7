import { CsvSplitter } from '../../src/imports/readers/csv-splitter';
import {
  CommunityIds,
  buildAdvocatesCommunity,
  writeAdvocatesConfig,
} from '../support/advocates-community';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * The ranking, tiers, segments and engagement on a hand-built community (see
 * test/support/advocates-community.ts), with snapshots at the start (2026-05-01) and the end
 * (2026-06-01) of the period.
 */
describe('advocates: ranking, tiers, segments, engagement', () => {
  let test: TestApp;
  let ids: CommunityIds;
  let names: Map<string, string>;
  const PERIOD = { from: '2026-05-01', to: '2026-06-01' };

  const get = async (path: string, query: Record<string, unknown> = {}, status = 200) =>
    (await test.http().get(path).query(query).set('Authorization', test.keys.viewer).expect(status))
      .body;
  const rank = async (query: Record<string, unknown> = {}) => {
    const page = await get('/api/v1/advocates', { ...PERIOD, limit: 200, ...query });
    return page.items.map((row: { member: { id: string } }) => names.get(row.member.id));
  };
  const value = async (key: string) => get(`/api/v1/members/${ids[key]}/value`);

  beforeAll(async () => {
    test = await createTestApp({
      HALO_CONFIG_FILE: writeAdvocatesConfig(),
      VALUE_RECOMPUTE_IN_WORKER: 'false',
    });
    ids = await buildAdvocatesCommunity(test);
    names = new Map(Object.entries(ids).map(([key, id]) => [id, key]));
  });
  afterAll(() => test.close());

  const RANKED = [
    'champ',
    'newbie',
    'gem',
    'riser',
    'fader',
    'dormant',
    'longgone',
    'poster',
    'nobody',
    'x1',
    'x2',
    'x3',
    'x4',
    'x5',
  ];

  it('ranks everyone by extended value, leaving out the objector and the merged member', async () => {
    const page = await get('/api/v1/advocates', { ...PERIOD, limit: 200, sort: 'extendedValue' });
    expect(page.total).toBe(14);
    const order = page.items.map((row: any) => names.get(row.member.id));
    expect(new Set(order)).toEqual(new Set(RANKED));
    const values = await Promise.all(
      order.map(async (key: string) => Number((await value(key)).extendedValue)),
    );
    expect(values).toEqual([...values].sort((left, right) => right - left));
    // The objector (orders of 2 × 1000.00, who would top the list) has no value served at all.
    expect(await value('objector')).toEqual({
      withheld: 'profilingObjection',
      since: expect.any(String),
    });
  });

  it('ranks by advocacy value by default: referral + influence + knowledge, with reasons in words', async () => {
    const page = await get('/api/v1/advocates', { ...PERIOD, limit: 200 });
    const advocacy = page.items.map((row: any) => Number(row.components.advocacyValue));
    expect(advocacy).toEqual([...advocacy].sort((left, right) => right - left));
    for (const row of page.items) {
      const { referral, influence, knowledge, advocacyValue } = row.components;
      expect(Number(advocacyValue)).toBeCloseTo(
        Number(referral) + Number(influence) + Number(knowledge),
        2,
      );
      expect(row.tierReason.text.startsWith(`${row.tier}`)).toBe(true);
      // Reasons name people, platforms and events, never ids.
      for (const reason of row.reasons) expect(reason).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    }
    // gem: one Instagram mention named by two orders of others (influence 150.00), spend low.
    expect(names.get(page.items[0].member.id)).toBe('gem');
    expect(page.items[0].reasons).toEqual([
      '1 mention on Instagram brought 2 orders; €150 credited',
    ]);
    const italian = await test
      .http()
      .get('/api/v1/advocates')
      .query({ ...PERIOD, limit: 1 })
      .set('Authorization', test.keys.viewer)
      .set('Accept-Language', 'it-IT,it;q=0.9,en;q=0.5')
      .expect(200);
    expect(italian.body.items[0].reasons).toEqual([
      '1 menzione su Instagram ha portato 2 ordini; 150\u00a0€ attribuiti',
    ]);
    expect(
      (await get('/api/v1/advocates', { ...PERIOD, limit: 1, lang: 'en' })).items[0].reasons,
    ).toEqual(page.items[0].reasons);
  });

  it('shows each row with its member, components from the snapshot, tier, engagement and change', async () => {
    const page = await get('/api/v1/advocates', { ...PERIOD, tier: 'Champion' });
    const champ = page.items.find((row: any) => row.member.id === ids.champ);
    const champValue = await value('champ');
    expect(champ).toMatchObject({
      member: {
        id: ids.champ,
        name: 'Cara Champion',
        tags: ['vip'],
        acquisitionChannel: 'events',
        email: expect.stringContaining('@'),
      },
      asOf: '2026-06-01T00:00:00.000Z',
      currency: 'EUR',
      components: {
        extendedValue: champValue.extendedValue,
        spend: champValue.components.spend.value,
        spendRealized: '180.00',
        referral: '0.00',
        influence: '45.00',
        influenceMeasured: '45.00',
        influenceModeled: '0.00',
        knowledge: '0.00',
      },
      tier: 'Champion',
      orders: 3,
      lastActivityAt: '2026-05-25T18:00:00.000Z',
      change: { from: '2026-05-01', to: '2026-06-01', influence: '0.00', previousTier: 'Champion' },
    });
    expect(champ.influenceShare).toBeCloseTo(45 / Number(champValue.extendedValue), 4);
    const history = await get(`/api/v1/members/${ids.champ}/value/history`);
    const [start, end] = history.items.map((point: any) =>
      Math.round(Number(point.extendedValue) * 100),
    );
    expect(Math.round(Number(champ.change.extendedValue) * 100)).toBe(end - start);
  });

  it('sorts by influence, engagement, influence share and growth', async () => {
    expect((await rank({ sort: 'influence' })).slice(0, 5)).toEqual([
      'gem',
      'champ',
      'newbie',
      'poster',
      'riser',
    ]);
    // basis=measured leaves poster's modeled influence (200 reach × 0.001 × average order margin) out.
    expect((await rank({ sort: 'influence', basis: 'measured' })).slice(0, 4)).toEqual([
      'gem',
      'champ',
      'newbie',
      'riser',
    ]);
    const measured = await get('/api/v1/advocates', { ...PERIOD, q: 'paula', basis: 'measured' });
    expect(measured.items[0].components).toMatchObject({
      influence: '0.00',
      influenceModeled: '0.00',
      extendedValue: '0.00',
    });

    const byEngagement = await get('/api/v1/advocates', {
      ...PERIOD,
      sort: 'engagement',
      limit: 200,
    });
    const engagement = byEngagement.items.map((row: any) => row.engagement);
    expect(engagement).toEqual([...engagement].sort((left, right) => right - left));
    expect(byEngagement.items.slice(0, 2).map((row: any) => names.get(row.member.id))).toEqual([
      'champ',
      'newbie',
    ]);

    const byShare = await get('/api/v1/advocates', {
      ...PERIOD,
      sort: 'influenceShare',
      limit: 200,
    });
    const shares = byShare.items.map((row: any) => row.influenceShare);
    // poster's value is all modeled influence; nobody has no value, so no share, and comes last.
    expect(names.get(byShare.items[0].member.id)).toBe('poster');
    expect(shares[0]).toBe(1);
    expect(names.get(byShare.items.at(-1).member.id)).toBe('nobody');
    expect(shares.at(-1)).toBeNull();
    const known = shares.filter((share: number | null) => share !== null);
    expect(known).toEqual([...known].sort((left, right) => right - left));

    const byGrowth = await get('/api/v1/advocates', { ...PERIOD, sort: 'growth', limit: 200 });
    const growth = await Promise.all(
      byGrowth.items.map(async (row: any) => {
        const history = await get(`/api/v1/members/${row.member.id}/value/history`);
        const [start, end] = history.items.map((point: any) =>
          Math.round(Number(point.extendedValue) * 100),
        );
        expect(Math.round(Number(row.change.extendedValue) * 100)).toBe(end - start);
        return end - start;
      }),
    );
    expect(growth).toEqual([...growth].sort((left, right) => right - left));
  });

  it('pages with a cursor and with an offset, in the same order as one page', async () => {
    for (const sort of ['extendedValue', 'influence', 'engagement', 'influenceShare', 'growth']) {
      const all = await rank({ sort });
      const paged: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await get('/api/v1/advocates', {
          ...PERIOD,
          sort,
          limit: 4,
          ...(cursor ? { cursor } : {}),
        });
        paged.push(...page.items.map((row: any) => names.get(row.member.id)));
        expect(page.total).toBe(14);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(paged).toEqual(all);
      const second = await get('/api/v1/advocates', { ...PERIOD, sort, limit: 4, offset: 4 });
      expect(second.items.map((row: any) => names.get(row.member.id))).toEqual(all.slice(4, 8));
    }
  });

  it('filters by tier, tag, platform, minimum purchases, activity, channel and text', async () => {
    // By advocacy value (the default): champ's influence 45 before newbie's 30.
    expect(await rank({ tier: 'Champion' })).toEqual(['champ', 'newbie']);
    expect(new Set(await rank({ tag: 'vip' }))).toEqual(new Set(['champ', 'gem']));
    expect(new Set(await rank({ platform: 'instagram' }))).toEqual(new Set(['gem', 'poster']));
    // An identity alone counts; platforms compare case-insensitively.
    expect(await rank({ platform: 'TikTok' })).toEqual(['riser']);
    expect(await rank({ minPurchases: 3 })).toEqual(['champ']);
    expect(await rank({ activeSince: '2026-05-24' })).toEqual(['champ', 'newbie']);
    expect(new Set(await rank({ channel: 'referral' }))).toEqual(new Set(['newbie', 'riser']));
    expect(await rank({ q: 'GUS' })).toEqual(['gem']);
    expect(await rank({ tier: 'Advocate', tag: 'vip' })).toEqual([]);
  });

  it('counts members per tier with the thresholds', async () => {
    const tiers = await get('/api/v1/advocates/tiers');
    expect(tiers).toMatchObject({
      asOf: '2026-06-01T00:00:00.000Z',
      total: 4,
      untiered: 0,
      nextCursor: null,
    });
    expect(tiers.items.map((tier: any) => [tier.name, tier.rank, tier.count])).toEqual([
      ['Champion', 1, 2],
      ['Advocate', 2, 0],
      ['Promoter', 3, 6],
      ['Customer', 4, 6],
    ]);
    expect(tiers.items[0].thresholds).toEqual({
      minAdvocacyValue: null,
      minExtendedValue: '300.00',
      minInfluence: '20.00',
      minEngagement: 8,
      maxRecencyDays: 30,
    });
    expect(tiers.items[3].thresholds).toEqual({
      minAdvocacyValue: null,
      minExtendedValue: null,
      minInfluence: null,
      minEngagement: null,
      maxRecencyDays: null,
    });
    // dormant (one €60 order, valued soberly: extended 75.82) misses Advocate's 100.00.
    expect(await rank({ tier: 'Advocate' })).toEqual([]);
    expect(new Set(await rank({ tier: 'Promoter' }))).toEqual(
      new Set(['dormant', 'gem', 'riser', 'fader', 'longgone', 'poster']),
    );
  });

  it('finds the segments', async () => {
    // Influencers: gem 150, champ 45, newbie 30, poster 16.58, riser 15; the top half (3) with
    // spend below the customers' median: champ and newbie spend far above it.
    expect(await rank({ segment: 'hidden-gems' })).toEqual(['gem']);
    // Influence grew from 2026-05-01 to 2026-06-01: gem +150, newbie +30, poster +16.58, riser +15.
    expect(await rank({ segment: 'rising' })).toEqual(['gem', 'newbie', 'poster', 'riser']);
    // fader: last active 2026-04-15, in the period before and not since; dormant: P(alive) 0.1.
    // Not longgone (inactive in both periods) nor x1 (lowest tier) nor gem (P(alive) 0.5).
    // By extended value: fader 93.79, dormant 75.82.
    expect(await rank({ segment: 'at-risk' })).toEqual(['fader', 'dormant']);
    // champ was a Champion at the start already.
    expect(await rank({ segment: 'new-ambassadors' })).toEqual(['newbie']);
    const newbie = (await get('/api/v1/advocates', { ...PERIOD, segment: 'new-ambassadors' }))
      .items[0];
    expect(newbie.change).toMatchObject({ previousTier: 'Customer', influence: '30.00' });
    // Each answer says the order it applied: the segment's own unless a sort is asked for.
    const order = async (query: Record<string, unknown>) =>
      (await get('/api/v1/advocates', { ...PERIOD, limit: 1, ...query })).sort;
    expect(await order({})).toBe('advocacy');
    expect(await order({ segment: 'hidden-gems' })).toBe('advocacy');
    expect(await order({ segment: 'rising' })).toBe('advocacyGrowth');
    expect(await order({ segment: 'at-risk' })).toBe('extendedValue');
    expect(await order({ segment: 'rising', sort: 'engagement' })).toBe('engagement');
  });

  it('without a snapshot at the start, has no change and no period segments', async () => {
    const early = { from: '2026-01-01', to: '2026-06-01' };
    const page = await get('/api/v1/advocates', { ...early, sort: 'growth' });
    expect(page.items[0].change).toMatchObject({
      from: null,
      extendedValue: null,
      influence: null,
    });
    for (const segment of ['rising', 'new-ambassadors'])
      expect((await get('/api/v1/advocates', { ...early, segment })).total).toBe(0);
  });

  it('compares the latest snapshots at or before from and to, whatever the period', async () => {
    // Default: the 30 days to now (2026-11-23 on this clock or later): both ends read 2026-06-01.
    const current = (await get('/api/v1/advocates', { q: 'gus' })).items[0];
    expect(current.change).toMatchObject({
      from: '2026-06-01',
      to: '2026-06-01',
      influence: '0.00',
    });
    // A period ending before the current snapshots: both ends read 2026-05-01, nothing changed.
    const past = { from: '2026-05-01', to: '2026-05-15' };
    const page = await get('/api/v1/advocates', { ...past, sort: 'growth', limit: 200 });
    expect(page.total).toBe(14);
    for (const row of page.items)
      expect(row.change).toMatchObject({
        from: '2026-05-01',
        to: '2026-05-01',
        extendedValue: '0.00',
      });
    expect((await get('/api/v1/advocates', { ...past, segment: 'new-ambassadors' })).total).toBe(0);
    expect((await get('/api/v1/advocates', { ...past, segment: 'rising' })).total).toBe(0);
  });

  it('ranks a period that ended earlier on the snapshots at or before its end', async () => {
    const past = { from: '2026-04-01', to: '2026-05-15' };
    const page = await get('/api/v1/advocates', { ...past, limit: 200 });
    expect(new Set(page.items.map((row: any) => row.asOf))).toEqual(
      new Set(['2026-05-01T00:00:00.000Z']),
    );
    // At 2026-05-01 champ was a Champion already and newbie had not bought yet.
    expect(await rank({ ...past, tier: 'Champion' })).toEqual(['champ']);
    // dormant's P(alive) 0.1 lies in the 2026-06-01 snapshots only.
    expect(await rank({ ...past, segment: 'at-risk' })).not.toContain('dormant');
    // Six customers at 2026-05-01: the median spend lies between two amounts (52864.5 cents);
    // champ, the only influencer, spends more.
    expect(await rank({ ...past, segment: 'hidden-gems' })).toEqual([]);
    // Nothing was known before the first snapshots; without `to`, the current ones count.
    expect((await get('/api/v1/advocates', { from: '2026-03-01', to: '2026-04-01' })).total).toBe(
      0,
    );
    expect((await get('/api/v1/advocates', { q: 'gus' })).items[0].asOf).toBe(
      '2026-06-01T00:00:00.000Z',
    );
  });

  it('explains engagement from the activities', async () => {
    // At 2026-06-01, half-life 30 days: the mention 30 days old counts 2 × 0.5 = 1, the order
    // 120 days old 1 × 0.5^4 = 0.0625.
    const engagement = await get(`/api/v1/members/${ids.gem}/engagement`);
    expect(engagement).toMatchObject({
      memberId: ids.gem,
      asOf: '2026-06-01T00:00:00.000Z',
      halfLifeDays: 30,
      total: 1.0625,
      byPlatform: { instagram: 1 },
      offPlatform: 0.0625,
      lastActivityAt: '2026-05-02T00:00:00.000Z',
      activityCount: 2,
      tier: 'Promoter',
    });
    expect(engagement.activities).toEqual([
      {
        type: 'mention',
        id: expect.any(String),
        platform: 'instagram',
        occurredAt: '2026-05-02T00:00:00.000Z',
        ageDays: 30,
        weight: 2,
        points: 1,
      },
      {
        type: 'purchase',
        id: expect.any(String),
        platform: null,
        occurredAt: '2026-02-01T00:00:00.000Z',
        ageDays: 120,
        weight: 1,
        points: 0.0625,
      },
    ]);
    const row = (await get('/api/v1/advocates', { ...PERIOD, q: 'gus' })).items[0];
    expect(row.engagement).toBe(1.0625);
    // As of the mention: 2 + 1 × 0.5^3 = 2.125.
    expect(
      (await get(`/api/v1/members/${ids.gem}/engagement`, { asOf: '2026-05-02T00:00:00Z' })).total,
    ).toBe(2.125);
    // champ's hosted events and review, by hand (see the support file): 15.82 at 2026-06-01.
    const champ = await get(`/api/v1/members/${ids.champ}/engagement`);
    expect(champ.total).toBeCloseTo(
      0.5 ** (142 / 30) +
        0.5 ** (83 / 30) +
        0.5 ** (12 / 30) +
        5 * 0.5 ** (42 / 30) +
        10 * 0.5 ** (36.25 / 30) +
        10 * 0.5 ** (6.25 / 30),
      4,
    );
    expect(champ.byPlatform).toMatchObject({
      event: expect.any(Number),
      trustpilot: expect.any(Number),
    });
    await get('/api/v1/members/00000000-0000-4000-8000-000000000000/engagement', {}, 404);
  });

  it('exports CSV with formulas neutralised and the objector left out', async () => {
    const response = await test
      .http()
      .get('/api/v1/advocates')
      .query({ ...PERIOD, format: 'csv' })
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toContain('advocates.csv');
    const lines = response.text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(15);
    expect(lines[0]).toMatch(/^member\.id,member\.name,member\.email,member\.tags,/);
    const csv = response.text;
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""x"")",`);
    expect(csv).toContain(`,'+1,`);
    expect(csv).toContain(`,'-2,`);
    expect(csv).toContain(`,'@x,`);
    expect(csv).not.toContain('Otto Objector');
    expect(csv).not.toContain('Gina Ghost');
    // The default order is by advocacy value: gem's 150.00 of influence comes first.
    expect(lines[1]).toContain(ids.gem);
  });

  it('exports CSV with locale=it: `;`, decimal commas and day-first dates', async () => {
    const english = await test
      .http()
      .get('/api/v1/advocates')
      .query({ ...PERIOD, format: 'csv' })
      .set('Authorization', test.keys.viewer)
      .expect(200);
    const italian = await test
      .http()
      .get('/api/v1/advocates')
      .query({ ...PERIOD, format: 'csv', locale: 'it' })
      .set('Authorization', test.keys.viewer)
      .expect(200);
    // Read back with the importer's own splitter, which honours quotes.
    const parse = (text: string, delimiter: string) => {
      const splitter = new CsvSplitter(delimiter);
      const [header, ...rows] = [...splitter.push(text), ...splitter.end()].map(
        (record) => record.fields,
      );
      return rows
        .filter((row) => row.length > 1)
        .map((row) => Object.fromEntries(header.map((name, index) => [name, row[index]])));
    };
    const [enFirst] = parse(english.text, ',');
    const [itFirst] = parse(italian.text, ';');
    expect(Object.keys(itFirst)).toEqual(Object.keys(enFirst));
    expect(enFirst['components.advocacyValue']).toMatch(/^\d+\.\d{2}$/);
    expect(itFirst['components.advocacyValue']).toBe(
      enFirst['components.advocacyValue'].replace('.', ','),
    );
    expect(itFirst['member.name']).toBe(enFirst['member.name']);
    // brand.timezone is UTC here: the same instant, day first, to the minute.
    const asOf = new Date(enFirst.asOf);
    const two = (value: number) => String(value).padStart(2, '0');
    expect(itFirst.asOf).toBe(
      `${two(asOf.getUTCDate())}/${two(asOf.getUTCMonth() + 1)}/${asOf.getUTCFullYear()} ${two(asOf.getUTCHours())}:${two(asOf.getUTCMinutes())}`,
    );
  });

  it('exports only the limit asked for, after the offset, in the ranking order', async () => {
    const csvIds = async (query: Record<string, unknown>) => {
      const response = await test
        .http()
        .get('/api/v1/advocates')
        .query({ ...PERIOD, format: 'csv', ...query })
        .set('Authorization', test.keys.viewer)
        .expect(200);
      // Header, then one line a member: the member id is the first cell.
      return response.text
        .trimEnd()
        .split('\r\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
    };
    const ranked = (await get('/api/v1/advocates', { ...PERIOD, limit: 200 })).items.map(
      (row: { member: { id: string } }) => row.member.id,
    );
    expect(ranked).toHaveLength(14);
    const firstFive = await csvIds({ limit: 5 });
    expect(firstFive).toHaveLength(5);
    expect(firstFive).toEqual(ranked.slice(0, 5));
    expect(await csvIds({ limit: 5, offset: 5 })).toEqual(ranked.slice(5, 10));
    // Without a limit, every row after the offset: 14 − 10 = 4.
    expect(await csvIds({ offset: 10 })).toEqual(ranked.slice(10));
  });

  it('keeps the objector out of tiers and every segment', async () => {
    for (const segment of ['hidden-gems', 'rising', 'at-risk', 'new-ambassadors']) {
      expect(await rank({ segment })).not.toContain('objector');
    }
    const tiers = await get('/api/v1/advocates/tiers');
    expect(tiers.items.reduce((sum: number, tier: any) => sum + tier.count, 0)).toBe(14);
  });

  it('documents every endpoint in OpenAPI, CSV included', async () => {
    const document = (
      await test.http().get('/docs-json').set('Authorization', test.keys.viewer).expect(200)
    ).body;
    const list = document.paths['/api/v1/advocates'].get;
    expect(Object.keys(list.responses['200'].content)).toEqual(['application/json', 'text/csv']);
    expect(list.parameters.map((parameter: any) => parameter.name)).toEqual(
      expect.arrayContaining([
        'sort',
        'segment',
        'tier',
        'tag',
        'platform',
        'minPurchases',
        'activeSince',
        'channel',
        'q',
        'format',
        'from',
        'to',
        'limit',
        'cursor',
        'offset',
      ]),
    );
    expect(document.paths['/api/v1/advocates/tiers'].get.responses['200']).toBeDefined();
    expect(document.paths['/api/v1/members/{id}/engagement'].get.responses['200']).toBeDefined();
    expect(
      document.paths['/api/v1/metrics/community'].get.parameters.map(
        (parameter: any) => parameter.name,
      ),
    ).toEqual(expect.arrayContaining(['from', 'to', 'interval', 'format']));
    for (const schema of [
      'AdvocateListDto',
      'AdvocateDto',
      'AdvocateChangeDto',
      'TierListDto',
      'MemberEngagementDto',
      'CommunityMetricsDto',
      'MeasuresDto',
      'CohortDto',
    ])
      expect(document.components.schemas[schema]).toBeDefined();
  });

  it('refuses bad requests', async () => {
    const unknownTier = await get('/api/v1/advocates', { tier: 'Legend' }, 400);
    expect(unknownTier.details[0]).toMatchObject({ field: 'tier', code: 'unknownTier' });
    // An export is checked before the first line is sent: the refusal is the usual JSON.
    const csv = await get('/api/v1/advocates', { tier: 'Legend', format: 'csv' }, 400);
    expect(csv).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'tier' }] });
    expect(
      (await get('/api/v1/advocates', { from: '2026-06-01', to: '2026-05-01' }, 400)).details[0]
        .field,
    ).toBe('from');
    expect((await get('/api/v1/advocates', { cursor: 'x', offset: 1 }, 400)).details[0].field).toBe(
      'offset',
    );
    expect((await get('/api/v1/advocates', { sort: 'revenue' }, 400)).details[0].field).toBe(
      'sort',
    );
    expect((await get('/api/v1/advocates', { limit: 201 }, 400)).details[0].field).toBe('limit');
    expect((await get('/api/v1/advocates', { cursor: 'not-a-cursor' }, 400)).details[0].field).toBe(
      'cursor',
    );
    await test.http().get('/api/v1/advocates').expect(401);
  });
});
