import {
  HoldoutCustomer,
  compareExpectations,
  repeatBuyingHoldoutExpectation,
  simpleHoldoutExpectation,
} from './holdout-comparison';
import { DailyCustomer, dailyCheck, dailyCheckDays, expectationOf } from './holdout-daily';

const YEAR = 365.25;

const customer = (
  x: number,
  tx: number,
  T: number,
  dayOffsets: number[],
): DailyCustomer & HoldoutCustomer => ({
  summary: { x, tx, T, purchaseDays: x + 1 },
  dayOffsets,
  actual: dayOffsets.length,
});

describe('dailyCheckDays', () => {
  it('lists every day of a holdout of up to 60 days', () => {
    expect(dailyCheckDays(45)).toEqual({
      step: 1,
      days: Array.from({ length: 45 }, (_, index) => index + 1),
    });
  });

  it('lists every day to 30, then every ceil((last − 30) / 30) days, and the last day', () => {
    // 73 days: step ceil(43 / 30) = 2: 1…30, 32, 34, …, 72, then 73.
    const { step, days } = dailyCheckDays(73);
    expect(step).toBe(2);
    expect(days.slice(28, 33)).toEqual([29, 30, 32, 34, 36]);
    expect(days.slice(-3)).toEqual([70, 72, 73]);
    expect(days).toHaveLength(30 + 21 + 1);
    // 180 days: step 5: 1…30, 35…175, 180: 60 points.
    const half = dailyCheckDays(180);
    expect(half.step).toBe(5);
    expect(half.days).toHaveLength(60);
    expect(half.days.slice(-2)).toEqual([175, 180]);
  });

  it('ends on the day the holdout ends in, a part day included', () => {
    expect(dailyCheckDays(4.5).days).toEqual([1, 2, 3, 4, 5]);
    expect(dailyCheckDays(0.25).days).toEqual([1]);
  });
});

describe('dailyCheck', () => {
  // A and C share a history (x 1); B bought once (x 0). A bought again on days 2 and 5 after
  // asOf's day, B later on asOf's own day (offset 0), C not at all.
  const CUSTOMERS = [
    customer(1, 100, YEAR, [2, 5]),
    customer(0, 0, YEAR, [0]),
    customer(1, 100, YEAR, []),
  ];

  it('sums each method over customers and counts purchase days up to each day', () => {
    // A stand-in fitted model: (x + 1) × days, so 2d + d + 2d = 5d in all.
    const evaluated: number[] = [];
    const fitted = (days: number) => (summary: { x: number }) => {
      evaluated.push(days);
      return (summary.x + 1) * days;
    };
    const check = dailyCheck(CUSTOMERS, 5, fitted, simpleHoldoutExpectation);
    expect(check).toMatchObject({ step: 1, everyDayUntil: 30 });
    // Simple: purchase days a year (T = one year: 2, 1 and 2) × d / 365.25 = 5d / 365.25.
    expect(check.points).toEqual(
      [1, 2, 3, 4, 5].map((day) => ({
        day,
        fitted: 5 * day,
        simple: expect.closeTo((5 * day) / YEAR, 12),
        actual: [0, 1, 2, 2, 2, 3][day],
      })),
    );
    // Two distinct histories, five days: ten evaluations, not fifteen.
    expect(evaluated).toHaveLength(10);
  });

  it('evaluates the last point at the holdout’s length, a part day included', () => {
    const linear = (days: number) => () => days;
    const check = dailyCheck(CUSTOMERS, 4.5, linear, linear);
    expect(check.points.at(-1)).toEqual({ day: 5, fitted: 13.5, simple: 13.5, actual: 3 });
    expect(check.points[3]).toEqual({ day: 4, fitted: 12, simple: 12, actual: 2 });
  });

  it('ends on the comparison’s totals and never falls, for the fitted BG/NBD', () => {
    const params = { r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426 };
    const customers = [
      customer(0, 0, 200, []),
      customer(2, 150, 300, [10, 90]),
      customer(5, 250, 260, [1, 2, 40, 120]),
      customer(2, 150, 300, []),
    ];
    const holdoutDays = 120;
    const check = dailyCheck(
      customers,
      holdoutDays,
      expectationOf('bgnbd', params),
      expectationOf('simple', null),
    );
    const last = check.points.at(-1)!;
    expect(last.day).toBe(120);
    const fittedTotal = compareExpectations(
      customers,
      repeatBuyingHoldoutExpectation(params, holdoutDays),
    ).totalExpected;
    const simpleTotal = compareExpectations(
      customers,
      simpleHoldoutExpectation(holdoutDays),
    ).totalExpected;
    expect(last.fitted).toBeCloseTo(fittedTotal, 10);
    expect(last.simple).toBeCloseTo(simpleTotal, 10);
    expect(last.actual).toBe(6);
    for (let index = 1; index < check.points.length; index++) {
      const [before, after] = [check.points[index - 1], check.points[index]];
      expect(after.fitted).toBeGreaterThanOrEqual(before.fitted);
      expect(after.simple).toBeGreaterThanOrEqual(before.simple);
      expect(after.actual).toBeGreaterThanOrEqual(before.actual);
    }
  });
});
