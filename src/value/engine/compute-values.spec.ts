import { ValueInputs, computeValues } from './compute-values';
import { Coefficients, SpendSummary } from './value-types';

const coefficients: Coefficients = {
  margin: 0.3,
  horizonMonths: 36,
  annualDiscountRate: 0.1,
  minRepeatBuyers: 50,
  remainingLifespanYears: 3,
  credibilityDays: 365,
  lapseDays: 365,
  joinAnyway: 0.3,
  secondDegreeWeight: 0.5,
  defaultCacMinor: 2500,
  cacLookbackMonths: 12,
  attributionWindowDays: 30,
  attributionModel: 'last',
  minCalibrationOrders: 30,
  conversionPerReach: { default: 0.0005, instagram: 0.0006 },
  knowledgeAcceptedMinor: 2000,
  knowledgeShippedMinor: 8000,
};

const DAY = 86_400_000;
const jan = (day: number) => Date.UTC(2026, 0, day);

function summary(
  memberId: string,
  purchaseDays: number,
  totalNetMinor: number,
  T: number,
): SpendSummary {
  return {
    memberId,
    x: purchaseDays - 1,
    tx: 0,
    T,
    zbar: 0,
    purchaseDays,
    totalNetMinor,
    realizedMarginMinor: totalNetMinor * 0.3,
  };
}

function inputs(overrides: Partial<ValueInputs>): ValueInputs {
  return {
    memberIds: [],
    spend: [],
    referrals: [],
    campaigns: [],
    contents: [],
    attributedPurchases: [],
    guestOrders: [],
    feedback: new Map(),
    averageOrderMarginMinor: 1500,
    ...overrides,
  };
}

const valueOf = (result: ReturnType<typeof computeValues>, memberId: string) =>
  result.values.find((value) => value.memberId === memberId)!;

