import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsIsoInstant } from '../../common/validation/decorators';
import { EVENT_KINDS, EventKind } from '../event.entity';

export class ListEventsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: EVENT_KINDS })
  @IsOptional()
  @IsIn(EVENT_KINDS)
  kind?: EventKind;

  @ApiPropertyOptional({ description: 'Name contains (case-insensitive).', example: 'meetup' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'startsAt at or after (inclusive).', example: '2026-01-01' })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'startsAt before (exclusive).', example: '2027-01-01' })
  @IsOptional()
  @IsIsoInstant()
  to?: string;
}
