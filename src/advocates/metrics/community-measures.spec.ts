import { cohortRetention } from './cohort-retention';
import { CommunityData, difference, measure, within } from './community-measures';

const at = (iso: string) => Date.parse(iso);
const WEEK_ONE = { start: at('2026-03-02'), end: at('2026-03-09') };
const WEEK_TWO = { start: at('2026-03-09'), end: at('2026-03-16') };

const DATA: CommunityData = {
  mentions: [
    { at: at('2026-03-02T10:00:00Z'), reach: 1000, handle: 'instagram:ada', sentiment: 0.8 },
    { at: at('2026-03-03T10:00:00Z'), reach: 500, handle: 'instagram:ada', sentiment: 0.25 },
    { at: at('2026-03-04T10:00:00Z'), reach: 200, handle: 'tiktok:ada', sentiment: null },
    { at: at('2026-03-09T00:00:00Z'), reach: 50, handle: 'x:bob', sentiment: -0.5 },
  ],
  activities: [
    { at: at('2026-03-02T12:00:00Z'), memberId: 'ada', type: 'purchase' },
    { at: at('2026-03-03T12:00:00Z'), memberId: 'ada', type: 'purchase' },
    { at: at('2026-03-04T12:00:00Z'), memberId: 'bob', type: 'purchase' },
    { at: at('2026-03-05T12:00:00Z'), memberId: 'cleo', type: 'review' },
    { at: at('2026-03-08T23:59:59Z'), memberId: 'cleo', type: 'mention' },
    { at: at('2026-03-10T12:00:00Z'), memberId: 'bob', type: 'purchase' },
  ],
  firstOrders: [
    { at: at('2026-03-02T12:00:00Z'), memberId: 'ada', source: 'referral' },
    { at: at('2026-03-04T12:00:00Z'), memberId: 'bob', source: null },
  ],
};

describe('within', () => {
  it('takes [start, end) of a sorted list', () => {
    expect(within(DATA.mentions, WEEK_ONE)).toHaveLength(3);
    expect(within(DATA.mentions, WEEK_TWO)).toHaveLength(1);
    expect(within(DATA.mentions, { start: 0, end: at('2026-03-02T10:00:00Z') })).toHaveLength(0);
  });
});

describe('measure', () => {
  it('counts reach, acquisition, activity and purchase behaviour in the window', () => {
    const week = measure(DATA, WEEK_ONE);
    expect(week.reach).toEqual({
      mentions: 3,
      totalReach: 1700,
      uniquePeople: 2,
      // 0.8 is positive, 0.25 is not (> 0.25 is), null is not rated: 1 of 2.
      positiveShare: 0.5,
    });
    expect(week.acquisition).toEqual({
      newCustomers: 2,
      community: 1,
      viaReferral: 1,
      viaEventGuest: 0,
      viaContent: 0,
    });
    expect(week.activity.activeMembers).toBe(3);
    expect(week.activity.interactions).toMatchObject({
      purchase: 3,
      review: 1,
      mention: 1,
      feedback_shipped: 0,
    });
    // ada ordered twice, bob once: 1 of 2 customers repeated; 3 orders / 2 customers.
    expect(week.purchases).toEqual({
      customers: 2,
      orders: 3,
      repeatCustomers: 1,
      repeatPurchaseRate: 0.5,
      ordersPerCustomer: 1.5,
    });
  });

  it('gives null ratios where nothing happened', () => {
    const empty = measure(DATA, { start: at('2026-04-01'), end: at('2026-04-02') });
    expect(empty.reach.positiveShare).toBeNull();
    expect(empty.purchases.repeatPurchaseRate).toBeNull();
    expect(empty.purchases.ordersPerCustomer).toBeNull();
  });
});

describe('difference', () => {
  it('subtracts leaf by leaf, null where either side is null', () => {
    const change = difference(measure(DATA, WEEK_TWO), measure(DATA, WEEK_ONE));
    expect(change.reach).toEqual({
      mentions: -2,
      totalReach: -1650,
      uniquePeople: -1,
      positiveShare: -0.5,
    });
    expect(change.activity.interactions.purchase).toBe(-2);
    expect(change.purchases.repeatPurchaseRate).toBe(-0.5);
    const none = difference(measure(DATA, { start: 0, end: 1 }), measure(DATA, WEEK_ONE));
    expect(none.purchases.repeatPurchaseRate).toBeNull();
  });
});

describe('cohortRetention', () => {
  it('follows each month’s new customers through the later months', () => {
    const first = [
      { at: at('2026-01-05'), memberId: 'a' },
      { at: at('2026-01-20'), memberId: 'b' },
      { at: at('2026-02-03'), memberId: 'c' },
    ];
    const orders = [
      ...first,
      { at: at('2026-02-10'), memberId: 'a' },
      { at: at('2026-03-01'), memberId: 'a' },
      { at: at('2026-03-02'), memberId: 'b' },
      { at: at('2026-03-03'), memberId: 'c' },
      { at: at('2026-04-01'), memberId: 'c' },
    ];
    expect(cohortRetention(first, orders, at('2026-01-10'), at('2026-04-01'))).toEqual([
      {
        cohort: '2026-01',
        newCustomers: 2,
        months: [
          { month: '2026-02', offset: 1, retained: 1, share: 0.5 },
          { month: '2026-03', offset: 2, retained: 2, share: 1 },
        ],
      },
      {
        cohort: '2026-02',
        newCustomers: 1,
        months: [{ month: '2026-03', offset: 1, retained: 1, share: 1 }],
      },
      { cohort: '2026-03', newCustomers: 0, months: [] },
    ]);
  });
});
