import { brandFactors } from './simple-factors';
import { brandSimpleFormula, memberSimpleFormula } from './simple-formula';
import { SpendPredictor, fitSpendModel } from './spend-model';
import { Coefficients, SpendSummary } from './value-types';

const coefficients = {
  credibilityDays: 365,
  lapseDays: 365,
  remainingLifespanYears: 3,
  annualDiscountRate: 0.1,
  margin: 0.3,
};

function buyer(x: number, tx: number, T: number, totalNetMinor: number, margin = 0.3) {
  return {
    memberId: `m${x}-${tx}-${T}-${totalNetMinor}`,
    x,
    tx,
    T,
    zbar: 0,
    purchaseDays: x + 1,
    totalNetMinor,
    realizedMarginMinor: totalNetMinor * margin,
  } satisfies SpendSummary;
}

// Two buyers: AOV (300.00 + 60.00) / 4 purchase days = 90.00; f̄ = 2 / 300 = 1/150 a day, so
// 365.25 / 150 = 2.435 repeat orders a year. Nobody has lapsed: 3 years are assumed.
const repeatBuyer = buyer(2, 100, 200, 30000);
const oneTimeBuyer = buyer(0, 0, 100, 6000);
const summaries = [repeatBuyer, oneTimeBuyer];
const brand = brandFactors(summaries, coefficients);
// Σ_{k=1..36} 1.1^(−k/12): 36 months discounted at 10 % a year.
const DISCOUNTED_MONTHS = 31.18645844221867;

describe('brandSimpleFormula', () => {
  it('multiplies average order, orders a year and relationship years', () => {
    const formula = brandSimpleFormula(brand, summaries, coefficients);
    expect(formula).toMatchObject({
      customers: 2,
      averageOrderValueMinor: 9000,
      relationshipYears: 3,
      relationshipBasis: 'assumed',
      lapsedCustomers: 0,
      // 90.00 × 2.435 × 3 = 657.45
      simpleLtvMinor: 65745,
      // 90.00 × 0.3 × 2.435 / 12 a month over 36 discounted months: 170.86
      simpleLtvMarginMinor: Math.round(((9000 * 0.3 * 2.435) / 12) * DISCOUNTED_MONTHS),
    });
    expect(formula.simpleLtvMarginMinor).toBe(17086);
    expect(formula.ordersPerYear).toBeCloseTo(2.435, 12);
    expect(formula.marginRate).toBeCloseTo(0.3, 12);
  });

  it('takes the measured relationship length in years, and the margin weighted by revenue', () => {
    const measured = { ...brand, meanRelationshipDays: 730.5, lifespanBasis: 'measured' as const };
    // 100.00 at 30 % and 300.00 at 50 %: 180.00 of 400.00 = 45 %; a refund-only customer adds
    // nothing. With the brand factors above: 90.00 × 2.435 × 2 years = 438.30.
    const mixed = [
      buyer(0, 0, 10, 10000, 0.3),
      buyer(1, 5, 10, 30000, 0.5),
      { ...buyer(0, 0, 10, -500), purchaseDays: 0 },
    ];
    const formula = brandSimpleFormula(measured, mixed, coefficients);
    expect(formula).toMatchObject({
      relationshipYears: 2,
      relationshipBasis: 'measured',
      simpleLtvMinor: 43830,
    });
    expect(formula.marginRate).toBeCloseTo(0.45, 12);
    // Without anyone who spent, the configured margin.
    expect(brandSimpleFormula(brand, [], coefficients).marginRate).toBe(0.3);
  });
});

describe('memberSimpleFormula', () => {
  it("gives a member's three factors, their product as revenue, and the discounted margin", () => {
    // The one-time buyer: AOV 60.00; 365.25 × (0 + 365/150) / (100 + 365) = 1.911344 repeat
    // orders a year; 3 years left (assumed). 60.00 × 1.911344 × 3 = 344.04 of revenue;
    // at 30 %: 60.00 × 0.3 × 1.911344 / 12 × 31.186458 = 89.41 of discounted margin.
    const formula = memberSimpleFormula(oneTimeBuyer, brand, coefficients, 0.3);
    expect(formula).toMatchObject({
      averageOrderValueMinor: 6000,
      relationshipYears: 3,
      relationshipBasis: 'assumed',
      marginRate: 0.3,
      revenueMinor: 34404,
      valueMinor: 8941,
    });
    expect(formula?.ordersPerYear).toBeCloseTo(1.911344086, 8);
  });

  it('leaves no years once the tenure passes the measured mean', () => {
    const measured = { ...brand, meanRelationshipDays: 150, lifespanBasis: 'measured' as const };
    // The repeat buyer has been a customer for 200 days, past the mean of 150: nothing left.
    expect(memberSimpleFormula(repeatBuyer, measured, coefficients, 0.3)).toMatchObject({
      relationshipYears: 0,
      relationshipBasis: 'measured',
      revenueMinor: 0,
      valueMinor: 0,
    });
    // The one-time buyer (100 days): 50 days left = 0.136893 years.
    expect(
      memberSimpleFormula(oneTimeBuyer, measured, coefficients, 0.3)?.relationshipYears,
    ).toBeCloseTo(50 / 365.25, 12);
  });

  it('is null for a member without a purchase day', () => {
    expect(
      memberSimpleFormula({ ...oneTimeBuyer, purchaseDays: 0 }, brand, coefficients, 0.3),
    ).toBeNull();
  });

  it("is the fallback's prediction where the simple formula values the members", () => {
    const full = { ...coefficients, horizonMonths: 36, minRepeatBuyers: 50 } as Coefficients;
    const model = fitSpendModel(summaries, full);
    expect(model.method).toBe('simple');
    const predictor = new SpendPredictor(model, full);
    for (const summary of summaries) {
      const predicted = Math.round(predictor.predict(summary, 0.3).predictedMinor);
      expect(memberSimpleFormula(summary, model.simple, full, 0.3)?.valueMinor).toBe(predicted);
    }
  });
});
