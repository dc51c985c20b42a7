import { ApiProperty } from '@nestjs/swagger';
import { roundMinor } from '../../../common/money/money';
import { PurchaseMeasures } from '../acquisition-measures';
import { moneyOrNull } from './unit-economics.dto';

const exactMoney = (minor: number | null, currency: string) =>
  moneyOrNull(minor === null ? null : roundMinor(minor), currency);
const rounded = (value: number | null, decimals: number) =>
  value === null ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;

/** The seeds' measures of the members acquired in the window, from their purchases to now. */
export class PurchaseMeasuresDto {
  @ApiProperty({ description: 'Acquired members with at least one purchase.', example: 35 })
  customers!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Net revenue (orders − refunds) per customer, to now; null without customers.',
    example: '160.30',
  })
  revenuePerCustomer!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Net revenue per purchase day (same-day orders count as one order).',
    example: '55.20',
  })
  averageOrderValue!: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "Purchase frequency: expected repeat orders a year, the mean of the customers' rates, each weighted toward the brand's rate by how long the customer has been observed (value.simple.credibilityDays). 4 decimals.",
    example: 1.85,
  })
  ordersPerYear!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Average relationship length in days (first to last order), by Kaplan–Meier: a customer who lapsed (no order for value.lapseDays) ended theirs, an active one’s is still running. The channel’s own with at least 50 lapsed customers, else the brand’s; null when neither has enough.',
    example: 540.5,
  })
  averageRelationshipDays!: number | null;

  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['channel', 'brand'],
    description: 'Whose customers averageRelationshipDays is measured on.',
    example: 'brand',
  })
  relationshipBasis!: 'channel' | 'brand' | null;

  @ApiProperty({ description: 'Customers with no order for value.lapseDays.', example: 4 })
  lapsedCustomers!: number;

  static from(measures: PurchaseMeasures, currency: string): PurchaseMeasuresDto {
    return {
      customers: measures.customers,
      revenuePerCustomer: exactMoney(measures.revenuePerCustomerMinor, currency),
      averageOrderValue: exactMoney(measures.averageOrderValueMinor, currency),
      ordersPerYear: rounded(measures.ordersPerYear, 4),
      averageRelationshipDays: rounded(measures.averageRelationshipDays, 1),
      relationshipBasis: measures.relationshipBasis,
      lapsedCustomers: measures.lapsedCustomers,
    };
  }
}
