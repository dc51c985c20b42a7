import { ApiProperty } from '@nestjs/swagger';
import { ACTIVITY_TYPES } from '../../config/activity-types';

const INTERACTIONS_EXAMPLE = Object.fromEntries(ACTIVITY_TYPES.map((type) => [type, 0]));

export class ReachMeasuresDto {
  @ApiProperty({ example: 42, description: 'Mentions posted in the window.' }) mentions!: number;
  @ApiProperty({ example: 128000, description: 'Their reach (impressions), summed.' })
  totalReach!: number;
  @ApiProperty({ example: 17, description: 'Distinct (platform, handle) mentioning.' })
  uniquePeople!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 0.62,
    description: 'Of mentions with a sentiment, the share above 0.25.',
  })
  positiveShare!: number | null;
}

export class AcquisitionMeasuresDto {
  @ApiProperty({ example: 30, description: 'Customers whose first order fell in the window.' })
  newCustomers!: number;
  @ApiProperty({
    example: 9,
    description:
      'Of those, acquired through the community (each once: referral, else event guest, else content).',
  })
  community!: number;
  @ApiProperty({ example: 5, description: 'Converted referrals.' }) viaReferral!: number;
  @ApiProperty({ example: 2, description: 'Event guests whose first order came after the event.' })
  viaEventGuest!: number;
  @ApiProperty({
    example: 2,
    description: 'First orders attributed to a review, mention or event.',
  })
  viaContent!: number;
}

export class ActivityMeasuresDto {
  @ApiProperty({ example: 120, description: 'Members with any activity or order.' })
  activeMembers!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: INTERACTIONS_EXAMPLE,
    description: 'Activities by type; every type is present.',
  })
  interactions!: Record<string, number>;
}

export class PurchaseMeasuresDto {
  @ApiProperty({ example: 80, description: 'Members with at least one order.' }) customers!: number;
  @ApiProperty({ example: 104 }) orders!: number;
  @ApiProperty({ example: 18, description: 'Customers with at least two orders.' })
  repeatCustomers!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 0.225,
    description: 'repeatCustomers / customers.',
  })
  repeatPurchaseRate!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 1.3 }) ordersPerCustomer!: number | null;
}

/** The four measures; in `change`, each number is the difference to the previous window. */
export class MeasuresDto {
  @ApiProperty({ type: ReachMeasuresDto }) reach!: ReachMeasuresDto;
  @ApiProperty({ type: AcquisitionMeasuresDto }) acquisition!: AcquisitionMeasuresDto;
  @ApiProperty({ type: ActivityMeasuresDto }) activity!: ActivityMeasuresDto;
  @ApiProperty({ type: PurchaseMeasuresDto }) purchases!: PurchaseMeasuresDto;
}

export class MetricsWindowDto {
  @ApiProperty({ example: '2026-03-02T00:00:00.000Z', description: 'Inclusive.' }) start!: string;
  @ApiProperty({ example: '2026-03-09T00:00:00.000Z', description: 'Exclusive.' }) end!: string;
  @ApiProperty({
    example: '2026-02-23T00:00:00.000Z',
    description:
      'The window compared with: for the total the period of equal length before; for an interval the previous day, ISO week or month (a partial one: the same length before).',
  })
  previousStart!: string;
  @ApiProperty({ example: '2026-03-02T00:00:00.000Z' }) previousEnd!: string;
  @ApiProperty({ type: MeasuresDto }) values!: MeasuresDto;
  @ApiProperty({ type: MeasuresDto }) previous!: MeasuresDto;
  @ApiProperty({ type: MeasuresDto, description: 'values − previous; null where either is null.' })
  change!: MeasuresDto;
}

export class CohortMonthDto {
  @ApiProperty({ example: '2026-02' }) month!: string;
  @ApiProperty({ example: 1, description: 'Months after the cohort month.' }) offset!: number;
  @ApiProperty({ example: 4, description: 'Cohort members who ordered in this month.' })
  retained!: number;
  @ApiProperty({ nullable: true, type: Number, example: 0.4 }) share!: number | null;
}

export class CohortDto {
  @ApiProperty({ example: '2026-01', description: 'Month of the first orders.' }) cohort!: string;
  @ApiProperty({ example: 10 }) newCustomers!: number;
  @ApiProperty({ type: [CohortMonthDto] }) months!: CohortMonthDto[];
}

export class CommunityMetricsDto {
  @ApiProperty({ example: '2026-03-01T00:00:00.000Z' }) from!: string;
  @ApiProperty({ example: '2026-04-01T00:00:00.000Z' }) to!: string;
  @ApiProperty({ enum: ['day', 'week', 'month'] }) interval!: string;
  @ApiProperty({ nullable: true, type: String, example: 'vip', description: 'The tag filter.' })
  tag!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'instagram',
    description: 'The platform filter, normalised.',
  })
  platform!: string | null;
  @ApiProperty({ type: MetricsWindowDto, description: 'The whole period.' })
  total!: MetricsWindowDto;
  @ApiProperty({ type: [MetricsWindowDto] }) intervals!: MetricsWindowDto[];
  @ApiProperty({
    type: [CohortDto],
    description: 'Retention of the monthly cohorts of the period’s months.',
  })
  retention!: CohortDto[];
}
