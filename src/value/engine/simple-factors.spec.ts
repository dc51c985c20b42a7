import { MIN_LAPSED_CUSTOMERS, brandFactors, memberSimpleFactors } from './simple-factors';
import { SpendSummary } from './value-types';

const coefficients = { credibilityDays: 365, lapseDays: 365, remainingLifespanYears: 3 };

function buyer(x: number, tx: number, T: number, totalNetMinor: number): SpendSummary {
  return {
    memberId: `m${x}-${tx}-${T}`,
    x,
    tx,
    T,
    zbar: 0,
    purchaseDays: x + 1,
    totalNetMinor,
    realizedMarginMinor: totalNetMinor * 0.3,
  };
}

const repeatBuyer = buyer(2, 100, 200, 30000);
const oneTimeBuyer = buyer(0, 0, 100, 6000);
const refundsOnly = { ...buyer(0, 0, 0, -500), purchaseDays: 0 };

describe('brandFactors', () => {
  it('pools AOV and the repeat rate over the customers with a purchase day', () => {
    const brand = brandFactors([repeatBuyer, oneTimeBuyer, refundsOnly], coefficients);
    // AOV: (300.00 + 60.00) / (3 + 1 purchase days) = 90.00; f̄ = (2 + 0) / (200 + 100) = 1/150.
    // Nobody has gone 365 days without buying (T − t_x = 100 for both): lifespan assumed.
    expect(brand).toEqual({
      customers: 2,
      averageOrderValueMinor: 9000,
      repeatRatePerDay: 1 / 150,
      meanRelationshipDays: null,
      lapsedCustomers: 0,
      lifespanBasis: 'assumed',
    });
  });

  it('gives a rate of 0 when every customer bought today (Σ T = 0)', () => {
    const brand = brandFactors([buyer(0, 0, 0, 1000)], coefficients);
    expect(brand.repeatRatePerDay).toBe(0);
    expect(brand.averageOrderValueMinor).toBe(1000);
  });

  it('measures the relationship length once 50 customers have lapsed', () => {
    // 25 one-time buyers 400 days ago (t_x 0) and 25 who bought over 730 days, last 470 days
    // ago: all have T − t_x ≥ 365. Alone they average (25 × 0 + 25 × 730) / 50 = 365 days.
    const lapsed = [
      ...Array.from({ length: 25 }, () => buyer(0, 0, 400, 5000)),
      ...Array.from({ length: 25 }, () => buyer(4, 730, 1200, 25000)),
    ];
    expect(lapsed).toHaveLength(MIN_LAPSED_CUSTOMERS);
    expect(brandFactors(lapsed, coefficients).meanRelationshipDays).toBeCloseTo(365, 10);
    // With the active repeat buyer (buying for 100 days so far): at 0, 25 of 51 end, S = 26/51;
    // the active one leaves the count at 100 without ending; at 730 the rest end.
    // Mean = 26/51 × 730 = 372.157 days.
    const brand = brandFactors([...lapsed, repeatBuyer], coefficients);
    expect(brand).toMatchObject({
      customers: 51,
      lapsedCustomers: 50,
      lifespanBasis: 'measured',
    });
    expect(brand.meanRelationshipDays).toBeCloseTo((26 / 51) * 730, 10);
    // One lapsed customer fewer: 49 < 50, the configured 3 years are assumed.
    const fewer = brandFactors([...lapsed.slice(1), repeatBuyer], coefficients);
    expect(fewer).toMatchObject({
      meanRelationshipDays: null,
      lapsedCustomers: 49,
      lifespanBasis: 'assumed',
    });
    expect(memberSimpleFactors(oneTimeBuyer, fewer, coefficients).remainingLifespanYears).toBe(3);
    expect(
      memberSimpleFactors(oneTimeBuyer, brand, coefficients).remainingLifespanYears,
    ).toBeCloseTo(((26 / 51) * 730 - 100) / 365.25, 10);
  });

  it('counts the customers still buying: their relationships are at least as long as so far', () => {
    // 50 relationships of 100 days that ended (last purchase 400 days ago) and 50 still going
    // after 400 days (last purchase 100 days ago). The lapsed alone would say 100 days; half the
    // customers are known to stay at least 400: 100 + 1/2 × 300 = 250 days.
    const ended = Array.from({ length: 50 }, () => buyer(2, 100, 500, 9000));
    const active = Array.from({ length: 50 }, () => buyer(5, 400, 500, 18000));
    const brand = brandFactors([...ended, ...active], coefficients);
    expect(brand).toMatchObject({ customers: 100, lapsedCustomers: 50, lifespanBasis: 'measured' });
    expect(brand.meanRelationshipDays).toBeCloseTo(250, 10);
  });

  it('counts lapsed one-time buyers as relationships of 0 days, and recent ones not yet', () => {
    // 50 one-time buyers who lapsed (t_x 0), 50 relationships of 200 days that ended, and 100
    // one-time buyers of last month, who may or may not buy again: (50 × 0 + 50 × 200) / 100
    // = 100 days, whatever the number of recent one-time buyers.
    const lapsedOnce = Array.from({ length: 50 }, () => buyer(0, 0, 500, 4000));
    const ended = Array.from({ length: 50 }, () => buyer(3, 200, 700, 16000));
    const recent = Array.from({ length: 100 }, () => buyer(0, 0, 30, 4000));
    const brand = brandFactors([...lapsedOnce, ...ended, ...recent], coefficients);
    expect(brand).toMatchObject({ customers: 200, lapsedCustomers: 100 });
    expect(brand.meanRelationshipDays).toBeCloseTo(100, 10);
    expect(brandFactors([...lapsedOnce, ...ended], coefficients).meanRelationshipDays).toBeCloseTo(
      100,
      10,
    );
  });

  it('counts a customer as lapsed from exactly lapseDays without a purchase', () => {
    const atThreshold = buyer(1, 35, 400, 2000); // 400 − 35 = 365 days since the last purchase
    const justBefore = buyer(1, 36, 400, 2000); // 364 days
    expect(brandFactors([atThreshold, justBefore], coefficients).lapsedCustomers).toBe(1);
    expect(
      brandFactors([atThreshold, justBefore], { ...coefficients, lapseDays: 364 }).lapsedCustomers,
    ).toBe(2);
  });
});

