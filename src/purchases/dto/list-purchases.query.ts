import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsIsoInstant } from '../../common/validation/decorators';

export class ListPurchasesQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  memberId?: string;

  @ApiPropertyOptional({
    description: 'occurredAt at or after (inclusive).',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({ description: 'occurredAt before (exclusive).', example: '2027-01-01' })
  @IsOptional()
  @IsIsoInstant()
  to?: string;

  @ApiPropertyOptional({ enum: ['order', 'refund'] })
  @IsOptional()
  @IsIn(['order', 'refund'])
  kind?: 'order' | 'refund';
}
