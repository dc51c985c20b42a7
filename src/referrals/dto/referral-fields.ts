import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { IsDecimalAmount, IsOccurrenceInstant } from '../../common/validation/decorators';
import { IsCurrency } from '../../common/validation/is-currency';
import { REFERRAL_STATUSES, ReferralStatus } from '../referral.entity';

/** The fields that may change after a referral is created: PATCH, and a POST sent again. */
export class ReferralMutableFieldsDto {
  @ApiPropertyOptional({
    enum: REFERRAL_STATUSES,
    example: 'signed_up',
    description:
      'invited → signed_up (the referee must be a member) → converted (only by the first order); voided or rejected end it. Each change is dated.',
  })
  @IsOptional()
  @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;

  @ApiPropertyOptional({
    description: 'When the referee signed up; defaults to the time of the change.',
    example: '2026-02-03T09:00:00Z',
  })
  @IsOptional()
  @IsOccurrenceInstant()
  signedUpAt?: string;

  @ApiPropertyOptional({
    description:
      'The reward paid to the referrer, a decimal amount (negative amounts are refused).',
    example: '10.00',
  })
  @IsOptional()
  @IsDecimalAmount()
  rewardCost?: string | number;

  @ApiPropertyOptional({
    description: 'ISO 4217 currency of rewardCost; the base currency when left out.',
    example: 'EUR',
  })
  @IsOptional()
  @IsCurrency()
  rewardCurrency?: string;

  @ApiPropertyOptional({
    description: 'How the invitation travelled: email, link, social, in-person, code, ...',
    example: 'email',
    maxLength: 64,
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_.-]*$/i, { message: 'must be letters, digits, _ . or -' })
  @MaxLength(64)
  channel?: string;
}
