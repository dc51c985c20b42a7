import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';
import { IsIsoInstant } from '../../common/validation/decorators';
import { DELIVERY_STATUSES, DeliveryStatus } from '../digest-delivery.entity';

/** Newest first unless order=asc. */
export class ListDeliveriesQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', example: '5f0c2a9e-1b2c-4d3e-8f40-0123456789ab' })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  subscriptionId?: string;

  @ApiPropertyOptional({ enum: DELIVERY_STATUSES, example: 'failed-permanent' })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ example: 'community@example.com', description: 'Ignoring case.' })
  @IsOptional()
  @IsString()
  @MaxLength(320)
  recipient?: string;

  @ApiPropertyOptional({
    example: '2026-11-01',
    description: 'Periods ending at or after this instant (inclusive).',
  })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({
    example: '2026-12-01',
    description: 'Periods ending before this instant (exclusive).',
  })
  @IsOptional()
  @IsIsoInstant()
  to?: string;
}
