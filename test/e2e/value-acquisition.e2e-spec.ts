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

  it('counts acquisitions and spend before any value exists, with null LTVs', async () => {
    const { body } = await metrics().expect(200);
    expect(body).toMatchObject({
      from: '2026-01-01T00:00:00.000Z',
      to: '2026-04-01T00:00:00.000Z',
      currency: 'EUR',
    });
    expect(body.channels.map((row: { channel: string }) => row.channel)).toEqual([
      'community',
      'organic',
      'paid-search',
      'paid-social',
      'unattributed',
    ]);
    expect(channel(body, 'community')).toMatchObject({
      acquired: 4,
      spend: '300.00',
      cac: '75.00',
      ltv: null,
      ltvToCac: null,
      valuedMembers: 0,
    });
  });

  it('gives CAC, LTV and LTV/CAC per channel once values are computed', async () => {
    await test
      .http()
      .post('/api/v1/value/recompute')
      .set('Authorization', test.keys.manager)
      .send({ asOf: '2026-04-01' })
      .expect(200);
    // Acquired in Q1 after the recompute: counts, but has no value yet.
    await member('m10', { acquisitionCampaignId: ids.search });
    await order('m10', '100.00', '2026-03-20T10:00:00Z');
    const { body } = await metrics().expect(200);
    // m3 and m6 (referral), m5 (guest), m4 (label). Rewards 20 + 30 (not the 2025 one) + the
    // Q1 event's 250 (not May's). LTV (15.00 + 0 + 30.00 + 15.00) / 4 = 15.00; 15 / 75 = 0.2.
    expect(channel(body, 'community')).toEqual({
      channel: 'community',
      acquired: 4,
      spend: '300.00',
      cac: '75.00',
      ltv: '15.00',
      ltvToCac: 0.2,
      valuedMembers: 4,
      costs: { campaigns: '0.00', referralRewards: '50.00', eventCosts: '250.00' },
      via: { referral: 2, eventGuest: 1, campaign: 0, label: 1 },
    });
    // m1, m2, m10 (m3 went to community); LTV of the valued two: (30.00 + 90.00) / 2 = 60.00.
    expect(channel(body, 'paid-search')).toMatchObject({
      acquired: 3,
      spend: '900.00',
      cac: '300.00',
      ltv: '60.00',
      ltvToCac: 0.2,
      valuedMembers: 2,
      via: { campaign: 3 },
    });
    expect(channel(body, 'paid-social')).toMatchObject({
      acquired: 1,
      spend: '300.00',
      cac: '300.00',
      ltv: '30.00',
      ltvToCac: 0.1,
    });
    // m7 and m11, whose first order came before the event they were a guest at.
    expect(channel(body, 'organic')).toMatchObject({
      acquired: 2,
      spend: '0.00',
      cac: '0.00',
      ltv: '30.00',
      ltvToCac: null,
      via: { label: 2 },
    });
    expect(channel(body, 'unattributed')).toMatchObject({
      acquired: 1,
      cac: '0.00',
      ltv: '30.00',
      ltvToCac: null,
    });
  });

  it('gives per campaign its acquisitions, pro-rated spend and prospect lifetime value', async () => {
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
      spend: '900.00',
      cac: '300.00',
      ltv: '60.00',
      ltvToCac: 0.2,
      valuedMembers: 2,
      prospects: 1000,
      totalSpend: '900.00',
      convertedProspects: 5,
      convertedProspectsValue: '135.00',
      prospectLifetimeValue: '-0.76',
    });
    expect(campaignRow(body, ids.social)).toMatchObject({
      acquired: 1,
      spend: '300.00',
      totalSpend: '600.00',
      prospects: 0,
      prospectLifetimeValue: null,
    });
  });

  it('pro-rates to the period asked for', async () => {
    // March: 31 of Search's 90 days, all 30 Q1 days of Social; everyone but m4 was acquired in March.
    const { body } = await metrics({ from: '2026-03-01', to: '2026-04-01' }).expect(200);
    expect(campaignRow(body, ids.search)).toMatchObject({
      spend: '310.00',
      acquired: 3,
      cac: '103.33',
    });
    expect(channel(body, 'community')).toMatchObject({
      acquired: 3,
      spend: '300.00',
      cac: '100.00',
    });
    const april = await metrics({ from: '2026-04-01', to: '2026-05-01' }).expect(200);
    // q2 only; Social's other 30 days; no community cost (the May event is later).
    expect(channel(april.body, 'paid-search')).toMatchObject({
      acquired: 1,
      spend: '0.00',
      cac: '0.00',
    });
    expect(campaignRow(april.body, ids.social)).toMatchObject({
      spend: '300.00',
      acquired: 0,
      cac: null,
      ltvToCac: null,
    });
    expect(channel(april.body, 'community')).toMatchObject({
      acquired: 0,
      spend: '0.00',
      cac: null,
      ltv: null,
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
    expect(channel(held, 'unattributed')).toMatchObject({ acquired: 1 });
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

  it('refuses missing or reversed dates with a 400 naming the field', async () => {
    const fieldsOf = (body: { details: { field: string }[] }) => [
      ...new Set(body.details.map((detail) => detail.field)),
    ];
    expect(fieldsOf((await metrics({ to: '2026-04-01' }).expect(400)).body)).toEqual(['from']);
    expect(fieldsOf((await metrics({ from: '2026-01-01' }).expect(400)).body)).toEqual(['to']);
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
