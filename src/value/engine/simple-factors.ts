import { DAYS_PER_YEAR } from '../math';
import { Coefficients, SpendSummary } from './value-types';

/** The lifespan is measured once this many customers have lapsed; below it, it is assumed. */
export const MIN_LAPSED_CUSTOMERS = 50;

type FactorCoefficients = Pick<
  Coefficients,
  'credibilityDays' | 'lapseDays' | 'remainingLifespanYears'
>;

/** The brand-wide factors of the simple formula, from every buyer's summary to asOf. */
export interface BrandFactors {
  /** Summaries with at least one purchase day. */
  customers: number;
  /** Σ totalNetMinor / Σ purchaseDays over customers, base-currency minor units (0 without any). */
  averageOrderValueMinor: number;
  /** f̄ = Σ x / Σ T: repeat purchase days per customer-day, pooled (0 when Σ T = 0). */
  repeatRatePerDay: number;
  /** Mean t_x (days, first to last purchase day) over lapsed customers when ≥ 50, else null. */
  meanRelationshipDays: number | null;
  /** Customers with no purchase day for lapseDays: T − t_x ≥ lapseDays. */
  lapsedCustomers: number;
  lifespanBasis: 'measured' | 'assumed';
}

export function brandFactors(
  summaries: readonly SpendSummary[],
  coefficients: FactorCoefficients,
): BrandFactors {
  let customers = 0;
  let netMinor = 0;
  let purchaseDays = 0;
  let repeatDays = 0;
  let observedDays = 0;
  let lapsedCustomers = 0;
  let lapsedRelationshipDays = 0;
  for (const summary of summaries) {
    if (summary.purchaseDays <= 0) continue;
    customers += 1;
    netMinor += summary.totalNetMinor;
    purchaseDays += summary.purchaseDays;
    repeatDays += summary.x;
    observedDays += summary.T;
    if (summary.T - summary.tx >= coefficients.lapseDays) {
      lapsedCustomers += 1;
      lapsedRelationshipDays += summary.tx;
    }
  }
  const measured = lapsedCustomers >= MIN_LAPSED_CUSTOMERS;
  return {
    customers,
    averageOrderValueMinor: purchaseDays > 0 ? netMinor / purchaseDays : 0,
    repeatRatePerDay: observedDays > 0 ? repeatDays / observedDays : 0,
    meanRelationshipDays: measured ? lapsedRelationshipDays / lapsedCustomers : null,
    lapsedCustomers,
    lifespanBasis: measured ? 'measured' : 'assumed',
  };
}

/** One member's simple-formula factors; the value is their product with the member's margin. */
export interface MemberSimpleFactors {
  /** The member's own net revenue per purchase day, minor units (0 without a purchase day). */
  averageOrderValueMinor: number;
  /**
   * Repeat purchase days a year, credibility-weighted toward the brand's rate:
   * 365.25 × (x + k·f̄) / (T + k), k = credibilityDays. A member observed for a few days keeps
   * nearly the brand's rate; one observed for years nearly their own.
   */
  ordersPerYear: number;
  /** measured: max(0, meanRelationshipDays − T) / 365.25; assumed: remainingLifespanYears. */
  remainingLifespanYears: number;
}

export function memberSimpleFactors(
  summary: SpendSummary,
  brand: BrandFactors,
  coefficients: FactorCoefficients,
): MemberSimpleFactors {
  const k = coefficients.credibilityDays;
  const ratePerDay = (summary.x + k * brand.repeatRatePerDay) / (summary.T + k);
  return {
    averageOrderValueMinor:
      summary.purchaseDays > 0 ? summary.totalNetMinor / summary.purchaseDays : 0,
    ordersPerYear: DAYS_PER_YEAR * ratePerDay,
    remainingLifespanYears:
      brand.meanRelationshipDays === null
        ? coefficients.remainingLifespanYears
        : Math.max(0, brand.meanRelationshipDays - summary.T) / DAYS_PER_YEAR,
  };
}