describe('memberSimpleFactors', () => {
  // f̄ = 1/150 a day (365.25 / 150 = 2.435 repeat purchases a year), k = 365 days.
  const brand = brandFactors([repeatBuyer, oneTimeBuyer], coefficients);

  it("gives a member observed for no time exactly the brand's rate", () => {
    // (0 + 365/150) / (0 + 365) = 1/150 a day → 2.435 a year; AOV is the member's own 80.00.
    const factors = memberSimpleFactors(buyer(0, 0, 0, 8000), brand, coefficients);
    expect(factors.ordersPerYear).toBeCloseTo(2.435, 12);
    expect(factors.averageOrderValueMinor).toBe(8000);
    expect(factors.remainingLifespanYears).toBe(3);
  });

  it("shrinks a member's own rate toward the brand's by T / (T + k)", () => {
    // One order 100 days ago: 365.25 × (0 + 365/150) / (100 + 365) = 888.775 / 465 = 1.911344
    // a year: below the brand's 2.435, far from the 0 of the own history, never 365.25 / 30.
    expect(memberSimpleFactors(oneTimeBuyer, brand, coefficients).ordersPerYear).toBeCloseTo(
      1.911344086,
      8,
    );
    // 20 repeat days in 10 years (own rate 2.0014 a year):
    // 365.25 × (20 + 365/150) / (3650 + 365) = 8193.775 / 4015 = 2.040791, close to its own.
    expect(
      memberSimpleFactors(buyer(20, 3600, 3650, 42000), brand, coefficients).ordersPerYear,
    ).toBeCloseTo(2.040790785, 8);
    // With k = 1 day the one-time buyer's 100 days say much more: 365.25 × (1/150) / 101 = 0.024109.
    expect(
      memberSimpleFactors(oneTimeBuyer, brand, { ...coefficients, credibilityDays: 1 })
        .ordersPerYear,
    ).toBeCloseTo(0.024108911, 8);
  });

  it('measures the remaining lifespan as the mean relationship length less the tenure', () => {
    const measured = { ...brand, meanRelationshipDays: 365, lifespanBasis: 'measured' as const };
    // (365 − 100) / 365.25 = 0.725530 years; a member past the mean has none left.
    expect(
      memberSimpleFactors(oneTimeBuyer, measured, coefficients).remainingLifespanYears,
    ).toBeCloseTo(0.72553046, 8);
    expect(
      memberSimpleFactors(buyer(3, 400, 500, 9000), measured, coefficients).remainingLifespanYears,
    ).toBe(0);
  });
});
