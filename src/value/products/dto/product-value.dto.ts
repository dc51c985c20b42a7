import { ApiProperty } from '@nestjs/swagger';
import { formatAmount } from '../../../common/money/money';
import {
  PRODUCT_GROUPINGS,
  ProductGroup,
  ProductGroupFigures,
  ProductGrouping,
  RETENTION_DAYS,
} from '../first-product-groups';
import { PRODUCT_SORTS, ProductSort } from '../product-group-order';
import { ProductValueReport } from '../product-value.service';

/** The name the API gives first orders that named no product (or no category). */
export const UNKNOWN_GROUP = '(unknown)';

const moneyOrNull = (minor: number | null, currency: string) =>
  minor === null ? null : formatAmount(minor, currency);

/** Count, mean values and retention of a set of customers. */
export class ProductValueFiguresDto {
  @ApiProperty({ example: 120, description: 'Customers whose first order falls in the group.' })
  customers!: number;

  @ApiProperty({
    example: 112,
    description:
      'Customers whose current value is in the means: those with a value snapshot who do not object to profiling.',
  })
  valuedCustomers!: number;

  @ApiProperty({
    example: 6,
    description:
      'Customers with no value snapshot yet (they bought after the last recompute): counted, left out of the means.',
  })
  customersWithoutValue!: number;

  @ApiProperty({
    example: 2,
    description:
      'Customers who object to profiling: counted and in retention, their value withheld from the means.',
  })
  withheldCustomers!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '84.20',
    description:
      'Mean spend value (margin realized + predicted) of the valued customers; null when none is valued.',
  })
  meanSpendValue!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '131.75',
    description:
      'Mean extended value (spend + referral + influence + knowledge) of the valued customers.',
  })
  meanExtendedValue!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '47.55',
    description: 'Mean advocacy value (referral + influence + knowledge) of the valued customers.',
  })
  meanAdvocacyValue!: string | null;

  @ApiProperty({
    example: 90,
    description: `Customers whose first order lies at least ${RETENTION_DAYS} days before asOf: the retention's denominator.`,
  })
  retentionEligible!: number;

  @ApiProperty({
    example: 36,
    description: `Eligible customers with another order within ${RETENTION_DAYS} days after their first (the boundary included).`,
  })
  retainedCustomers!: number;

  @ApiProperty({
    example: 30,
    description: `Customers whose first order is less than ${RETENTION_DAYS} days old: too young to show retention, left out of it.`,
  })
  youngCustomers!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.4,
    description: 'retainedCustomers / retentionEligible, 4 decimals; null when nobody is eligible.',
  })
  retention!: number | null;

  static from(figures: ProductGroupFigures, currency: string): ProductValueFiguresDto {
    return {
      customers: figures.customers,
      valuedCustomers: figures.valuedCustomers,
      customersWithoutValue: figures.customersWithoutValue,
      withheldCustomers: figures.withheldCustomers,
      meanSpendValue: moneyOrNull(figures.meanSpendMinor, currency),
      meanExtendedValue: moneyOrNull(figures.meanExtendedMinor, currency),
      meanAdvocacyValue: moneyOrNull(figures.meanAdvocacyMinor, currency),
      retentionEligible: figures.retentionEligible,
      retainedCustomers: figures.retained,
      youngCustomers: figures.young,
      retention: figures.retention,
    };
  }
}

export class ProductValueGroupDto extends ProductValueFiguresDto {
  @ApiProperty({
    example: 'Trail shoes',
    description: `The product (or category) of the group's first orders; "${UNKNOWN_GROUP}" for first orders that named none.`,
  })
  name!: string;

  @ApiProperty({
    example: true,
    description: 'False for the group of first orders that named no product (or category).',
  })
  known!: boolean;

  static fromGroup(group: ProductGroup, currency: string): ProductValueGroupDto {
    return {
      name: group.key ?? UNKNOWN_GROUP,
      known: group.key !== null,
      ...ProductValueFiguresDto.from(group, currency),
    };
  }
}

export class ProductValueDto {
  @ApiProperty({ enum: PRODUCT_GROUPINGS, example: 'product' }) by!: ProductGrouping;
  @ApiProperty({ enum: PRODUCT_SORTS, example: 'extendedValue' }) sort!: ProductSort;

  @ApiProperty({
    example: '2026-04-01T09:30:00.000Z',
    description: 'Orders up to this instant count (the time of the request).',
  })
  asOf!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-04-01',
    description:
      "The latest asOf date of the value snapshots read (each member's current one); null when no customer has a value yet.",
  })
  valuesAsOf!: string | null;

  @ApiProperty({ example: 'EUR', description: 'The base currency of every amount.' })
  currency!: string;

  @ApiProperty({ example: RETENTION_DAYS, description: 'The retention window in days.' })
  retentionDays!: number;

  @ApiProperty({ type: [ProductValueGroupDto] }) groups!: ProductValueGroupDto[];

  @ApiProperty({
    type: ProductValueFiguresDto,
    description: 'All customers together: the brand average to compare each group with.',
  })
  overall!: ProductValueFiguresDto;

  static from(report: ProductValueReport): ProductValueDto {
    return {
      by: report.by,
      sort: report.sort,
      asOf: new Date(report.asOf).toISOString(),
      valuesAsOf: report.valuesAsOf,
      currency: report.currency,
      retentionDays: RETENTION_DAYS,
      groups: report.groups.map((group) => ProductValueGroupDto.fromGroup(group, report.currency)),
      overall: ProductValueFiguresDto.from(report.overall, report.currency),
    };
  }
}
