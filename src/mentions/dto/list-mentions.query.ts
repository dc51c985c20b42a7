import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsIsoInstant } from '../../common/validation/decorators';
import { MAX_COUNTER } from './mention-metrics.dto';

export class ListMentionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Mentions linked to this member.' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  memberId?: string;

  @ApiPropertyOptional({ example: 'instagram' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  platform?: string;

  @ApiPropertyOptional({ example: 'ada', description: 'Ignoring case and a leading @.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  handle?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'true: only mentions whose handle names no member yet; false: only linked ones.',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  unlinked?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'postedAt at or after (inclusive).', example: '2026-01-01' })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'postedAt before (exclusive).', example: '2027-01-01' })
  @IsOptional()
  @IsIsoInstant()
  to?: string;

  @ApiPropertyOptional({ description: 'Reach at least this.', example: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTER)
  minReach?: number;
}
