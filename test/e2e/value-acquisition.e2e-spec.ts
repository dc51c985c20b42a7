import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Member } from '../../src/members/member.entity';
import { TestApp, createTestApp } from '../support/test-app';
import {
  buildCampaign,
  createEvent,
  createMember,
  createPurchase,
  createReferral,
} from '../support/factories';

/**
 * GET /api/v1/metrics/acquisition for Q1 2026 on hand-built data. Values come from a recompute
 * as of 2026-04-01 with the simple formula: nobody has bought on two days by then, so the
 * brand's repeat rate f̄ is 0, every one-order member's credibility-weighted rate
 * (0 + 365 × 0) / (T + 365) is 0 and an order of A is worth its realized margin only, A × 30 %:
 * 100.00 → 30.00, 50.00 → 15.00, 300.00 → 90.00.
 */
describe('acquisition metrics (GET /api/v1/metrics/acquisition)', () => {
  let test: TestApp;
  const ids: Record<string, string> = {};
  const Q1 = { from: '2026-01-01', to: '2026-04-01' };

  const metrics = (query: Record<string, string> = Q1, key?: string) =>
    test
      .http()
      .get('/api/v1/metrics/acquisition')
      .query(query)
      .set('Authorization', key ?? test.keys.viewer);
  const campaign = async (overrides: Record<string, unknown>) => {
    const response = await test
      .http()
      .post('/api/v1/campaigns')
      .set('Authorization', test.keys.manager)
      .send(buildCampaign(overrides))
      .expect(201);
    return response.body.id as string;
  };
  const order = (member: string, amount: string, occurredAt: string) =>
    createPurchase(test, { memberId: ids[member], amount, occurredAt });
  const member = async (name: string, overrides: Record<string, unknown> = {}) => {
    ids[name] = (
      await createMember(test, { name, email: `${name}@${name}.example`, ...overrides })
    ).id;
  };

  beforeAll(async () => {
    test = await createTestApp({ VALUE_RECOMPUTE_IN_WORKER: 'false' });
    ids.search = await campaign({
      name: 'Search',
      channel: 'paid-search',
      spend: '900.00',
      startsAt: '2026-01-01',
      endsAt: '2026-03-31',
      prospects: 1000,
    });
    // 2026-03-02 .. 2026-04-30: 60 days, 30 of them in Q1.
    ids.social = await campaign({
      name: 'Social',
      channel: 'paid-social',
      spend: '600.00',
      startsAt: '2026-03-02',
      endsAt: '2026-04-30',
      prospects: 0,
    });
    await campaign({
      name: 'Last year',
      channel: 'display',
      spend: '500.00',
      startsAt: '2025-01-01',
      endsAt: '2025-03-31',
    });
    const meetup = await createEvent(test, {
      startsAt: '2026-03-10T18:00:00Z',
      cost: '250.00',
      currency: 'EUR',
    });
    ids.meetup = meetup.id;
    await createEvent(test, { startsAt: '2026-05-01T18:00:00Z', cost: '100.00', currency: 'EUR' });

    // Acquired before Q1: a referrer, an event host, the referee of an older referral.
    for (const name of ['referrer', 'host', 'oldReferee']) await member(name);
    await order('referrer', '10.00', '2025-06-01T10:00:00Z');
    await order('host', '10.00', '2025-06-01T10:00:00Z');
    await createReferral(test, {
      referrerId: ids.referrer,
      refereeId: ids.oldReferee,
      rewardCost: '99.00',
      rewardCurrency: 'EUR',
      invitedAt: '2025-12-01',
    });
    await order('oldReferee', '10.00', '2025-12-15T10:00:00Z');

    await member('m1', { acquisitionChannel: 'paid-search', acquisitionCampaignId: ids.search });
    await member('m2', { acquisitionCampaignId: ids.search });
    await member('m3', { acquisitionCampaignId: ids.search }); // referred: counts for community
    await member('m4', { acquisitionChannel: 'referral', acquiredAt: '2026-02-15' }); // no order
    await member('m5'); // event guest, first order after the event
    await member('m6'); // referred and event guest: referral first
    await member('m7', { acquisitionChannel: 'organic' });
    await member('m8'); // nothing recorded: unattributed
    await member('m9', { acquisitionCampaignId: ids.social });
    await member('m11', { acquisitionChannel: 'organic' }); // guest whose first order preceded the event
    await member('q2', { acquisitionCampaignId: ids.search }); // acquired in April
    await createReferral(test, {
      referrerId: ids.referrer,
      refereeId: ids.m3,
      rewardCost: '20.00',
      rewardCurrency: 'EUR',
      invitedAt: '2026-02-01',
    });
    await createReferral(test, {
      referrerId: ids.referrer,
      refereeId: ids.m6,
      rewardCost: '30.00',
      rewardCurrency: 'EUR',
      invitedAt: '2026-02-01',
    });
    await test
      .http()
      .post(`/api/v1/events/${ids.meetup}/attendance`)
      .set('Authorization', test.keys.manager)
      .send({
        memberId: ids.host,
        role: 'host',
        status: 'attended',
        guestMemberIds: [ids.m5, ids.m6, ids.m11],
      })
      .expect(201);
    await order('m11', '100.00', '2026-03-05T10:00:00Z');
    await order('m1', '100.00', '2026-03-10T10:00:00Z');
    await order('m2', '300.00', '2026-03-11T10:00:00Z');
    await order('m3', '50.00', '2026-03-12T10:00:00Z');
    await order('m5', '100.00', '2026-03-13T10:00:00Z');
    await order('m6', '50.00', '2026-03-14T10:00:00Z');
    await order('m7', '100.00', '2026-03-15T10:00:00Z');
    await order('m8', '100.00', '2026-03-16T10:00:00Z');
    await order('m9', '100.00', '2026-03-17T10:00:00Z');
    await order('q2', '100.00', '2026-04-10T10:00:00Z');
  });
  afterAll(() => test.close());

  const channel = (body: { channels: { channel: string }[] }, name: string) =>
    body.channels.find((row) => row.channel === name);
  const campaignRow = (body: { campaigns: { id: string }[] }, id: string) =>
    body.campaigns.find((row) => row.id === id);

  it('costs members by how they came before any value exists, with null LTVs', async () => {
    const { body } = await metrics().expect(200);
    expect(body).toMatchObject({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      currency: 'EUR',
      targetLtvCacRatio: 3,
    });
    expect(body.channels.map((row: { channel: string }) => row.channel)).toEqual([
      'community',
      'organic',
      'paid-search',
      'paid-social',
      'unattributed',
    ]);
    // m3 (reward 20.00), m6 (reward 30.00), m5 (the meetup's 250.00 over its one guest, m5);
    // m4's label alone gives no cost. Spent in Q1: rewards 50.00 + the meetup 250.00.
    expect(channel(body, 'community')).toMatchObject({
      acquired: 4,
      membersWithKnownCost: 3,
      membersWithUnknownCost: 1,
      spend: '300.00',
      spendInWindow: '300.00',
      cac: '100.00',
      costKnown: true,
      ltv: null,
      ltvToCac: null,
      maxAffordableCac: null,
      valuedMembers: 0,
    });
    // Search acquired m1, m2 and (in April) q2: 900.00 / 3.
    expect(channel(body, 'paid-search')).toMatchObject({ acquired: 2, cac: '300.00' });
  });

  it('gives CAC, LTV, LTV/CAC, the maximum affordable CAC and measures once values exist', async () => {
    await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: '2026-04-01' })
      .expect(200);
    // Acquired in Q1 after the recompute: counts, and costs, but has no value yet.
    await member('m10', { acquisitionCampaignId: ids.search });
    await order('m10', '100.00', '2026-03-20T10:00:00Z');
    const { body } = await metrics().expect(200);
    // LTV (15.00 + 0 + 30.00 + 15.00) / 4 = 15.00; with a known cost (m3, m5, m6) 60 / 3 = 20.00;
    // LTV/CAC 20 / 100 = 0.2; at most 15.00 / 3 = 5.00 a member.
    expect(channel(body, 'community')).toEqual({
      channel: 'community',
      acquired: 4,
      spend: '300.00',
      spendInWindow: '300.00',
      cac: '100.00',
      costKnown: true,
      membersWithKnownCost: 3,
      membersWithUnknownCost: 1,
      ltv: '15.00',
      valuedMembers: 4,
      ltvWithKnownCost: '20.00',
      ltvToCac: 0.2,
      maxAffordableCac: '5.00',
      measures: {
        // m3 50.00, m5 100.00, m6 50.00 (m4 bought nothing); one order each, so no repeat
        // rate anywhere in the brand: 0 orders a year ahead; nobody has lapsed.
        customers: 3,
        revenuePerCustomer: '66.67',
        averageOrderValue: '66.67',
        ordersPerYear: 0,
        averageRelationshipDays: null,
        relationshipBasis: null,
        lapsedCustomers: 0,
      },
      costs: { campaigns: '0.00', referralRewards: '50.00', eventCosts: '250.00' },
      via: { referral: 2, eventGuest: 1, campaign: 0, label: 1 },
    });
    // m1, m2, m10 (m3 went to community) at 900.00 / 4 (m1, m2, m10, q2) = 225.00 each;
    // LTV of the valued two (30.00 + 90.00) / 2 = 60.00; 60 / 225 = 0.2667; 60 / 3 = 20.00.
    expect(channel(body, 'paid-search')).toMatchObject({
      acquired: 3,
      spendInWindow: '900.00',
      cac: '225.00',
      membersWithUnknownCost: 0,
      ltv: '60.00',
      ltvWithKnownCost: '60.00',
      ltvToCac: 0.2667,
      maxAffordableCac: '20.00',
      valuedMembers: 2,
      via: { campaign: 3 },
    });
    // Social's 600.00 over its one member; 300.00 of it spent in Q1. 30 / 600 = 0.05.
    expect(channel(body, 'paid-social')).toMatchObject({
      acquired: 1,
      spendInWindow: '300.00',
      cac: '600.00',
      ltv: '30.00',
      ltvToCac: 0.05,
    });
    // m7 and m11 (whose first order came before the event they were a guest at): no cost known.
    expect(channel(body, 'organic')).toMatchObject({
      acquired: 2,
      spendInWindow: '0.00',
      cac: null,
      costKnown: false,
      membersWithKnownCost: 0,
      membersWithUnknownCost: 2,
      ltv: '30.00',
      ltvWithKnownCost: null,
      ltvToCac: null,
      maxAffordableCac: '10.00',
      measures: { customers: 2, revenuePerCustomer: '100.00', averageOrderValue: '100.00' },
      via: { label: 2 },
    });
    expect(channel(body, 'unattributed')).toMatchObject({
      acquired: 1,
      cac: null,
      costKnown: false,
      ltv: '30.00',
      ltvToCac: null,
    });
    // 11 members; known costs 20 + 30 + 250 + 3 × 225 + 600 = 1,575.00 / 7 = 225.00. LTV
    // 300.00 / 10 valued = 30.00; with a known cost (m1, m2, m3, m5, m6, m9) 210 / 6 = 35.00;
    // 35 / 225 = 0.1556. Revenue 1,100.00 of 10 customers.
    expect(body.overall).toMatchObject({
      acquired: 11,
      spendInWindow: '1500.00',
      cac: '225.00',
      membersWithKnownCost: 7,
      membersWithUnknownCost: 4,
      ltv: '30.00',
      valuedMembers: 10,
      ltvWithKnownCost: '35.00',
      ltvToCac: 0.1556,
      maxAffordableCac: '10.00',
      measures: { customers: 10, revenuePerCustomer: '110.00', ordersPerYear: 0 },
    });
  });

  it("gives per campaign its whole spend over all it acquired, the window's spend and prospect lifetime value", async () => {
    const { body } = await metrics().expect(200);
    expect(body.campaigns.map((row: { name: string }) => row.name)).toEqual(['Search', 'Social']);
    // Converted prospects: m1, m2, m3, m10 (no value yet), q2 (no purchase by asOf: 0.00).
    // (30.00 + 90.00 + 15.00 − 900.00) / 1,000 prospects = −0.765 → −0.76 (half-even).
    expect(campaignRow(body, ids.search)).toEqual({
      id: ids.search,
      name: 'Search',
      channel: 'paid-search',
      startsAt: '2026-01-01T00:00:00.000Z',
      endsAt: '2026-03-31T00:00:00.000Z',
      acquired: 3,
      acquiredAllTime: 4,
      spend: '900.00',
      spendInWindow: '900.00',
      cac: '225.00',
      costKnown: true,
      membersWithKnownCost: 3,
      membersWithUnknownCost: 0,
      ltv: '60.00',
      valuedMembers: 2,
      ltvWithKnownCost: '60.00',
      ltvToCac: 0.2667,
      maxAffordableCac: '20.00',
      prospects: 1000,
      totalSpend: '900.00',
      convertedProspects: 5,
      convertedProspectsValue: '135.00',
      prospectLifetimeValue: '-0.76',
    });
    expect(campaignRow(body, ids.social)).toMatchObject({
      acquired: 1,
      acquiredAllTime: 1,
      spendInWindow: '300.00',
      totalSpend: '600.00',
      cac: '600.00',
      prospects: 0,
      prospectLifetimeValue: null,
    });
  });

  it('keeps a campaign its CAC in any window, and pro-rates only the spend in it', async () => {
    // March: 31 of Search's 90 days, all 30 Q1 days of Social; everyone but m4 was acquired in March.
    const { body } = await metrics({ from: '2026-03-01', to: '2026-04-01' }).expect(200);
    expect(campaignRow(body, ids.search)).toMatchObject({
      spendInWindow: '310.00',
      acquired: 3,
      cac: '225.00',
    });
    expect(channel(body, 'community')).toMatchObject({
      acquired: 3,
      spendInWindow: '300.00',
      cac: '100.00',
    });
    const april = await metrics({ from: '2026-04-01', to: '2026-05-01' }).expect(200);
    // q2 only, at Search's 225.00; Social's other 30 days, and nobody it acquired in April.
    expect(channel(april.body, 'paid-search')).toMatchObject({
      acquired: 1,
      spendInWindow: '0.00',
      cac: '225.00',
    });
    expect(campaignRow(april.body, ids.social)).toMatchObject({
      spendInWindow: '300.00',
      acquired: 0,
      acquiredAllTime: 1,
      cac: '600.00',
      ltvToCac: null,
    });
    expect(channel(april.body, 'paid-social')).toMatchObject({
      acquired: 0,
      spendInWindow: '300.00',
      cac: null,
      costKnown: true,
    });
    expect(channel(april.body, 'community')).toMatchObject({
      acquired: 0,
      spendInWindow: '0.00',
      cac: null,
      ltv: null,
    });
  });

  it('answers a campaign that spent and acquired nobody with its spend and no CAC', async () => {
    const silent = await campaign({
      name: 'Silent',
      channel: 'display',
      spend: '400.00',
      startsAt: '2026-02-01',
      endsAt: '2026-02-28',
      prospects: 0,
    });
    const { body } = await metrics().expect(200);
    expect(campaignRow(body, silent)).toMatchObject({
      acquired: 0,
      acquiredAllTime: 0,
      spendInWindow: '400.00',
      totalSpend: '400.00',
      cac: null,
      ltvToCac: null,
    });
    expect(channel(body, 'display')).toMatchObject({
      acquired: 0,
      spendInWindow: '400.00',
      cac: null,
    });
  });

  it('counts a flagged referral only once a manager approves it', async () => {
    const june = { from: '2026-06-01', to: '2026-07-01' };
    // An email close to the referrer's: flagged similar_email.
    await member('m12', { email: 'referrer1@referrer.example' });
    const referral = await createReferral(test, {
      referrerId: ids.referrer,
      refereeId: ids.m12,
      rewardCost: '40.00',
      rewardCurrency: 'EUR',
      invitedAt: '2026-06-01',
    });
    expect(referral.flags).toEqual(['similar_email']);
    await order('m12', '100.00', '2026-06-10T10:00:00Z');
    const held = (await metrics(june).expect(200)).body;
    expect(channel(held, 'community')).toMatchObject({ acquired: 0, spend: '0.00' });
    expect(channel(held, 'unattributed')).toMatchObject({
      acquired: 1,
      cac: null,
      costKnown: false,
      membersWithUnknownCost: 1,
    });
    await test
      .http()
      .post(`/api/v1/referrals/${referral.id}/approve`)
      .set('Authorization', test.keys.manager)
      .send({})
      .expect(200);
    const approved = (await metrics(june).expect(200)).body;
    expect(channel(approved, 'community')).toMatchObject({
      acquired: 1,
      spend: '40.00',
      cac: '40.00',
      via: { referral: 1 },
    });
    expect(channel(approved, 'unattributed')).toBeUndefined();
  });

  it('does not count a guest of someone who did not come, nor a member merged into another', async () => {
    const july = { from: '2026-07-01', to: '2026-08-01' };
    await member('noShow');
    await member('m13');
    await member('m14', { acquisitionChannel: 'organic' });
    await test
      .http()
      .post(`/api/v1/events/${ids.meetup}/attendance`)
      .set('Authorization', test.keys.manager)
      .send({ memberId: ids.noShow, status: 'no-show', guestMemberIds: [ids.m13] })
      .expect(201);
    await order('m13', '100.00', '2026-07-05T10:00:00Z');
    await order('m14', '100.00', '2026-07-06T10:00:00Z');
    const before = (await metrics(july).expect(200)).body;
    expect(channel(before, 'community')).toMatchObject({ acquired: 0 });
    expect(channel(before, 'unattributed')).toMatchObject({ acquired: 1 });
    expect(channel(before, 'organic')).toMatchObject({ acquired: 1 });
    await test.app.get(DataSource).getRepository(Member).update(ids.m14, { mergedIntoId: ids.m13 });
    expect(channel((await metrics(july).expect(200)).body, 'organic')).toBeUndefined();
  });

  it('defaults to the last 12 months, today included, and refuses bad or reversed dates', async () => {
    const tomorrow = () => (Math.floor(Date.now() / 86_400_000) + 1) * 86_400_000;
    const before = tomorrow();
    const { body } = await metrics({}).expect(200);
    expect([before, tomorrow()]).toContain(Date.parse(body.to));
    expect(body.from).toBe(
      DateTime.fromISO(body.to, { zone: 'utc' }).minus({ months: 12 }).toUTC().toISO(),
    );
    expect((await metrics({ to: '2026-04-01' }).expect(200)).body.from).toBe(
      '2025-04-01T00:00:00.000Z',
    );
    const fieldsOf = (refusal: { details: { field: string }[] }) => [
      ...new Set(refusal.details.map((detail) => detail.field)),
    ];
    expect(
      fieldsOf((await metrics({ from: 'yesterday', to: '2026-04-01' }).expect(400)).body),
    ).toEqual(['from']);
    const reversed = await metrics({ from: '2026-04-01', to: '2026-01-01' }).expect(400);
    expect(reversed.body.details).toEqual([
      expect.objectContaining({ field: 'to', code: 'toNotAfterFrom' }),
    ]);
    await test.http().get('/api/v1/metrics/acquisition').query(Q1).expect(401);
  });
});
