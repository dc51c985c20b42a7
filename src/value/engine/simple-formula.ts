import { roundMinor } from '../../common/money/money';
import { DAYS_PER_YEAR, simpleFormulaValue } from '../math';
import { BrandFactors, memberSimpleFactors } from './simple-factors';
import { Coefficients, SpendSummary } from './value-types';

type FormulaCoefficients = Pick<
  Coefficients,
  'credibilityDays' | 'lapseDays' | 'remainingLifespanYears' | 'annualDiscountRate' | 'margin'
>;

/**
 * The seeds' LTV for the brand, average order value × orders a year × relationship length,
 * stored on the run whichever method valued the members. The frequency counts repeat purchase
 * days (the first order is what makes a customer), as the fallback's does.
 */
export interface BrandSimpleFormula {
  /** Customers with at least one purchase day. */
  customers: number;
  /** Net revenue per purchase day, minor units (rounded). */
  averageOrderValueMinor: number;
  /** 365.25 × f̄: repeat purchase days per customer per year since their first order. */
  ordersPerYear: number;
  /** The measured mean relationship (Kaplan–Meier) in years, or remainingLifespanYears. */
  relationshipYears: number;
  relationshipBasis: 'measured' | 'assumed';
  /** Customers lapsed (no purchase day for lapseDays): the measure needs at least 50. */
  lapsedCustomers: number;
  /** Σ realized margin / Σ net spend of customers who spent, else value.margin. */
  marginRate: number;
  /** AOV × ordersPerYear × relationshipYears: revenue, undiscounted, minor units (rounded). */
  simpleLtvMinor: number;
  /**
   * The same × marginRate with each month discounted as the fallback discounts: what the
   * fallback predicts for a customer starting today with the brand's AOV and margin.
   */
  simpleLtvMarginMinor: number;
}

/** One member's simple formula beside the fitted prediction, stored with the snapshot. */
export interface MemberSimpleFormula {
  /** The member's net revenue per purchase day, minor units (rounded). */
  averageOrderValueMinor: number;
  /** Repeat purchase days a year, credibility-weighted toward the brand's rate. */
  ordersPerYear: number;
  /** What is left of the relationship, in years (the brand's mean less the member's tenure). */
  relationshipYears: number;
  relationshipBasis: 'measured' | 'assumed';
  /** The member's own margin rate, as the spend value uses it. */
  marginRate: number;
  /** AOV × ordersPerYear × relationshipYears: future revenue, undiscounted (rounded). */
  revenueMinor: number;
  /**
   * The revenue × marginRate with each month discounted as the fitted model's: the fallback's
   * prediction, to hold against the fitted expected future margin (rounded).
   */
  valueMinor: number;
}

export function brandSimpleFormula(
  brand: BrandFactors,
  summaries: readonly SpendSummary[],
  coefficients: FormulaCoefficients,
): BrandSimpleFormula {
  const ordersPerYear = DAYS_PER_YEAR * brand.repeatRatePerDay;
  const relationshipYears =
    brand.meanRelationshipDays === null
      ? coefficients.remainingLifespanYears
      : brand.meanRelationshipDays / DAYS_PER_YEAR;
  const marginRate = pooledMarginRate(summaries, coefficients.margin);
  const formula = {
    averageOrderValue: brand.averageOrderValueMinor,
    ordersPerYear,
    remainingLifespanYears: relationshipYears,
    margin: marginRate,
    annualDiscountRate: coefficients.annualDiscountRate,
  };
  return {
    customers: brand.customers,
    averageOrderValueMinor: roundMinor(brand.averageOrderValueMinor),
    ordersPerYear,
    relationshipYears,
    relationshipBasis: brand.lifespanBasis,
    lapsedCustomers: brand.lapsedCustomers,
    marginRate,
    simpleLtvMinor: roundMinor(brand.averageOrderValueMinor * ordersPerYear * relationshipYears),
    simpleLtvMarginMinor: roundMinor(Math.max(0, simpleFormulaValue(formula))),
  };
}

/** Null for a member without a purchase day: no order, no average order. */
export function memberSimpleFormula(
  summary: SpendSummary,
  brand: BrandFactors,
  coefficients: FormulaCoefficients,
  marginRate: number,
): MemberSimpleFormula | null {
  if (summary.purchaseDays <= 0) return null;
  const factors = memberSimpleFactors(summary, brand, coefficients);
  const value = simpleFormulaValue({
    averageOrderValue: factors.averageOrderValueMinor,
    ordersPerYear: factors.ordersPerYear,
    remainingLifespanYears: factors.remainingLifespanYears,
    margin: marginRate,
    annualDiscountRate: coefficients.annualDiscountRate,
  });
  return {
    averageOrderValueMinor: roundMinor(factors.averageOrderValueMinor),
    ordersPerYear: factors.ordersPerYear,
    relationshipYears: factors.remainingLifespanYears,
    relationshipBasis: brand.lifespanBasis,
    marginRate,
    revenueMinor: roundMinor(
      factors.averageOrderValueMinor * factors.ordersPerYear * factors.remainingLifespanYears,
    ),
    valueMinor: roundMinor(Math.max(0, value)),
  };
}

/** The margin the brand's revenue carries: per-category margins weighted by what was bought. */
function pooledMarginRate(summaries: readonly SpendSummary[], fallback: number): number {
  let netMinor = 0;
  let marginMinor = 0;
  for (const summary of summaries) {
    if (summary.purchaseDays <= 0 || summary.totalNetMinor <= 0) continue;
    netMinor += summary.totalNetMinor;
    marginMinor += summary.realizedMarginMinor;
  }
  return netMinor > 0 ? marginMinor / netMinor : fallback;
}
