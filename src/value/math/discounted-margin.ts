import { conditionalExpectedPurchases, type BgNbdParams, type RepeatBuyingVariant } from './bg-nbd';

export const DAYS_PER_YEAR = 365.25;
export const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;
// Below this many days of history a customer's purchase rate is read over a month instead.
const MIN_OBSERVED_DAYS = 30;

export interface DiscountedMarginOptions {
  horizonMonths: number;
  /** E.g. 0.1 for 10 % a year; month k is discounted by (1 + rate)^(k / 12). */
  annualDiscountRate: number;
  /** Gross margin as a fraction of spend, e.g. 0.3. */
  margin: number;
  /** Expected spend per purchase (Gamma-Gamma), in the money unit wanted back. */
  spendPerPurchase: number;
  /** Days in the model's time unit: 1 when x, t_x, T are in days (the app), 7 for weeks. */
  timeUnitDays?: number;
}

export interface MonthlyMargin {
  month: number;
  expectedPurchases: number;
  /** Undiscounted expected margin of the month. */
  margin: number;
  discountFactor: number;
  presentValue: number;
}

/** Money comes back unrounded, in spendPerPurchase's unit: the caller rounds each component once. */
export interface DiscountedMargin {
  expectedPurchases: number;
  undiscountedMargin: number;
  presentValue: number;
  months: MonthlyMargin[];
}

/**
 * Expected discounted margin over the horizon from any cumulative expectation E[purchases in
 * (0, t]] (t in the model's time unit): month k, ending k * 365.25 / 12 days out, holds
 * E(t_k) - E(t_(k-1)) purchases, each worth spendPerPurchase * margin, discounted by
 * (1 + annualDiscountRate)^(k / 12).
 */
export function discountedMargin(
  cumulativePurchases: (t: number) => number,
  options: DiscountedMarginOptions,
): DiscountedMargin {
  const { horizonMonths, annualDiscountRate, margin, spendPerPurchase } = options;
  const timeUnitDays = options.timeUnitDays ?? 1;
  if (!Number.isInteger(horizonMonths) || horizonMonths < 0) {
    throw new RangeError('horizonMonths must be a whole number >= 0');
  }
  if (!(annualDiscountRate > -1)) throw new RangeError('annualDiscountRate must be > -1');
  if (!(timeUnitDays > 0)) throw new RangeError('timeUnitDays must be > 0');

  const months: MonthlyMargin[] = [];
  let previous = 0;
  for (let month = 1; month <= horizonMonths; month++) {
    const cumulative = cumulativePurchases((month * DAYS_PER_MONTH) / timeUnitDays);
    const expectedPurchases = cumulative - previous;
    previous = cumulative;
    const monthMargin = expectedPurchases * spendPerPurchase * margin;
    const discountFactor = Math.pow(1 + annualDiscountRate, -month / 12);
    months.push({
      month,
      expectedPurchases,
      margin: monthMargin,
      discountFactor,
      presentValue: monthMargin * discountFactor,
    });
  }
  const sum = (pick: (month: MonthlyMargin) => number) =>
    months.reduce((total, month) => total + pick(month), 0);
  return {
    expectedPurchases: previous,
    undiscountedMargin: sum((month) => month.margin),
    presentValue: sum((month) => month.presentValue),
    months,
  };
}

/** discountedMargin with (modified) BG/NBD's E[Y(t) | x, t_x, T] for one customer. */
export function bgNbdDiscountedMargin(
  params: BgNbdParams,
  customer: { x: number; tx: number; T: number },
  options: DiscountedMarginOptions,
  variant: RepeatBuyingVariant = 'bgnbd',
): DiscountedMargin {
  const { x, tx, T } = customer;
  return discountedMargin(
    (t) => conditionalExpectedPurchases(params, t, x, tx, T, variant),
    options,
  );
}

export interface SimpleFormulaInput {
  averageOrderValue: number;
  /** Expected purchases a year, spread evenly over the remaining lifespan. */
  ordersPerYear: number;
  remainingLifespanYears: number;
  margin: number;
  /** Month k of the lifespan is discounted by (1 + rate)^(−k/12), as the fitted model's months. */
  annualDiscountRate: number;
}

/**
 * The fallback where no model can be fitted: AOV × orders a year × remaining years × margin,
 * each month of the remaining lifespan discounted like the fitted model's (a last partial month
 * holds its share of purchases). Without discounting it is the plain product.
 */
export function simpleFormulaValue(input: SimpleFormulaInput): number {
  const { averageOrderValue, ordersPerYear, remainingLifespanYears, margin } = input;
  if (!(remainingLifespanYears >= 0)) throw new RangeError('remainingLifespanYears must be >= 0');
  const lifespanDays = remainingLifespanYears * DAYS_PER_YEAR;
  const purchasesPerDay = ordersPerYear / DAYS_PER_YEAR;
  return discountedMargin((t) => purchasesPerDay * Math.min(t, lifespanDays), {
    horizonMonths: Math.ceil(remainingLifespanYears * 12),
    annualDiscountRate: input.annualDiscountRate,
    margin,
    spendPerPurchase: averageOrderValue,
  }).presentValue;
}

/**
 * Orders a year from a history of observedDays (first purchase to asOf): orders over
 * max(observedDays, 30) days, scaled to 365.25, so that a first order yesterday does not read
 * as hundreds of orders a year. The fallback no longer values members with it (it uses the
 * credibility-weighted rate of engine/simple-factors.ts); the holdout comparison still does.
 */
export function ordersPerYear(orders: number, observedDays: number): number {
  if (!(orders >= 0) || !(observedDays >= 0)) {
    throw new RangeError('orders and observedDays must be >= 0');
  }
  return (orders / Math.max(observedDays, MIN_OBSERVED_DAYS)) * DAYS_PER_YEAR;
}
