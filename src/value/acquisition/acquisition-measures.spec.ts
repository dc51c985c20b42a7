import { BrandFactors } from '../engine/simple-factors';
import { SpendSummary } from '../engine/value-types';
import { purchaseMeasures } from './acquisition-measures';

const coefficients = { credibilityDays: 365, lapseDays: 365, remainingLifespanYears: 3 };

const summary = (overrides: Partial<SpendSummary> & { memberId: string }): SpendSummary => ({
  x: 0,
  tx: 0,
  T: 0,
  zbar: 0,
  purchaseDays: 0,
  totalNetMinor: 0,
  realizedMarginMinor: 0,
  ...overrides,
});

/** A brand with one repeat purchase day a year per customer (f̄ = 1/365: k·f̄ = 1). */
const brand = (meanRelationshipDays: number | null): BrandFactors => ({
  customers: 1_000,
  averageOrderValueMinor: 6_000,
  repeatRatePerDay: 1 / 365,
  meanRelationshipDays,
  lapsedCustomers: meanRelationshipDays === null ? 10 : 200,
  lifespanBasis: meanRelationshipDays === null ? 'assumed' : 'measured',
});

describe('purchaseMeasures', () => {
  // A: one order of 80.00 five days ago. B: 300.00 over 3 purchase days in a year, last one
  // 165 days ago (not lapsed). C: acquired, nothing bought yet.
  const group = [
    summary({ memberId: 'A', purchaseDays: 1, totalNetMinor: 8_000, T: 5 }),
    summary({ memberId: 'B', purchaseDays: 3, x: 2, tx: 200, T: 365, totalNetMinor: 30_000 }),
    summary({ memberId: 'C' }),
  ];

  it('gives revenue per customer, average order value and credibility-weighted frequency', () => {
    const measures = purchaseMeasures(group, brand(500), coefficients);
    // Revenue (80 + 300) / 2 customers = 190.00; per purchase day 380 / 4 = 95.00.
    expect(measures).toMatchObject({
      customers: 2,
      revenuePerCustomerMinor: 19_000,
      averageOrderValueMinor: 9_500,
      lapsedCustomers: 0,
    });
    // A: 365.25 × (0 + 365 × 1/365) / (5 + 365) = 0.98716; B: 365.25 × (2 + 1) / (365 + 365)
    // = 1.50103; mean 1.24410. A's one recent order stays near the brand's one a year.
    expect(measures.ordersPerYear).toBeCloseTo((365.25 / 370 + (365.25 * 3) / 730) / 2, 10);
    expect(measures.ordersPerYear).toBeCloseTo(1.2441, 4);
  });

  it("takes the relationship length from the brand's lapsed customers while the group has too few", () => {
    expect(purchaseMeasures(group, brand(500), coefficients)).toMatchObject({
      averageRelationshipDays: 500,
      relationshipBasis: 'brand',
    });
    expect(purchaseMeasures(group, brand(null), coefficients)).toMatchObject({
      averageRelationshipDays: null,
      relationshipBasis: null,
    });
  });

  it("measures the group's own relationship length once 50 of its customers lapsed", () => {
    // 50 customers whose 100-day relationship ended 400 days ago (≥ 365: lapsed), and one of
    // 1,000 days still buying: by Kaplan–Meier, S = 1/51 after 100 days, until the active one's
    // 1,000: 100 + 900 / 51 = 117.647 days.
    const lapsed = Array.from({ length: 50 }, (_, index) =>
      summary({ memberId: `L${index}`, purchaseDays: 2, x: 1, tx: 100, T: 500, totalNetMinor: 1 }),
    );
    const active = summary({ memberId: 'X', purchaseDays: 9, x: 8, tx: 1_000, T: 1_010 });
    const measures = purchaseMeasures([...lapsed, active], brand(500), coefficients);
    expect(measures).toMatchObject({ relationshipBasis: 'channel', lapsedCustomers: 50 });
    expect(measures.averageRelationshipDays).toBeCloseTo(100 + 900 / 51, 10);
  });

  it('has no measures without customers', () => {
    expect(purchaseMeasures([summary({ memberId: 'C' })], brand(null), coefficients)).toEqual({
      customers: 0,
      revenuePerCustomerMinor: null,
      averageOrderValueMinor: null,
      ordersPerYear: null,
      averageRelationshipDays: null,
      relationshipBasis: null,
      lapsedCustomers: 0,
    });
  });
});
