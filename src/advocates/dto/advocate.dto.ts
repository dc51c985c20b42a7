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
  @ApiProperty({ example: '412.82', description: 'spend + referral + influence + knowledge.' })
  extendedValue!: string;
  @ApiProperty({ example: '317.42', description: 'realized + predicted.' }) spend!: string;
  @ApiProperty({ example: '45.00' }) spendRealized!: string;
  @ApiProperty({ example: '272.42' }) spendPredicted!: string;
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
}) {}
