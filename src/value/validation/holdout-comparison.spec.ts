import {
  HoldoutCustomer,
  repeatBuyingHoldoutExpectation,
  compareExpectations,
  compareHoldout,
  holdoutPurchaseDays,
  simpleHoldoutExpectation,
} from './holdout-comparison';

// A holdout of 73.05 days is 0.2 of a 365.25-day year; T = 365.25 makes purchase days a year
// equal to purchase days, so every simple expectation below is 0.2 × purchase days.
const HOLDOUT_DAYS = 73.05;
const YEAR = 365.25;

const customer = (
  x: number,
  tx: number,
  T: number,
  actual: number,
  purchaseDays = x + 1,
): HoldoutCustomer => ({ summary: { x, tx, T, purchaseDays }, actual });

const CUSTOMERS: HoldoutCustomer[] = [
  customer(0, 0, YEAR, 0), // expected 0.2
  customer(1, 100, YEAR, 1), // 0.4
  customer(7, 300, YEAR, 2), // 1.6
  customer(9, 360, YEAR, 1), // 2.0
  customer(0, 0, 10, 1), // T < 30 days reads over 30: 365.25 / 30 × 0.2 = 2.435
];

// The FHL (2005) CDNOW fit in weeks, here in days: alpha × 7.
const CDNOW_DAYS = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };

describe('simpleHoldoutExpectation', () => {
  it('is purchase days a year (over max(T, 30) days) × the holdout in years', () => {
    const expectation = simpleHoldoutExpectation(HOLDOUT_DAYS);
    expect(CUSTOMERS.map(({ summary }) => expectation(summary))).toEqual([
      expect.closeTo(0.2, 12),
      expect.closeTo(0.4, 12),
      expect.closeTo(1.6, 12),
      expect.closeTo(2.0, 12),
      expect.closeTo(2.435, 12),
    ]);
  });
});

describe('repeatBuyingHoldoutExpectation', () => {
  it("gives FHL's E[Y(39 weeks) | x = 2, t_x = 30.43, T = 38.86] = 1.2260 in days as in weeks", () => {
    const expectation = repeatBuyingHoldoutExpectation(CDNOW_DAYS, 39 * 7);
    expect(expectation({ x: 2, tx: 30.43 * 7, T: 38.86 * 7, purchaseDays: 3 })).toBeCloseTo(
      1.2260281747671444,
      10,
    );
  });

  it('expects nothing over an empty holdout', () => {
    expect(
      repeatBuyingHoldoutExpectation(CDNOW_DAYS, 0)({ x: 3, tx: 50, T: 90, purchaseDays: 4 }),
    ).toBe(0);
  });
});

describe('compareExpectations', () => {
  const figures = compareExpectations(CUSTOMERS, simpleHoldoutExpectation(HOLDOUT_DAYS));

  it('totals expected and actual repeat purchases and the total % error', () => {
    expect(figures.totalExpected).toBeCloseTo(6.635, 12);
    expect(figures.totalActual).toBe(5);
    // (6.635 − 5) / 5 × 100
    expect(figures.totalPercentError).toBeCloseTo(32.7, 10);
  });

  it('averages the absolute error per customer', () => {
    // |0.2 − 0| + |0.4 − 1| + |1.6 − 2| + |2.0 − 1| + |2.435 − 1| = 3.635, over 5
    expect(figures.meanAbsoluteError).toBeCloseTo(0.727, 12);
  });

  it('tabulates by past repeat purchases 0..6 and 7+, with nulls for empty rows', () => {
    expect(figures.calibration).toEqual([
      { pastPurchases: 0, customers: 2, meanExpected: expect.closeTo(1.3175, 12), meanActual: 0.5 },
      { pastPurchases: 1, customers: 1, meanExpected: expect.closeTo(0.4, 12), meanActual: 1 },
      ...[2, 3, 4, 5, 6].map((pastPurchases) => ({
        pastPurchases,
        customers: 0,
        meanExpected: null,
        meanActual: null,
      })),
      { pastPurchases: '7+', customers: 2, meanExpected: expect.closeTo(1.8, 12), meanActual: 1.5 },
    ]);
  });

  it('has no % error when nobody bought in the holdout, and no mean without customers', () => {
    const quiet = compareExpectations([customer(0, 0, YEAR, 0)], () => 0.5);
    expect(quiet).toMatchObject({ totalExpected: 0.5, totalActual: 0, totalPercentError: null });
    expect(quiet.meanAbsoluteError).toBe(0.5);
    const empty = compareExpectations([], () => 1);
    expect(empty).toMatchObject({ totalExpected: 0, meanAbsoluteError: null });
    expect(empty.calibration.every((row) => row.customers === 0)).toBe(true);
  });
});

describe('compareHoldout', () => {
  it('puts the fitted BG/NBD beside the simple formula', () => {
    const bgnbd = { ...CDNOW_DAYS, logLikelihood: -1, converged: true, iterations: 9 };
    const result = compareHoldout(
      [customer(2, 30.43 * 7, 38.86 * 7, 1)],
      { method: 'bgnbd', reason: null, repeatBuying: bgnbd },
      39 * 7,
    );
    expect(result).toMatchObject({ holdoutDays: 273, customers: 1 });
    expect(result.fitted).toMatchObject({ method: 'bgnbd', reason: null, params: CDNOW_DAYS });
    expect(result.fitted.totalExpected).toBeCloseTo(1.2260281747671444, 10);
    // Simple: 3 purchase days over 272.02 days, for 273 days.
    expect(result.simple).toMatchObject({ method: 'simple', reason: null, params: null });
    expect(result.simple.totalExpected).toBeCloseTo((3 / 272.02) * 273, 10);
  });

  it('says why the fitted column is the simple formula when the fit is not supported', () => {
    const reason = '3 repeat buyers, fewer than minRepeatBuyers (50)';
    const result = compareHoldout(
      CUSTOMERS,
      { method: 'simple', reason, repeatBuying: null },
      HOLDOUT_DAYS,
    );
    expect(result.fitted).toEqual({ ...result.simple, reason });
    expect(result.fitted).toMatchObject({ method: 'simple', params: null });
    expect(result.simple.totalExpected).toBeCloseTo(6.635, 12);
  });

  it('does not use the parameters of a fit that did not converge', () => {
    const bgnbd = { ...CDNOW_DAYS, logLikelihood: -1, converged: false, iterations: 500 };
    const result = compareHoldout(
      CUSTOMERS,
      {
        method: 'simple',
        reason: 'the fit did not converge (max iterations)',
        repeatBuying: bgnbd,
      },
      HOLDOUT_DAYS,
    );
    expect(result.fitted).toMatchObject({ method: 'simple', params: null });
    expect(result.fitted.totalExpected).toBe(result.simple.totalExpected);
  });
});

describe('holdoutPurchaseDays', () => {
  // First purchase on day 1000, the last (tx = 40) on day 1040; asOf on day 1100 (T = 100).
  const summary = { tx: 40, T: 100 };

  it('counts the holdout purchase days', () => {
    expect(holdoutPurchaseDays(summary, 1100, [1101, 1150, 1200])).toBe(3);
  });

  it('does not count again a day the customer had bought on before asOf (asOf within a day)', () => {
    const boughtOnAsOfDay = { tx: 100, T: 100 };
    expect(holdoutPurchaseDays(boughtOnAsOfDay, 1100, [1100, 1101])).toBe(1);
    expect(holdoutPurchaseDays(summary, 1100, [1100, 1101])).toBe(2);
  });
});
