import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsIsoInstant } from '../../common/validation/decorators';
import { TagFilterProperty } from '../../common/validation/tag-filter-property';

export const MEMBER_SORTS = ['createdAt', 'name', 'externalId'] as const;

export class ListMembersQuery extends PageQueryDto {
  @TagFilterProperty()
  tag?: string;

  @ApiPropertyOptional({
    description: 'Text search over name, email and externalId (case-insensitive).',
    example: 'ada',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Acquisition channel.', example: 'referral' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  channel?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  campaignId?: string;

  @ApiPropertyOptional({ description: 'Acquired at or after (inclusive).', example: '2025-01-01' })
  @IsOptional()
  @IsIsoInstant()
  acquiredFrom?: string;

  @ApiPropertyOptional({ description: 'Acquired before (exclusive).', example: '2026-01-01' })
  @IsOptional()
  @IsIsoInstant()
  acquiredTo?: string;

  @ApiPropertyOptional({ enum: MEMBER_SORTS, default: 'createdAt' })
  @IsOptional()
  @IsIn(MEMBER_SORTS)
  sort?: (typeof MEMBER_SORTS)[number];
}
