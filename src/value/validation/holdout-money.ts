import { conditionalExpectedSpend, populationMeanSpend } from '../math';
import type { GammaGammaParams } from '../math';
import type { SpendSummary } from '../engine/value-types';
import { PAST_PURCHASE_BUCKETS, PastPurchases } from './holdout-comparison';

type MoneySummary = Pick<
  SpendSummary,
  'x' | 'tx' | 'T' | 'purchaseDays' | 'zbar' | 'totalNetMinor'
>;

/** A customer at asOf with what they spent in the holdout; amounts in base minor units. */
export interface MoneyCustomer {
  summary: MoneySummary;
  /** Repeat purchase days in the holdout (as the purchase counts read them). */
  actual: number;
  /** Net spend of their purchases in (asOf, until], refunds up to until netted. */
  spendMinor: number;
  /** The part of it spent on the `actual` purchase days. */
  repeatSpendMinor: number;
}

export interface MoneyCalibrationRow {
  pastPurchases: PastPurchases;
  customers: number;
  meanExpectedMinor: number | null;
  meanActualMinor: number | null;
}

export interface SpendPerPurchaseCheck {
  /** Customers with a repeat purchase day in the holdout. */
  customers: number;
  /** Mean over them of |expected spend per purchase − their holdout spend per purchase day|. */
  meanAbsoluteErrorMinor: number | null;
  meanExpectedMinor: number | null;
  meanActualMinor: number | null;
}

export interface HoldoutMoney {
  totalExpectedMinor: number;
  totalActualMinor: number;
  /** (expected − actual) / actual × 100; null when nobody spent in the holdout. */
  totalPercentError: number | null;
  calibration: MoneyCalibrationRow[];
  spendPerPurchase: SpendPerPurchaseCheck;
  /** Why expected spend per purchase is not Gamma-Gamma's; null when it is. */
  reason: string | null;
}

/** Expected spend per purchase, minor units, and why it is not Gamma-Gamma's (null when it is). */
export interface SpendPerPurchase {
  expectation: (summary: MoneySummary) => number;
  reason: string | null;
}

/**
 * Gamma-Gamma's E[M | x, zbar] (its population mean without a repeat purchase), or, when the
 * fitted column is the simple formula or Gamma-Gamma has no finite mean, the simple formula's:
 * the customer's own net spend per purchase day to asOf.
 */
export function spendPerPurchase(
  gammaGamma: GammaGammaParams | null,
  simpleReason: string | null,
): SpendPerPurchase {
  const averageOrderValue = ({ totalNetMinor, purchaseDays }: MoneySummary) =>
    purchaseDays > 0 ? totalNetMinor / purchaseDays : 0;
  if (simpleReason !== null || !gammaGamma)
    return {
      expectation: averageOrderValue,
      reason: `the fitted column is the simple formula (${simpleReason ?? 'no Gamma-Gamma fit'}): each customer's average order value × its expected orders`,
    };
  const populationMean = populationMeanSpend(gammaGamma);
  if (!Number.isFinite(populationMean))
    return {
      expectation: averageOrderValue,
      reason: `Gamma-Gamma's mean spend per purchase is unbounded (q ${gammaGamma.q.toPrecision(3)} ≤ 1): each customer's average order value instead`,
    };
  return {
    expectation: ({ x, zbar }) =>
      x > 0 && zbar > 0 ? conditionalExpectedSpend(gammaGamma, x, zbar) : populationMean,
    reason: null,
  };
}

/**
 * Expected spend in the holdout (spend per purchase × expected repeat purchases) against net
 * actual spend, in total and by past purchases (the calibration table's buckets).
 */
export function compareMoney(
  customers: readonly MoneyCustomer[],
  purchases: (summary: MoneySummary) => number,
  spend: SpendPerPurchase,
): HoldoutMoney {
  const buckets = PAST_PURCHASE_BUCKETS.map(() => ({ customers: 0, expected: 0, actual: 0 }));
  let totalExpectedMinor = 0;
  let totalActualMinor = 0;
  const perPurchase = { customers: 0, absoluteError: 0, expected: 0, actual: 0 };
  for (const customer of customers) {
    const expectedPerPurchase = spend.expectation(customer.summary);
    const expected = expectedPerPurchase * purchases(customer.summary);
    totalExpectedMinor += expected;
    totalActualMinor += customer.spendMinor;
    const bucket = buckets[Math.min(customer.summary.x, PAST_PURCHASE_BUCKETS.length - 1)];
    bucket.customers += 1;
    bucket.expected += expected;
    bucket.actual += customer.spendMinor;
    if (customer.actual > 0) {
      const actualPerPurchase = customer.repeatSpendMinor / customer.actual;
      perPurchase.customers += 1;
      perPurchase.absoluteError += Math.abs(expectedPerPurchase - actualPerPurchase);
      perPurchase.expected += expectedPerPurchase;
      perPurchase.actual += actualPerPurchase;
    }
  }
  const meanOver = (total: number, count: number) => (count > 0 ? total / count : null);
  return {
    totalExpectedMinor,
    totalActualMinor,
    totalPercentError:
      totalActualMinor > 0
        ? ((totalExpectedMinor - totalActualMinor) / totalActualMinor) * 100
        : null,
    calibration: PAST_PURCHASE_BUCKETS.map((pastPurchases, index) => {
      const bucket = buckets[index];
      return {
        pastPurchases,
        customers: bucket.customers,
        meanExpectedMinor: meanOver(bucket.expected, bucket.customers),
        meanActualMinor: meanOver(bucket.actual, bucket.customers),
      };
    }),
    spendPerPurchase: {
      customers: perPurchase.customers,
      meanAbsoluteErrorMinor: meanOver(perPurchase.absoluteError, perPurchase.customers),
      meanExpectedMinor: meanOver(perPurchase.expected, perPurchase.customers),
      meanActualMinor: meanOver(perPurchase.actual, perPurchase.customers),
    },
    reason: spend.reason,
  };
}