// 36 months discounted at 10 % a year: sum_{k=1..36} 1.1^(-k/12) = v (1 - v^36) / (1 - v), with
// v = 1.1^(-1/12) = 0.99208894: 0.99208894 × (1 − 1/1.331) / 0.00791106 = 31.186458 months' worth.
describe('computeValues, worked by hand (simple formula: fewer than 50 repeat buyers)', () => {
  it('a member who only buys: realized margin + AOV × repeat orders a year × 3 years × margin', () => {
    // 100.00 on Jan 1 and 50.00 on Mar 1, asOf Jul 1: 2 purchase days (x = 1) over T = 181 days.
    const result = computeValues(
      inputs({ memberIds: ['a'], spend: [{ ...summary('a', 2, 15000, 181), tx: 59 }] }),
      coefficients,
    );
    const a = valueOf(result, 'a');
    expect(result.model.method).toBe('simple');
    expect(a.spendRealizedMinor).toBe(4500); // 30 % of 150.00
    // The only customer, so the brand's rate f̄ = 1/181 a day is their own, and shrinking toward
    // it changes nothing: 365.25 × (1 + 365/181) / (181 + 365) = 365.25 / 181 = 2.017956 repeat
    // orders a year. 2.017956 / 12 × 75.00 × 0.3 = 3.783667 a month × 31.186458 = 118.00
    // (11799.92 minor units). It was 272.42 when the first order counted as a repeat and the
    // 3 years were not discounted (75.00 × 2/181 × 365.25 × 3 × 0.3).
    expect(a.spendPredictedMinor).toBe(11800);
    expect(a.expectedPurchases).toBeCloseTo((365.25 / 181) * 3, 12);
    expect(a.extendedMinor).toBe(4500 + 11800);
    expect(a).toMatchObject({
      referralMinor: 0,
      influenceMinor: 0,
      knowledgeMinor: 0,
      method: 'simple',
    });
  });

  it("a member who refers two people, one of whom refers another, on the referees' sober values", () => {
    const result = computeValues(
      inputs({
        memberIds: ['a', 'b', 'c', 'd', 'e'],
        // e, a regular, gives the brand its rate: Σ x = 4, Σ T = 590 + 100 + 30 + 10 = 730, so
        // f̄ = 2/365 a day. The one-order referees keep nearly that rate: 365.25 × (365 × 2/365)
        // / (T + 365) = 730.5 / (T + 365) repeat orders a year, for 3 years, discounted:
        // b: 200.00 once, T 100: 730.5 / 465 = 1.570968 a year; 1.570968 / 12 × 200 × 0.3 ×
        //    31.186458 = 244.96 (24496.46) → 60.00 + 244.96 = 304.96
        // c: 100.00 once, T 30: 730.5 / 395 = 1.849367; / 12 × 100 × 0.3 × 31.186458 = 144.19
        //    (14418.80) → 30.00 + 144.19 = 174.19
        // d: 50.00 once, T 10: 730.5 / 375 = 1.948; / 12 × 50 × 0.3 × 31.186458 = 75.94 (7593.90)
        //    → 15.00 + 75.94 = 90.94
        // (Before, each order read as a yearly rate over max(T, 30) days, undiscounted: b 717.45,
        // c 1125.75, d 562.88.)
        spend: [
          summary('b', 1, 20000, 100),
          summary('c', 1, 10000, 30),
          summary('d', 1, 5000, 10),
          { ...summary('e', 5, 50000, 590), tx: 500 },
        ],
        referrals: [
          { id: 'r1', referrerId: 'a', refereeId: 'b', convertedAt: jan(5), rewardMinor: 1000 },
          { id: 'r2', referrerId: 'a', refereeId: 'c', convertedAt: jan(6), rewardMinor: 1000 },
          { id: 'r3', referrerId: 'b', refereeId: 'd', convertedAt: jan(7), rewardMinor: 1000 },
        ],
      }),
      coefficients,
    );
    expect(valueOf(result, 'b').spendMinor).toBe(30496);
    expect(valueOf(result, 'c').spendMinor).toBe(17419);
    expect(valueOf(result, 'd').spendMinor).toBe(9094);
    // a: (304.96 × 0.7 + 25 − 10) + (174.19 × 0.7 + 25 − 10) + 0.5 × 90.94 × 0.7 = 397.234 → 397.23
    expect(valueOf(result, 'a').referralMinor).toBe(39723);
    // b: 90.94 × 0.7 + 25 − 10 = 78.658 → 78.66
    expect(valueOf(result, 'b').referralMinor).toBe(7866);
    expect(valueOf(result, 'a').drivers.map((driver) => driver.kind)).toEqual([
      'referral',
      'referral',
      'second-degree-referral',
    ]);
  });

  it('uses the CAC of paid campaigns in the 12 months before the conversion', () => {
    const result = computeValues(
      inputs({
        memberIds: ['a', 'b'],
        spend: [summary('b', 1, 0, 100)],
        referrals: [
          { id: 'r1', referrerId: 'a', refereeId: 'b', convertedAt: jan(20), rewardMinor: 0 },
        ],
        campaigns: [
          { startsAt: jan(1), baseSpendMinor: 100000, acquiredMembers: 20 }, // 1000.00 / 20 = 50.00
          { startsAt: jan(1) - 400 * DAY, baseSpendMinor: 999999, acquiredMembers: 1 }, // too old
        ],
      }),
      coefficients,
    );
    expect(valueOf(result, 'a').referralMinor).toBe(5000);
  });

  it("a member whose review is cited by purchases: measured margin within the window, never the buyer's own", () => {
    const review = {
      kind: 'review' as const,
      id: 'rev',
      ownerIds: ['r'],
      datedAt: jan(10),
      platform: 'trustpilot',
      reach: 500,
    };
    const mention = {
      kind: 'mention' as const,
      id: 'men',
      ownerIds: ['r'],
      datedAt: jan(2),
      platform: 'instagram',
      reach: 10000,
    };
    const result = computeValues(
      inputs({
        memberIds: ['r'],
        contents: [review, mention],
        attributedPurchases: [
          {
            purchaseId: 'p1',
            buyerId: 'x',
            occurredAt: jan(20),
            marginMinor: 3000,
            contentKeys: ['review:rev'],
          },
          {
            purchaseId: 'p2',
            buyerId: 'y',
            occurredAt: jan(25),
            marginMinor: 6000,
            contentKeys: ['review:rev'],
          },
          // The buyer's own review, and an order outside the 30-day window, earn nothing.
          {
            purchaseId: 'p4',
            buyerId: 'r',
            occurredAt: jan(26),
            marginMinor: 7000,
            contentKeys: ['review:rev'],
          },
          {
            purchaseId: 'p5',
            buyerId: 'z',
            occurredAt: jan(10) + 31 * DAY,
            marginMinor: 8000,
            contentKeys: ['review:rev'],
          },
        ],
      }),
      coefficients,
    );
    const r = valueOf(result, 'r');
    expect(r.influenceMeasuredMinor).toBe(9000);
    // The mention has no attributed purchase: 10,000 reach × 0.0006 × 15.00 average order margin = 90.00
    expect(r.influenceModeledMinor).toBe(9000);
    expect(r.byChannel).toEqual({
      trustpilot: { measuredMinor: 9000, modeledMinor: 0 },
      instagram: { measuredMinor: 0, modeledMinor: 9000 },
    });
  });

  it('splits a purchase between contents under linear attribution, and takes only the last under last-touch', () => {
    const contents = [
      {
        kind: 'review' as const,
        id: 'one',
        ownerIds: ['a'],
        datedAt: jan(1),
        platform: 'web',
        reach: 0,
      },
      {
        kind: 'mention' as const,
        id: 'two',
        ownerIds: ['b'],
        datedAt: jan(3),
        platform: 'x',
        reach: 0,
      },
    ];
    const purchase = {
      purchaseId: 'p',
      buyerId: 'c',
      occurredAt: jan(5),
      marginMinor: 1001,
      contentKeys: ['review:one', 'mention:two'],
    };
    const last = computeValues(
      inputs({ memberIds: ['a', 'b'], contents, attributedPurchases: [purchase] }),
      coefficients,
    );
    expect([valueOf(last, 'a').influenceMinor, valueOf(last, 'b').influenceMinor]).toEqual([
      0, 1001,
    ]);
    const linear = computeValues(
      inputs({ memberIds: ['a', 'b'], contents, attributedPurchases: [purchase] }),
      { ...coefficients, attributionModel: 'linear' },
    );
    // 500.5 each, rounded half-even → 500
    expect([valueOf(linear, 'a').influenceMinor, valueOf(linear, 'b').influenceMinor]).toEqual([
      500, 500,
    ]);
  });

  it("credits a guest's first order to who brought them, once even when content names it too", () => {
    const contents = [
      {
        kind: 'mention' as const,
        id: 'm',
        ownerIds: ['host'],
        datedAt: jan(1),
        platform: 'x',
        reach: 0,
      },
    ];
    const result = computeValues(
      inputs({
        memberIds: ['host'],
        contents,
        attributedPurchases: [
          {
            purchaseId: 'p',
            buyerId: 'guest',
            occurredAt: jan(2),
            marginMinor: 4000,
            contentKeys: ['mention:m'],
          },
        ],
        guestOrders: [
          { purchaseId: 'p', guestId: 'guest', bringerId: 'host', eventId: 'e', marginMinor: 4000 },
        ],
      }),
      coefficients,
    );
    expect(valueOf(result, 'host').influenceMeasuredMinor).toBe(4000);
  });

  it('calibrates conversion per reach once a platform has enough attributed orders', () => {
    const contents = [
      {
        kind: 'mention' as const,
        id: 'cited',
        ownerIds: ['a'],
        datedAt: jan(1),
        platform: 'x',
        reach: 1000,
      },
      {
        kind: 'mention' as const,
        id: 'silent',
        ownerIds: ['b'],
        datedAt: jan(1),
        platform: 'x',
        reach: 1000,
      },
    ];
    const purchases = Array.from({ length: 30 }, (_, index) => ({
      purchaseId: `p${index}`,
      buyerId: `buyer${index}`,
      occurredAt: jan(2),
      marginMinor: 100,
      contentKeys: ['mention:cited'],
    }));
    const result = computeValues(
      inputs({ memberIds: ['a', 'b'], contents, attributedPurchases: purchases }),
      coefficients,
    );
    // 30 orders over 2,000 reach = 0.015 per reach; b: 1,000 × 0.015 × 15.00 = 225.00
    expect(result.calibration).toEqual([
      {
        platform: 'x',
        conversionPerReach: 0.015,
        source: 'calibrated',
        attributedOrders: 30,
        reach: 2000,
      },
    ]);
    expect(valueOf(result, 'b').influenceModeledMinor).toBe(22500);
  });

  it('a member with shipped feedback earns the accepted and the shipped value', () => {
    // One item accepted, one shipped (also accepted): 2 × 20.00 + 1 × 80.00 = 120.00
    const result = computeValues(
      inputs({ memberIds: ['f'], feedback: new Map([['f', { accepted: 2, shipped: 1 }]]) }),
      coefficients,
    );
    expect(valueOf(result, 'f').knowledgeMinor).toBe(12000);
    expect(valueOf(result, 'f').extendedMinor).toBe(12000);
  });
});
