import { ApiProperty } from '@nestjs/swagger';
import { formatAmount } from '../../common/money/money';
import { MIN_LAPSED_CUSTOMERS } from '../engine/simple-factors';
import type { BrandSimpleFormula, MemberSimpleFormula } from '../engine/simple-formula';

const RELATIONSHIP_BASIS = {
  enum: ['measured', 'assumed'],
  description: `measured: the brand's mean relationship length (first to last purchase day), by Kaplan–Meier over every customer, lapsed customers' relationships ended, active ones' still running; assumed: value.remainingLifespanYears, while fewer than ${MIN_LAPSED_CUSTOMERS} customers have lapsed.`,
};

const rounded = (number: number) => Math.round(number * 10_000) / 10_000;

/** The seeds' LTV for the brand (GET /model). */
export class BrandSimpleFormulaDto {
  @ApiProperty({ example: 1840, description: 'Customers with at least one purchase.' })
  customers!: number;
  @ApiProperty({
    example: '42.00',
    description: 'Net revenue per purchase day (same-day orders are one), base currency.',
  })
  averageOrderValue!: string;
  @ApiProperty({
    example: 1.3,
    description:
      'Repeat orders (purchase days after the first) per customer per year since their first order: Σ repeat purchase days / Σ days since the first order × 365.25.',
  })
  ordersPerYear!: number;
  @ApiProperty({
    example: 2.1,
    description: 'Relationship length in years: measured, or the configured value (see basis).',
  })
  relationshipYears!: number;
  @ApiProperty(RELATIONSHIP_BASIS)
  relationshipBasis!: 'measured' | 'assumed';
  @ApiProperty({
    example: 212,
    description: `Customers with no purchase for value.lapseDays; the length is measured from ${MIN_LAPSED_CUSTOMERS} on.`,
  })
  lapsedCustomers!: number;
  @ApiProperty({ example: MIN_LAPSED_CUSTOMERS }) minLapsedCustomers!: number;
  @ApiProperty({
    example: 0.3,
    description: 'Margin on the brand’s net revenue (per-category margins weighted by sales).',
  })
  marginRate!: number;
  @ApiProperty({
    example: '114.66',
    description: 'averageOrderValue × ordersPerYear × relationshipYears: revenue, undiscounted.',
  })
  simpleLtv!: string;
  @ApiProperty({
    example: '31.20',
    description:
      'The margin Halo values it at: simpleLtv × marginRate, each month of the relationship discounted at value.annualDiscountRate, as the fallback values a customer starting today.',
  })
  simpleLtvMargin!: string;

  /** Null for runs stored before the formula was kept. */
  static from(
    stored: BrandSimpleFormula | undefined,
    currency: string,
  ): BrandSimpleFormulaDto | null {
    if (!stored) return null;
    return {
      customers: stored.customers,
      averageOrderValue: formatAmount(stored.averageOrderValueMinor, currency),
      ordersPerYear: rounded(stored.ordersPerYear),
      relationshipYears: rounded(stored.relationshipYears),
      relationshipBasis: stored.relationshipBasis,
      lapsedCustomers: stored.lapsedCustomers,
      minLapsedCustomers: MIN_LAPSED_CUSTOMERS,
      marginRate: rounded(stored.marginRate),
      simpleLtv: formatAmount(stored.simpleLtvMinor, currency),
      simpleLtvMargin: formatAmount(stored.simpleLtvMarginMinor, currency),
    };
  }
}

/** One member's simple formula, beside the fitted prediction (GET /members/:id/value). */
export class MemberSimpleFormulaDto {
  @ApiProperty({ example: '42.00', description: 'The member’s net revenue per purchase day.' })
  averageOrderValue!: string;
  @ApiProperty({
    example: 1.3,
    description:
      'Repeat orders a year: 365.25 × (x + k·f̄) / (T + k), the member’s own rate weighted toward the brand’s by how long they have been observed (k = value.simple.credibilityDays).',
  })
  ordersPerYear!: number;
  @ApiProperty({
    example: 2.1,
    description:
      'Years left of the relationship: max(0, the brand’s mean relationship − the member’s time since their first order) when measured, value.remainingLifespanYears when assumed.',
  })
  relationshipYears!: number;
  @ApiProperty(RELATIONSHIP_BASIS)
  relationshipBasis!: 'measured' | 'assumed';
  @ApiProperty({
    example: '114.66',
    description: 'averageOrderValue × ordersPerYear × relationshipYears: future revenue.',
  })
  revenue!: string;
  @ApiProperty({ example: 0.3, description: 'The member’s margin rate, as in the spend value.' })
  marginRate!: number;
  @ApiProperty({
    example: '31.20',
    description:
      'revenue × marginRate, each month discounted at value.annualDiscountRate: the simple formula’s expected future margin, to compare with components.spend.predicted (equal to it when method is simple).',
  })
  value!: string;

  static from(stored: string | null, currency: string): MemberSimpleFormulaDto | null {
    if (!stored) return null;
    const formula = JSON.parse(stored) as MemberSimpleFormula;
    return {
      averageOrderValue: formatAmount(formula.averageOrderValueMinor, currency),
      ordersPerYear: rounded(formula.ordersPerYear),
      relationshipYears: rounded(formula.relationshipYears),
      relationshipBasis: formula.relationshipBasis,
      revenue: formatAmount(formula.revenueMinor, currency),
      marginRate: rounded(formula.marginRate),
      value: formatAmount(formula.valueMinor, currency),
    };
  }
}
