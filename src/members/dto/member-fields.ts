import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsIsoInstant } from '../../common/validation/decorators';
import { ExternalIdProperty } from '../../common/validation/external-id-property';

/** The writable fields of a member, shared by create and update. */
export class MemberFieldsDto {
  @ExternalIdProperty("The shop's or CRM's id; unique.", 'crm-10042')
  externalId?: string;

  @ApiPropertyOptional({
    description:
      'Unique ignoring case. null means none: on update it removes the email (refused when the member has no externalId to be recognised by).',
    example: 'ada@example.com',
    maxLength: 320,
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email?: string | null;

  @ApiPropertyOptional({ example: 'Ada Lovelace', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    description: 'When the member was acquired; when absent, the date of their first order.',
    example: '2025-03-01T00:00:00Z',
  })
  @IsOptional()
  @IsIsoInstant()
  acquiredAt?: string;

  @ApiPropertyOptional({
    description: 'e.g. organic, paid-search, referral, event, community.',
    example: 'referral',
    maxLength: 64,
  })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_.-]*$/i, { message: 'must be letters, digits, _ . or -' })
  @MaxLength(64)
  acquisitionChannel?: string;

  @ApiPropertyOptional({ description: 'The campaign that acquired this member.', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  acquisitionCampaignId?: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['vip', 'berlin'],
    description: 'Up to 50 tags of up to 64 characters.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(64, { each: true })
  tags?: string[];

  @ApiPropertyOptional({
    description:
      'The member objects to profiling: kept out of ranking, segments, exports and digests. Dated when set.',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  profilingObjection?: boolean;
}
