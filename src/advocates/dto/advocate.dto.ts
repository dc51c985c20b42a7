import { ADVOCATE_SORTS, AdvocateSort } from './list-advocates.query';
import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page-of.dto';

export class AdvocateMemberDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'Ada Lovelace' }) name!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'ada@example.com' }) email!: string | null;
  @ApiProperty({ type: [String], example: ['vip'] }) tags!: string[];
  @ApiProperty({ nullable: true, type: String, example: 'referral' })
  acquisitionChannel!: string | null;
}

/** Decimal strings in the base currency, as of the snapshot. */
export class AdvocateComponentsDto {
  @ApiProperty({
    example: '95.40',
    description:
      'referral + influence + knowledge: what the member is worth through others (the default ranking).',
  })
  advocacyValue!: string;
  @ApiProperty({ example: '412.82', description: 'spend + referral + influence + knowledge.' })
  extendedValue!: string;
  @ApiProperty({
    example: '317.42',
    description: 'Spend value: margin (not revenue) realized + predicted.',
  })
  spend!: string;
  @ApiProperty({ example: '45.00', description: 'Margin of the purchases so far.' })
  spendRealized!: string;
  @ApiProperty({
    example: '272.42',
    description: 'Discounted margin expected from future purchases.',
  })
  spendPredicted!: string;
  @ApiProperty({ example: '40.00' }) referral!: string;
  @ApiProperty({
    example: '15.40',
    description: 'measured + modeled (measured only with basis=measured).',
  })
  influence!: string;
  @ApiProperty({ example: '12.00' }) influenceMeasured!: string;
  @ApiProperty({ example: '3.40', description: '"0.00" with basis=measured.' })
  influenceModeled!: string;
  @ApiProperty({ example: '40.00' }) knowledge!: string;
}

/**
 * The snapshot at or before `to` against the one at or before `from`. Null figures: no snapshot
 * to compare with; a member absent from the earlier snapshots counts from zero.
 */
export class AdvocateChangeDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-06-01',
    description: 'asOf date of the earlier snapshot.',
  })
  from!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-07-01',
    description: 'asOf date of the later snapshot.',
  })
  to!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '25.10',
    description: 'Growth of the extended value.',
  })
  extendedValue!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '18.00',
    description: 'Growth of the advocacy value.',
  })
  advocacyValue!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '12.00' }) influence!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 3.5 }) engagement!: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Advocate',
    description: 'Tier at the earlier snapshot.',
  })
  previousTier!: string | null;
}

export class ThresholdViewDto {
  @ApiProperty({
    enum: [
      'minAdvocacyValue',
      'minExtendedValue',
      'minInfluence',
      'minEngagement',
      'maxRecencyDays',
    ],
  })
  threshold!: string;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }],
    example: '100.00',
    description: 'Money as a decimal string in the base currency; engagement and days as numbers.',
  })
  required!: string | number;
  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'number' }],
    nullable: true,
    example: '184.00',
    description: 'The member’s figure; null for recency without any activity.',
  })
  actual!: string | number | null;
}

export class NextTierDto {
  @ApiProperty({ example: 'Champion' }) tier!: string;
  @ApiProperty({ type: [ThresholdViewDto] }) missing!: ThresholdViewDto[];
}

/** Why the member has their tier: the thresholds met, and what the next tier up misses. */
export class TierReasonDto {
  @ApiProperty({ type: [ThresholdViewDto] }) met!: ThresholdViewDto[];
  @ApiProperty({ type: NextTierDto, nullable: true, description: 'null at the top tier.' })
  next!: NextTierDto | null;
  @ApiProperty({
    example:
      'Advocate: advocacy value €184 (at least €100.00), last activity 20 days ago (at most 365 days). Champion needs advocacy value at least €500 (has €184).',
  })
  text!: string;
}

export class AdvocateDto {
  @ApiProperty({ type: AdvocateMemberDto }) member!: AdvocateMemberDto;
  @ApiProperty({
    example: '2026-07-01T02:00:00.000Z',
    description: 'asOf of the current snapshot.',
  })
  asOf!: string;
  @ApiProperty({ example: 'EUR' }) currency!: string;
  @ApiProperty({ type: AdvocateComponentsDto }) components!: AdvocateComponentsDto;
  @ApiProperty({ nullable: true, type: String, example: 'Champion' }) tier!: string | null;
  @ApiProperty({
    type: TierReasonDto,
    nullable: true,
    description: 'null for snapshots stored before tier reasons were.',
  })
  tierReason!: TierReasonDto | null;
  @ApiProperty({
    type: [String],
    example: [
      'Referred 3 customers who have spent €2,400 so far; €1,180 credited',
      '2 reviews on Trustpilot read 18,200 times; €96.40 credited',
    ],
    description: 'Up to three sentences from the largest drivers, in the request’s language.',
  })
  reasons!: string[];
  @ApiProperty({
    example: 27.35,
    description: 'Σ weight × 0.5^(age / half-life), as of the snapshot.',
  })
  engagement!: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 0.0373,
    description: 'influence / extended; null where extended ≤ 0.',
  })
  influenceShare!: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 0.82 }) pAlive!: number | null;
  @ApiProperty({ example: 4, description: 'Orders as of the snapshot.' }) orders!: number;
  @ApiProperty({ nullable: true, type: String, example: '2026-06-20T10:00:00.000Z' })
  lastActivityAt!: string | null;
  @ApiProperty({ type: AdvocateChangeDto }) change!: AdvocateChangeDto;
}

export class AdvocateListDto extends PageOf(AdvocateDto, {
  example: 1240,
  description: 'Members matching the filters.',
}) {
  @ApiProperty({
    enum: ADVOCATE_SORTS,
    example: 'advocacy',
    description:
      "The order of the items: the requested sort, else the segment's own (hidden-gems: advocacy, rising: advocacyGrowth, at-risk and new-ambassadors: extendedValue), else advocacy; a page says the order it shows.",
  })
  sort!: AdvocateSort;
}
