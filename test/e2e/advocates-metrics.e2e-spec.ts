import {
  buildFeedback,
  buildReview,
  createEvent,
  createMember,
  createMention,
  createPurchase,
  createReferral,
} from '../support/factories';
import { DataSource } from 'typeorm';
import { ActivityLoader } from '../../src/advocates/engagement/activity.loader';
import { ACTIVITY_TYPES } from '../../src/config/activity-types';
import { CommunityMetricsService } from '../../src/advocates/metrics/community-metrics.service';
import { TestApp, createTestApp } from '../support/test-app';

/**
 * The community measures on a small community with answers worked by hand. Weeks of
 * 2026-03-02 and 2026-03-09 (ISO, Mondays); the period before is 2026-02-16 to 2026-03-02.
 */
describe('community metrics', () => {
  let test: TestApp;
  const ids: Record<string, string> = {};
  const get = async (query: Record<string, unknown>, status = 200) =>
    (
      await test
        .http()
        .get('/api/v1/metrics/community')
        .query(query)
        .set('Authorization', test.keys.viewer)
        .expect(status)
    ).body;
  const WEEKS = { from: '2026-03-02', to: '2026-03-16', interval: 'week' };

  beforeAll(async () => {
    test = await createTestApp();
    for (const name of ['ann', 'bob', 'cid', 'dan', 'eve', 'fay', 'pia', 'quin'])
      ids[name] = (await createMember(test, { name, email: `${name}@${name}-mail.example` })).id;
    const post = (path: string, body: object) =>
      test.http().post(path).set('Authorization', test.keys.manager).send(body).expect(201);
    const order = (name: string, occurredAt: string, extra: object = {}) =>
      createPurchase(test, { memberId: ids[name], amount: '40.00', occurredAt, ...extra });

    await post(`/api/v1/members/${ids.ann}/identities`, { platform: 'instagram', handle: '@ann' });
    const mention = (
      handle: string,
      platform: string,
      reach: number,
      sentiment: number | null,
      postedAt: string,
    ) => createMention(test, { handle, platform, reach, sentiment, postedAt });
    await mention('@ann', 'instagram', 300, 0.9, '2026-02-25T10:00:00Z'); // the period before
    await mention('@ann', 'instagram', 1000, 0.8, '2026-03-03T10:00:00Z');
    await mention('@ann', 'instagram', 500, 0.1, '2026-03-04T10:00:00Z');
    await mention('@zed', 'tiktok', 2000, 0.5, '2026-03-10T10:00:00Z');
    await mention('@zed', 'x', 100, null, '2026-03-11T10:00:00Z');

    // ann: a customer since January who refers bob and pia and brings cid and pia to an event.
    await order('ann', '2026-01-15T10:00:00Z');
    await createReferral(test, {
      referrerId: ids.ann,
      refereeId: ids.bob,
      invitedAt: '2026-02-01T00:00:00Z',
    });
    await createReferral(test, {
      referrerId: ids.ann,
      refereeId: ids.pia,
      invitedAt: '2026-02-01T00:00:00Z',
    });
    const event = await createEvent(test, { startsAt: '2026-03-03T18:00:00Z' });
    await post(`/api/v1/events/${event.id}/attendance`, {
      memberId: ids.ann,
      role: 'attendee',
      status: 'attended',
      guestMemberIds: [ids.cid, ids.pia, ids.quin],
    });
    const review = await post(
      '/api/v1/reviews',
      buildReview({ memberId: ids.ann, publishedAt: '2026-03-07T10:00:00Z' }),
    );
    // fay: first order in the period before, then three more.
    await order('fay', '2026-02-20T10:00:00Z');
    await order('fay', '2026-03-03T10:00:00Z');
    await order('fay', '2026-03-04T10:00:00Z');
    await order('fay', '2026-03-10T10:00:00Z');
    // Week 1: quin (a guest, but bought before the event), bob (referred), ann.
    await order('quin', '2026-03-02T10:00:00Z');
    await order('bob', '2026-03-05T10:00:00Z');
    await order('ann', '2026-03-06T10:00:00Z');
    // Week 2: cid (guest), dan (content), eve (nothing), pia (referred and a guest: referral).
    await order('cid', '2026-03-10T10:00:00Z');
    await order('dan', '2026-03-11T10:00:00Z', { attribution: { reviewId: review.body.id } });
    await order('eve', '2026-03-12T10:00:00Z');
    await order('pia', '2026-03-13T10:00:00Z');
    await post(
      '/api/v1/feedback',
      buildFeedback({ memberId: ids.eve, submittedAt: '2026-03-14T10:00:00Z' }),
    );
  });
  afterAll(() => test.close());

  it('measures each ISO week against the week before', async () => {
    const metrics = await get(WEEKS);
    expect(metrics).toMatchObject({
      from: '2026-03-02T00:00:00.000Z',
      to: '2026-03-16T00:00:00.000Z',
      interval: 'week',
    });
    const [first, second] = metrics.intervals;
    expect(metrics.intervals).toHaveLength(2);
    expect(first).toMatchObject({
      start: '2026-03-02T00:00:00.000Z',
      end: '2026-03-09T00:00:00.000Z',
      previousStart: '2026-02-23T00:00:00.000Z',
      previousEnd: '2026-03-02T00:00:00.000Z',
      values: {
        reach: { mentions: 2, totalReach: 1500, uniquePeople: 1, positiveShare: 0.5 },
        acquisition: {
          newCustomers: 2,
          community: 1,
          viaReferral: 1,
          viaEventGuest: 0,
          viaContent: 0,
        },
        activity: { activeMembers: 4 },
        purchases: {
          customers: 4,
          orders: 5,
          repeatCustomers: 1,
          repeatPurchaseRate: 0.25,
          ordersPerCustomer: 1.25,
        },
      },
      previous: {
        reach: { mentions: 1, totalReach: 300, uniquePeople: 1, positiveShare: 1 },
        activity: { activeMembers: 1 },
        purchases: { customers: 0, orders: 0, repeatPurchaseRate: null, ordersPerCustomer: null },
      },
      change: {
        reach: { mentions: 1, totalReach: 1200, uniquePeople: 0, positiveShare: -0.5 },
        acquisition: { newCustomers: 2, community: 1 },
        activity: { activeMembers: 3 },
        purchases: { orders: 5, repeatPurchaseRate: null },
      },
    });
    expect(first.values.activity.interactions).toEqual({
      purchase: 5,
      referral_invited: 0,
      referral_signed_up: 0,
      referral_converted: 1,
      review: 1,
      mention: 2,
      event_attended: 1,
      event_spoke: 0,
      event_hosted: 0,
      event_volunteered: 0,
      feedback_submitted: 0,
      feedback_accepted: 0,
      feedback_shipped: 0,
    });
    expect(second).toMatchObject({
      previousStart: '2026-03-02T00:00:00.000Z',
      values: {
        reach: { mentions: 2, totalReach: 2100, uniquePeople: 2, positiveShare: 1 },
        acquisition: {
          newCustomers: 4,
          community: 3,
          viaReferral: 1,
          viaEventGuest: 1,
          viaContent: 1,
        },
        activity: {
          activeMembers: 6,
          interactions: { purchase: 5, referral_converted: 1, feedback_submitted: 1, mention: 0 },
        },
        purchases: {
          customers: 5,
          orders: 5,
          repeatCustomers: 0,
          repeatPurchaseRate: 0,
          ordersPerCustomer: 1,
        },
      },
      change: {
        purchases: { repeatPurchaseRate: -0.25, ordersPerCustomer: -0.25 },
        activity: { activeMembers: 2 },
      },
    });
  });

  it('measures the whole period against the period of equal length before', async () => {
    const { total } = await get(WEEKS);
    expect(total).toMatchObject({
      start: '2026-03-02T00:00:00.000Z',
      previousStart: '2026-02-16T00:00:00.000Z',
      previousEnd: '2026-03-02T00:00:00.000Z',
      values: {
        reach: { mentions: 4, totalReach: 3600, uniquePeople: 3, positiveShare: 0.6667 },
        acquisition: {
          newCustomers: 6,
          community: 4,
          viaReferral: 2,
          viaEventGuest: 1,
          viaContent: 1,
        },
        activity: { activeMembers: 8 },
        purchases: {
          customers: 8,
          orders: 10,
          repeatCustomers: 1,
          repeatPurchaseRate: 0.125,
          ordersPerCustomer: 1.25,
        },
      },
      previous: {
        acquisition: { newCustomers: 1, community: 0 },
        activity: { activeMembers: 2 },
        purchases: { customers: 1, orders: 1, repeatPurchaseRate: 0, ordersPerCustomer: 1 },
      },
      change: {
        reach: { mentions: 3, totalReach: 3300, uniquePeople: 2, positiveShare: -0.3333 },
        acquisition: { newCustomers: 5, community: 4 },
        activity: { activeMembers: 6 },
        purchases: { customers: 7, orders: 9, repeatPurchaseRate: 0.125, ordersPerCustomer: 0.25 },
      },
    });
  });

  it('counts activity as the engagement score reads it (the two SQL lists must not drift)', async () => {
    // The metrics restate the engagement's activity definitions in their own SQL, to stay on
    // covering indexes; the engagement's row-level loader is the reference.
    const loader = new ActivityLoader(test.app.get(DataSource));
    for (const window of [
      { from: '2026-03-02', to: '2026-03-16' },
      { from: '2026-02-16', to: '2026-03-02' },
      { from: '2026-01-01', to: '2026-04-01' },
    ]) {
      // Invitations are interactions the metrics count, though they earn no engagement.
      const activities = await loader.load({
        from: Date.parse(window.from),
        to: Date.parse(window.to),
        withInvitations: true,
      });
      const expected = Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, 0]));
      for (const activity of activities) expected[activity.type] += 1;
      const { total } = await get({ ...window, interval: 'month' });
      expect(total.values.activity.interactions).toEqual(expected);
      expect(total.values.activity.activeMembers).toBe(
        new Set(activities.map((activity) => activity.memberId)).size,
      );
    }
  });

  it('cuts days and months, and follows monthly cohorts', async () => {
    const days = await get({ from: '2026-03-02', to: '2026-03-16', interval: 'day' });
    expect(days.intervals).toHaveLength(14);
    expect(days.intervals[3]).toMatchObject({
      start: '2026-03-05T00:00:00.000Z',
      previousStart: '2026-03-04T00:00:00.000Z',
      values: { acquisition: { viaReferral: 1 }, purchases: { orders: 1 } },
    });
    const months = await get({ from: '2026-01-01', to: '2026-04-01', interval: 'month' });
    expect(
      months.intervals.map((window: any) => [
        window.start.slice(0, 10),
        window.previousStart.slice(0, 10),
        window.values.purchases.orders,
      ]),
    ).toEqual([
      ['2026-01-01', '2025-12-01', 1],
      ['2026-02-01', '2026-01-01', 1],
      ['2026-03-01', '2026-02-01', 10],
    ]);
    expect(months.intervals[1].values.activity.interactions.referral_invited).toBe(2);
    // bob and pia were members when invited: signed up at once (2026-02-01).
    expect(months.intervals[1].values.activity.interactions.referral_signed_up).toBe(2);
    expect(months.retention).toEqual([
      {
        cohort: '2026-01',
        newCustomers: 1,
        months: [
          { month: '2026-02', offset: 1, retained: 0, share: 0 },
          { month: '2026-03', offset: 2, retained: 1, share: 1 },
        ],
      },
      {
        cohort: '2026-02',
        newCustomers: 1,
        months: [{ month: '2026-03', offset: 1, retained: 1, share: 1 }],
      },
      { cohort: '2026-03', newCustomers: 6, months: [] },
    ]);
  });

  it('exports CSV: one row per interval and the total', async () => {
    const response = await test
      .http()
      .get('/api/v1/metrics/community')
      .query({ ...WEEKS, format: 'csv' })
      .set('Authorization', test.keys.viewer)
      .expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...rows] = response.text
      .trimEnd()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(rows.map((row) => row[0])).toEqual(['week', 'week', 'total']);
    const column = (name: string) => rows.map((row) => row[header.indexOf(name)]);
    expect(column('reach.totalReach')).toEqual(['1500', '2100', '3600']);
    expect(column('activity.interactions.purchase')).toEqual(['5', '5', '10']);
    expect(column('change.purchases.repeatPurchaseRate')).toEqual(['', '-0.25', '0.125']);
  });

  it('refuses a backwards period and too many intervals', async () => {
    expect((await get({ from: '2026-03-16', to: '2026-03-02' }, 400)).details[0].field).toBe(
      'from',
    );
    expect(
      (await get({ from: '2020-01-01', to: '2026-01-01', interval: 'day' }, 400)).details[0],
    ).toMatchObject({ field: 'interval', code: 'tooManyIntervals' });
    expect((await get({ interval: 'year' }, 400)).details[0].field).toBe('interval');
    expect((await get({ tag: ' ' }, 400)).details[0].field).toBe('tag');
    expect((await get({ platform: '' }, 400)).details[0].field).toBe('platform');
  });

  it('measures the longest period it allows, a thousand days one by one', async () => {
    const metrics = await get({ from: '2023-06-20', to: '2026-03-16', interval: 'day' });
    expect(metrics.intervals).toHaveLength(1000);
    expect(metrics.total.values.purchases.orders).toBe(12);
    expect(metrics.retention).toHaveLength(34);
  });

  it('reads the cohorts from the start of the first month, however short the period', async () => {
    // Two days: the period before starts on 03-10, the month on 03-01.
    const { retention } = await get({ from: '2026-03-12', to: '2026-03-14', interval: 'day' });
    // First orders from 03-01 to 03-13: quin, bob, cid, dan, eve, pia.
    expect(retention).toEqual([{ cohort: '2026-03', newCustomers: 6, months: [] }]);
  });

  describe('filters', () => {
    beforeAll(async () => {
      // ann objects to profiling: she stays in the sums, as every member does.
      for (const [name, extra] of [
        ['ann', { profilingObjection: true }],
        ['bob', {}],
        ['pia', {}],
      ] as const)
        await test
          .http()
          .patch(`/api/v1/members/${ids[name]}`)
          .set('Authorization', test.keys.manager)
          .send({ tags: ['circle'], ...extra })
          .expect(200);
    });

    it('narrows every measure to the members carrying the tag', async () => {
      const metrics = await get({ ...WEEKS, tag: 'circle' });
      expect(metrics).toMatchObject({ tag: 'circle', platform: null });
      const [first, second] = metrics.intervals;
      // Week 1: ann's two mentions, event, review, order and bob's converting order.
      expect(first.values).toMatchObject({
        reach: { mentions: 2, totalReach: 1500, uniquePeople: 1, positiveShare: 0.5 },
        acquisition: { newCustomers: 1, community: 1, viaReferral: 1, viaEventGuest: 0 },
        activity: {
          activeMembers: 2,
          interactions: {
            purchase: 2,
            referral_converted: 1,
            review: 1,
            mention: 2,
            event_attended: 1,
          },
        },
        purchases: { customers: 2, orders: 2, repeatCustomers: 0, ordersPerCustomer: 1 },
      });
      // Week 2: pia's first order (referred, and a guest: the referral counts), ann's conversion.
      expect(second.values).toMatchObject({
        reach: { mentions: 0, totalReach: 0, uniquePeople: 0, positiveShare: null },
        acquisition: { newCustomers: 1, community: 1, viaReferral: 1, viaEventGuest: 0 },
        activity: { activeMembers: 2, interactions: { purchase: 1, referral_converted: 1 } },
        purchases: { customers: 1, orders: 1, repeatCustomers: 0 },
      });
      expect(metrics.total).toMatchObject({
        values: {
          reach: { mentions: 2, totalReach: 1500, uniquePeople: 1 },
          acquisition: { newCustomers: 2, community: 2, viaReferral: 2 },
          activity: { activeMembers: 3 },
          purchases: { customers: 3, orders: 3, repeatCustomers: 0 },
        },
        // 02-16 to 03-02: ann's mention of 02-25; fay's order is not in the circle.
        previous: {
          reach: { mentions: 1, totalReach: 300, positiveShare: 1 },
          activity: { activeMembers: 1 },
          purchases: { customers: 0, repeatPurchaseRate: null },
        },
      });
      expect(metrics.retention[0]).toEqual({ cohort: '2026-03', newCustomers: 2, months: [] });
    });

    it('narrows mentions and reviews to the platform, and nothing else', async () => {
      const all = await get(WEEKS);
      const instagram = await get({ ...WEEKS, platform: ' Instagram' });
      expect(instagram.platform).toBe('instagram');
      // @zed's mentions on tiktok and x drop out of week 2 and the total; ann's review is on
      // trustpilot.
      expect(instagram.intervals[1].values.reach).toEqual({
        mentions: 0,
        totalReach: 0,
        uniquePeople: 0,
        positiveShare: null,
      });
      expect(instagram.total.values.reach).toEqual({
        mentions: 2,
        totalReach: 1500,
        uniquePeople: 1,
        positiveShare: 0.5,
      });
      expect(instagram.intervals[0].values.activity.interactions).toMatchObject({
        review: 0,
        mention: 2,
        purchase: 5,
      });
      expect(instagram.total.values.acquisition).toEqual(all.total.values.acquisition);
      expect(instagram.total.values.purchases).toEqual(all.total.values.purchases);
      const trustpilot = await get({ ...WEEKS, platform: 'trustpilot' });
      expect(trustpilot.total.values.reach.mentions).toBe(0);
      expect(trustpilot.intervals[0].values.activity.interactions.review).toBe(1);
    });

    it('measures any window in-process with the same answers', async () => {
      const service = test.app.get(CommunityMetricsService);
      const week = await get({ ...WEEKS, tag: 'circle' });
      const measured = await service.measureWindow(
        { start: Date.parse('2026-03-02'), end: Date.parse('2026-03-09') },
        { tag: 'circle' },
      );
      expect(measured).toEqual(week.intervals[0]);
      // A window that is no calendar interval, against a previous window given by the caller.
      const custom = await service.measureWindow(
        { start: Date.parse('2026-03-04T12:00:00Z'), end: Date.parse('2026-03-11T12:00:00Z') },
        { previous: { start: Date.parse('2026-02-20'), end: Date.parse('2026-03-04T12:00:00Z') } },
      );
      expect(custom).toMatchObject({
        previousStart: '2026-02-20T00:00:00.000Z',
        // bob 03-05, ann 03-06, fay, cid 03-10 and dan 03-11 ordered; bob, cid and dan first.
        values: { purchases: { orders: 5, customers: 5 }, acquisition: { newCustomers: 3 } },
        // fay 02-20, 03-03, 03-04 and quin 03-02.
        previous: { purchases: { orders: 4, customers: 2, repeatCustomers: 1 } },
      });
    });
  });
});
