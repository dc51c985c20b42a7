import { conditionalExpectedPurchases } from './bg-nbd';
import {
  bgNbdDiscountedMargin,
  DAYS_PER_MONTH,
  discountedMargin,
  ordersPerYear,
  simpleFormulaValue,
} from './discounted-margin';

const CDNOW_DAYS = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };

describe('discountedMargin', () => {
  it('works by hand for a constant rate of one purchase a month', () => {
    // 12 purchases a year, 100 a purchase, 30 % margin: 30 a month, discounted at 10 % a year:
    // 30 * (1.1^(-1/12) + 1.1^(-2/12) + 1.1^(-3/12)) = 30 * (0.99208894 + 0.98424047 + 0.97645409)
    // = 30 * 2.95278350 = 88.583505
    const perDay = 12 / 365.25;
    const result = discountedMargin((t) => perDay * t, {
      horizonMonths: 3,
      annualDiscountRate: 0.1,
      margin: 0.3,
      spendPerPurchase: 100,
    });
    expect(result.months.map((month) => month.expectedPurchases)).toEqual([
      expect.closeTo(1, 12),
      expect.closeTo(1, 12),
      expect.closeTo(1, 12),
    ]);
    expect(result.months[0].discountFactor).toBeCloseTo(0.99208894, 8);
    expect(result.undiscountedMargin).toBeCloseTo(90, 10);
    expect(result.presentValue).toBeCloseTo(88.583505, 6);
    expect(result.expectedPurchases).toBeCloseTo(3, 12);
  });

  it('discounts month 12 by exactly one year of interest', () => {
    const result = discountedMargin((t) => t / DAYS_PER_MONTH, {
      horizonMonths: 12,
      annualDiscountRate: 0.1,
      margin: 1,
      spendPerPurchase: 1,
    });
    expect(result.months[11].discountFactor).toBeCloseTo(1 / 1.1, 15);
  });

  it('reads the model in weeks when told its time unit is 7 days', () => {
    const seen: number[] = [];
    discountedMargin(
      (t) => {
        seen.push(t);
        return 0;
      },
      { horizonMonths: 2, annualDiscountRate: 0, margin: 1, spendPerPurchase: 1, timeUnitDays: 7 },
    );
    expect(seen).toEqual([365.25 / 12 / 7, (2 * 365.25) / 12 / 7]);
  });

  it('without discounting, sums to E[Y(horizon)] x spend x margin for a BG/NBD customer', () => {
    const customer = { x: 4, tx: 150, T: 200 };
    const result = bgNbdDiscountedMargin(CDNOW_DAYS, customer, {
      horizonMonths: 36,
      annualDiscountRate: 0,
      margin: 0.3,
      spendPerPurchase: 40,
    });
    const purchases = conditionalExpectedPurchases(CDNOW_DAYS, 36 * DAYS_PER_MONTH, 4, 150, 200);
    expect(result.expectedPurchases).toBeCloseTo(purchases, 12);
    expect(result.presentValue).toBeCloseTo(purchases * 40 * 0.3, 10);
    expect(result.months).toHaveLength(36);
    // Purchases thin out month by month: the customer may have dropped out.
    expect(result.months[35].expectedPurchases).toBeLessThan(result.months[0].expectedPurchases);
  });

  it('is worth less with discounting than without', () => {
    const options = { horizonMonths: 36, margin: 0.3, spendPerPurchase: 40 };
    const customer = { x: 4, tx: 150, T: 200 };
    const plain = bgNbdDiscountedMargin(CDNOW_DAYS, customer, {
      ...options,
      annualDiscountRate: 0,
    });
    const discounted = bgNbdDiscountedMargin(CDNOW_DAYS, customer, {
      ...options,
      annualDiscountRate: 0.1,
    });
    expect(discounted.presentValue).toBeLessThan(plain.presentValue);
    expect(discounted.presentValue).toBeGreaterThan(plain.presentValue / 1.1 ** 3);
  });

  it('refuses a fractional horizon and a rate of -100 % or less', () => {
    const options = {
      horizonMonths: 1.5,
      annualDiscountRate: 0.1,
      margin: 0.3,
      spendPerPurchase: 1,
    };
    expect(() => discountedMargin(() => 0, options)).toThrow('horizonMonths');
    expect(() =>
      discountedMargin(() => 0, { ...options, horizonMonths: 1, annualDiscountRate: -1 }),
    ).toThrow('annualDiscountRate');
  });
});

describe('simpleFormulaValue', () => {
  it('is AOV x orders a year x remaining years x margin without discounting, to the cent', () => {
    // 3 orders in 200 days: 3 / 200 * 365.25 = 5.47875 a year. AOV 49.90 (4990 minor units),
    // 3 years, 30 %: 4990 * 5.47875 * 3 * 0.3 = 24605.06625 minor units = 246.05 (rounded once).
    const orders = ordersPerYear(3, 200);
    expect(orders).toBeCloseTo(5.47875, 12);
    const value = simpleFormulaValue({
      averageOrderValue: 4990,
      ordersPerYear: orders,
      remainingLifespanYears: 3,
      margin: 0.3,
      annualDiscountRate: 0,
    });
    expect(Math.round(value)).toBe(24605);
    expect(value).toBeCloseTo(24605.06625, 8);
  });

  it('discounts each month of the lifespan as the fitted model does', () => {
    // 12 orders a year of 100, 30 %: 30 a month. 1.5 years = 18 months at 10 % a year:
    // 30 * sum_{k=1..18} 1.1^(-k/12) = 30 * v (1 - v^18) / (1 - v), v = 1.1^(-1/12) = 0.99208894,
    // v^18 = 1.1^(-1.5) = 0.86678417: 30 * 0.99208894 * 0.13321583 / 0.00791106 = 501.1794
    const value = simpleFormulaValue({
      averageOrderValue: 100,
      ordersPerYear: 12,
      remainingLifespanYears: 1.5,
      margin: 0.3,
      annualDiscountRate: 0.1,
    });
    expect(value).toBeCloseTo(501.1794, 3);
  });

  it('gives a last partial month only its share of purchases, and nothing for no lifespan', () => {
    // Half a month: 12 a year is 0.5 purchases, 30 * 0.5 = 15, discounted by 1.1^(-1/12).
    const input = { averageOrderValue: 100, ordersPerYear: 12, margin: 0.3 };
    const half = simpleFormulaValue({
      ...input,
      remainingLifespanYears: 0.5 / 12,
      annualDiscountRate: 0.1,
    });
    expect(half).toBeCloseTo(15 * 0.99208894, 6);
    expect(
      simpleFormulaValue({ ...input, remainingLifespanYears: 0, annualDiscountRate: 0.1 }),
    ).toBe(0);
  });
});

describe('ordersPerYear', () => {
  it('reads a short history over 30 days, not over its few days', () => {
    expect(ordersPerYear(1, 2)).toBeCloseTo(365.25 / 30, 12);
    expect(ordersPerYear(1, 0)).toBeCloseTo(365.25 / 30, 12);
    expect(ordersPerYear(2, 365.25)).toBeCloseTo(2, 12);
  });
});
