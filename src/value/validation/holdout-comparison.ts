import { DAYS_PER_YEAR, conditionalExpectedPurchases, ordersPerYear } from '../math';
import type { BgNbdParams, RepeatBuyingVariant } from '../math';
import type { SpendModel } from '../engine/spend-model';
import type { SpendSummary } from '../engine/value-types';

/** The calibration table's rows: customers by repeat purchases before asOf, the last open-ended. */
export const PAST_PURCHASE_BUCKETS = [0, 1, 2, 3, 4, 5, 6, '7+'] as const;
export type PastPurchases = (typeof PAST_PURCHASE_BUCKETS)[number];

/** A customer who had bought by asOf: their summary to asOf and what they did afterwards. */
export interface HoldoutCustomer {
  summary: Pick<SpendSummary, 'x' | 'tx' | 'T' | 'purchaseDays'>;
  /** Repeat purchase days in (asOf, until]. */
  actual: number;
}

export interface CalibrationRow {
  pastPurchases: PastPurchases;
  customers: number;
  meanExpected: number | null;
  meanActual: number | null;
}

export interface ComparisonFigures {
  totalExpected: number;
  totalActual: number;
  /** (expected − actual) / actual × 100; null when nobody bought in the holdout. */
  totalPercentError: number | null;
  /** Mean over customers of |expected − actual|; null without customers. */
  meanAbsoluteError: number | null;
  calibration: CalibrationRow[];
}

export interface MethodComparison extends ComparisonFigures {
  method: RepeatBuyingVariant | 'simple';
  /** Why the fitted column fell back to the simple formula; null otherwise. */
  reason: string | null;
  /** (Modified) BG/NBD parameters, time in days; null for the simple formula. */
  params: BgNbdParams | null;
}

export interface HoldoutComparison {
  holdoutDays: number;
  customers: number;
  fitted: MethodComparison;
  simple: MethodComparison;
}

type Summary = HoldoutCustomer['summary'];

/** (Modified) BG/NBD: E[Y(t) | x, t_x, T] over the holdout, t in days like the fit. */
export function repeatBuyingHoldoutExpectation(
  params: BgNbdParams,
  holdoutDays: number,
  variant: RepeatBuyingVariant = 'bgnbd',
): (summary: Summary) => number {
  return ({ x, tx, T }) => conditionalExpectedPurchases(params, holdoutDays, x, tx, T, variant);
}

/**
 * The simple formula's purchase rate, as the fallback values members: purchase days a year
 * (over max(T, 30) days) × the holdout's length in years.
 */
export function simpleHoldoutExpectation(holdoutDays: number): (summary: Summary) => number {
  return ({ purchaseDays, T }) => ordersPerYear(purchaseDays, T) * (holdoutDays / DAYS_PER_YEAR);
}

/** Expected against actual repeat purchases, in total, per customer and by past purchases. */
export function compareExpectations(
  customers: readonly HoldoutCustomer[],
  expectation: (summary: Summary) => number,
): ComparisonFigures {
  const buckets = PAST_PURCHASE_BUCKETS.map(() => ({ customers: 0, expected: 0, actual: 0 }));
  let totalExpected = 0;
  let totalActual = 0;
  let absoluteError = 0;
  for (const customer of customers) {
    const expected = expectation(customer.summary);
    totalExpected += expected;
    totalActual += customer.actual;
    absoluteError += Math.abs(expected - customer.actual);
    const bucket = buckets[Math.min(customer.summary.x, PAST_PURCHASE_BUCKETS.length - 1)];
    bucket.customers += 1;
    bucket.expected += expected;
    bucket.actual += customer.actual;
  }
  return {
    totalExpected,
    totalActual,
    totalPercentError: totalActual > 0 ? ((totalExpected - totalActual) / totalActual) * 100 : null,
    meanAbsoluteError: customers.length > 0 ? absoluteError / customers.length : null,
    calibration: PAST_PURCHASE_BUCKETS.map((pastPurchases, index) => {
      const bucket = buckets[index];
      return {
        pastPurchases,
        customers: bucket.customers,
        meanExpected: bucket.customers ? bucket.expected / bucket.customers : null,
        meanActual: bucket.customers ? bucket.actual / bucket.customers : null,
      };
    }),
  };
}

/**
 * The fitted model (as the value engine fitted it on the data to asOf) and the simple formula
 * side by side. When the engine fell back to the simple formula, the fitted column says so and
 * shows what the engine actually predicts: the simple formula.
 */
export function compareHoldout(
  customers: readonly HoldoutCustomer[],
  model: Pick<SpendModel, 'method' | 'reason' | 'repeatBuying'>,
  holdoutDays: number,
): HoldoutComparison {
  const simple: MethodComparison = {
    method: 'simple',
    reason: null,
    params: null,
    ...compareExpectations(customers, simpleHoldoutExpectation(holdoutDays)),
  };
  let fitted: MethodComparison;
  if (model.method !== 'simple' && model.repeatBuying) {
    const { r, alpha, a, b } = model.repeatBuying;
    const params = { r, alpha, a, b };
    fitted = {
      method: model.method,
      reason: null,
      params,
      ...compareExpectations(
        customers,
        repeatBuyingHoldoutExpectation(params, holdoutDays, model.method),
      ),
    };
  } else {
    fitted = { ...simple, reason: model.reason ?? 'the model was not fitted' };
  }
  return { holdoutDays, customers: customers.length, fitted, simple };
}

/**
 * Repeat purchase days in the holdout: the UTC days (merged, net > 0) of purchases after asOf,
 * less a day the customer already bought on before asOf (asOf inside a day: one day, one purchase).
 */
export function holdoutPurchaseDays(
  summary: Pick<SpendSummary, 'tx' | 'T'>,
  asOfDay: number,
  holdoutDays: readonly number[],
): number {
  return holdoutRepeatDays(summary, asOfDay, holdoutDays, (day) => day).length;
}

/** The holdout days that holdoutPurchaseDays counts, whatever each day carries. */
export function holdoutRepeatDays<Day>(
  summary: Pick<SpendSummary, 'tx' | 'T'>,
  asOfDay: number,
  holdoutDays: readonly Day[],
  dayOf: (day: Day) => number,
): Day[] {
  const lastPurchaseDay = asOfDay - summary.T + summary.tx;
  return holdoutDays.filter((day) => dayOf(day) > lastPurchaseDay);
}
