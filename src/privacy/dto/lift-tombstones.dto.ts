import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ExternalIdProperty } from '../../common/validation/external-id-property';
import { PlatformProperty } from '../../common/validation/platform-property';

export class TombstoneHandleDto {
  @PlatformProperty()
  platform!: string;

  @ApiProperty({ example: '@ada', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  handle!: string;
}

/**
 * The identifiers of a person who consented again: tombstones hold keyed hashes only, so a
 * tombstone is found by presenting what it was made of. At least one identifier.
 */
export class LiftTombstonesDto {
  @ApiPropertyOptional({ example: 'ada@example.com', maxLength: 320 })
  @IsOptional()
  @IsEmail({}, { message: 'must be an email address' })
  @MaxLength(320)
  email?: string;

  @ExternalIdProperty('The externalId the person had.', 'crm-10042')
  externalId?: string;

  @ApiPropertyOptional({ type: [TombstoneHandleDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => TombstoneHandleDto)
  handles?: TombstoneHandleDto[];

  @ApiProperty({
    description:
      'Why the tombstone is lifted (e.g. "signed up again on 2026-12-01, consent ref 4411"); for the audit log, without personal data.',
    maxLength: 500,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class LiftedTombstoneDto {
  @ApiProperty({ enum: ['email', 'handle', 'externalId'] })
  kind!: string;

  @ApiProperty({ description: 'Whether a tombstone of this identifier existed and was lifted.' })
  lifted!: boolean;
}

export class LiftTombstonesResultDto {
  @ApiProperty({ description: 'How many tombstones were lifted.' })
  lifted!: number;

  @ApiProperty({ type: [LiftedTombstoneDto], description: 'Per identifier presented, in order.' })
  identifiers!: LiftedTombstoneDto[];

  @ApiProperty()
  reason!: string;
}

export class TombstoneCountsDto {
  @ApiProperty({ example: 12 })
  total!: number;

  @ApiProperty({ example: { email: 5, handle: 4, externalId: 3 } })
  byKind!: Record<string, number>;

  @ApiProperty({ description: 'Erased members the tombstones came from.', example: 5 })
  members!: number;
}
