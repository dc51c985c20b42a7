import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoInstant } from '../../common/validation/decorators';
import { ENGAGEMENT_ACTIVITY_TYPES } from '../../config/activity-types';

export class MemberEngagementQuery {
  @ApiPropertyOptional({
    description:
      "Score activities up to this instant; default the asOf of the member's current snapshot (so the score matches the ranking), else now.",
    example: '2026-07-01',
  })
  @IsOptional()
  @IsIsoInstant()
  asOf?: string;
}

export class EngagementActivityDto {
  @ApiProperty({
    enum: ENGAGEMENT_ACTIVITY_TYPES,
    example: 'mention',
    description:
      'A referral earns at sign-up (referral_signed_up, at signedUpAt) and at conversion (referral_converted, at convertedAt), a flagged one only once approved; invitations, rejected and voided referrals earn nothing.',
  })
  type!: string;
  @ApiProperty({
    example: '3f6c1f0e-7a4b-4a51-9d1e-2b8f4f0c9a11',
    description: 'The record behind it.',
  })
  id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'instagram' }) platform!: string | null;
  @ApiProperty({ example: '2026-06-15T09:00:00.000Z' }) occurredAt!: string;
  @ApiProperty({ example: 16, description: 'Days before asOf.' }) ageDays!: number;
  @ApiProperty({ example: 3 }) weight!: number;
  @ApiProperty({ example: 2.6471, description: 'weight × 0.5^(ageDays / halfLifeDays).' })
  points!: number;
}

export class MemberEngagementDto {
  @ApiProperty({ format: 'uuid' }) memberId!: string;
  @ApiProperty({ example: '2026-07-01T00:00:00.000Z' }) asOf!: string;
  @ApiProperty({ example: 90 }) halfLifeDays!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { purchase: 1, referral_signed_up: 2, referral_converted: 10, review: 5, mention: 3 },
    description:
      'Weights per activity type (a type left out weighs 0), under their current names (the old `referral_invited` weighs the sign-up).',
  })
  weights!: Record<string, number>;
  @ApiProperty({ example: 12.4471, description: 'byPlatform + offPlatform.' }) total!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    example: { instagram: 2.6471, trustpilot: 5, event: 3.8 },
  })
  byPlatform!: Record<string, number>;
  @ApiProperty({ example: 1, description: 'Purchases, referrals and feedback: on no platform.' })
  offPlatform!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: '2026-06-15T09:00:00.000Z',
    description: 'The latest activity at or before asOf, whatever its weight (not an invitation).',
  })
  lastActivityAt!: string | null;
  @ApiProperty({
    example: 5,
    description: 'Activities up to asOf, weighted or not (invitations are not activity).',
  })
  activityCount!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'Advocate',
    description: 'Tier of the latest snapshot at or before asOf.',
  })
  tier!: string | null;
  @ApiProperty({
    type: [EngagementActivityDto],
    description: 'Every activity that earned points, most points first.',
  })
  activities!: EngagementActivityDto[];
}
