import { DAYS_PER_YEAR } from '../math';
import { KaplanMeierMean } from '../math/kaplan-meier';
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
  /**
   * The mean relationship length in days (first to last purchase day), by Kaplan–Meier over
   * every customer: a lapsed customer's relationship ended at t_x, an active one's lasts at least
   * t_x (censored). Null while fewer than 50 customers have lapsed.
   */
  meanRelationshipDays: number | null;
  /** Customers with no purchase day for lapseDays: T − t_x ≥ lapseDays (the ended relationships). */
  lapsedCustomers: number;
  lifespanBasis: 'measured' | 'assumed';
}

/**
 * Pools the factors over every customer with a purchase day.
 *
 * The relationship length is the time a customer keeps buying, first to last purchase day
 * (t_x). Averaging t_x over the lapsed customers alone would leave out the relationships still
 * running, which are the long ones: every one-time buyer lapses after lapseDays, a loyal customer
 * perhaps never. So every customer counts (math/kaplan-meier.ts): a lapsed one's relationship
 * ended at t_x (a one-time buyer's at 0), an active one's has lasted t_x so far; a recent
 * one-time buyer tells nothing yet. The mean is restricted to the longest relationship seen.
 */
export function brandFactors(
  summaries: readonly SpendSummary[],
  coefficients: FactorCoefficients,
): BrandFactors {
  let customers = 0;
  let netMinor = 0;
  let purchaseDays = 0;
  let repeatDays = 0;
  let observedDays = 0;
  const relationships = new KaplanMeierMean();
  for (const summary of summaries) {
    if (summary.purchaseDays <= 0) continue;
    customers += 1;
    netMinor += summary.totalNetMinor;
    purchaseDays += summary.purchaseDays;
    repeatDays += summary.x;
    observedDays += summary.T;
    relationships.add(summary.tx, summary.T - summary.tx >= coefficients.lapseDays);
  }
  const lapsedCustomers = relationships.ended;
  const measured = lapsedCustomers >= MIN_LAPSED_CUSTOMERS;
  return {
    customers,
    averageOrderValueMinor: purchaseDays > 0 ? netMinor / purchaseDays : 0,
    repeatRatePerDay: observedDays > 0 ? repeatDays / observedDays : 0,
    meanRelationshipDays: measured ? relationships.restrictedMean() : null,
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
  /**
   * What is left of the relationship, in years: measured, max(0, meanRelationshipDays − T) /
   * 365.25 (the brand's mean less the member's tenure); assumed, remainingLifespanYears.
   */
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
