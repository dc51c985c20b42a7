import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsOccurrenceInstant } from '../../common/validation/decorators';
import { ReferralMutableFieldsDto } from './referral-fields';

/**
 * A referral. The referrer is named by referrerId, referrerExternalId, referrerEmail or its
 * code; the referee by refereeId, refereeExternalId, or refereeEmail (which may be no member yet).
 */
export class CreateReferralDto extends ReferralMutableFieldsDto {
  @ApiPropertyOptional({
    description:
      'Your id for the referral: the idempotency key. Without it the key is (referrer, referee).',
    example: 'ref-2026-0042',
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  externalId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The referrer (a member).' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  referrerId?: string;

  @ApiPropertyOptional({ example: 'crm-10042', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  referrerExternalId?: string;

  @ApiPropertyOptional({ example: 'ada@example.com', maxLength: 320 })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  referrerEmail?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The referee, when already a member.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  refereeId?: string;

  @ApiPropertyOptional({ example: 'crm-20077', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  refereeExternalId?: string;

  @ApiPropertyOptional({
    description:
      "The referee's email; when no member has it yet, the referral waits and links when one signs up.",
    example: 'grace@example.org',
    maxLength: 320,
  })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  refereeEmail?: string;

  @ApiPropertyOptional({
    description:
      "The referrer's referral code (the default); alone, it also names the referrer. Case-insensitive.",
    example: 'ADA-7K3P9Q',
    maxLength: 32,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(32)
  code?: string;

  @ApiPropertyOptional({
    description: 'The referral date; now when left out. At most a day ahead.',
    example: '2026-02-01T10:00:00Z',
  })
  @IsOptional()
  @IsOccurrenceInstant()
  invitedAt?: string;
}
