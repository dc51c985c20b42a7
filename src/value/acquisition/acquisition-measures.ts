import { BrandFactors, brandFactors, memberSimpleFactors } from '../engine/simple-factors';
import { Coefficients, SpendSummary } from '../engine/value-types';

export type FactorCoefficients = Pick<
  Coefficients,
  'credibilityDays' | 'lapseDays' | 'remainingLifespanYears'
>;

/**
 * The seeds' measures of a group of acquired members, from their purchases to now, through
 * the simple formula's factors (src/value/engine/simple-factors.ts).
 */
export interface PurchaseMeasures {
  /** Members of the group with at least one purchase day. */
  customers: number;
  /** Net revenue (orders − refunds) per customer, exact; null without customers. */
  revenuePerCustomerMinor: number | null;
  /** Net revenue per purchase day (same-day orders are one), exact; null without customers. */
  averageOrderValueMinor: number | null;
  /**
   * Mean of the customers' repeat purchase days a year, each credibility-weighted toward the
   * brand's rate; null without customers.
   */
  ordersPerYear: number | null;
  /**
   * Mean days from first to last purchase, lapsed customers' relationships ended and active
   * ones' still running (Kaplan–Meier, brandFactors): the group's own once it has enough lapsed
   * customers, else the brand's, else unknown (null).
   */
  averageRelationshipDays: number | null;
  relationshipBasis: 'channel' | 'brand' | null;
  /** The group's customers with no purchase for lapseDays. */
  lapsedCustomers: number;
}

export function purchaseMeasures(
  summaries: readonly SpendSummary[],
  brand: BrandFactors,
  coefficients: FactorCoefficients,
): PurchaseMeasures {
  const customers = summaries.filter((summary) => summary.purchaseDays > 0);
  const group = brandFactors(customers, coefficients);
  const relationship =
    group.meanRelationshipDays !== null
      ? {
          averageRelationshipDays: group.meanRelationshipDays,
          relationshipBasis: 'channel' as const,
        }
      : brand.meanRelationshipDays !== null
        ? {
            averageRelationshipDays: brand.meanRelationshipDays,
            relationshipBasis: 'brand' as const,
          }
        : { averageRelationshipDays: null, relationshipBasis: null };
  if (customers.length === 0)
    return {
      customers: 0,
      revenuePerCustomerMinor: null,
      averageOrderValueMinor: null,
      ordersPerYear: null,
      ...relationship,
      lapsedCustomers: 0,
    };
  const revenueMinor = customers.reduce((total, summary) => total + summary.totalNetMinor, 0);
  const ordersPerYear = customers.reduce(
    (total, summary) => total + memberSimpleFactors(summary, brand, coefficients).ordersPerYear,
    0,
  );
  return {
    customers: customers.length,
    revenuePerCustomerMinor: revenueMinor / customers.length,
    averageOrderValueMinor: group.averageOrderValueMinor,
    ordersPerYear: ordersPerYear / customers.length,
    ...relationship,
    lapsedCustomers: group.lapsedCustomers,
  };
}
