import { ApiProperty } from '@nestjs/swagger';

/** As configured; null where the tier sets no such threshold. */
export class TierThresholdsDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: '500.00',
    description: 'Advocacy value (referral + influence + knowledge), at least: the main threshold.',
  })
  minAdvocacyValue!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '500.00' }) minExtendedValue!:
    string | null;
  @ApiProperty({ nullable: true, type: String, example: '50.00' }) minInfluence!: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 25 }) minEngagement!: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    example: 90,
    description: 'Days since the last activity, at most.',
  })
  maxRecencyDays!: number | null;
}

export class TierCountDto {
  @ApiProperty({ example: 'Champion' }) name!: string;
  @ApiProperty({ example: 1, description: '1 is the top tier; tiers are tried in this order.' })
  rank!: number;
  @ApiProperty({ example: 42, description: 'Members in the tier in the current snapshots.' })
  count!: number;
  @ApiProperty({ type: TierThresholdsDto }) thresholds!: TierThresholdsDto;
}

export class TierListDto {
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-07-01T02:00:00.000Z',
    description: 'asOf of the current snapshots; null before the first recompute.',
  })
  asOf!: string | null;
  @ApiProperty({ type: [TierCountDto] }) items!: TierCountDto[];
  @ApiProperty({ nullable: true, type: String, example: null }) nextCursor!: string | null;
  @ApiProperty({ example: 4, description: 'Tiers configured.' }) total!: number;
  @ApiProperty({ example: 3, description: 'Members in no tier (no threshold set held).' })
  untiered!: number;
}
