import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoInstant } from '../../../common/validation/decorators';

/** A metrics window: from inclusive, to exclusive, UTC; the last 12 months by default. */
export class AcquisitionMetricsQuery {
  @ApiPropertyOptional({
    description: 'Start of the window, inclusive; default 12 months before `to`.',
    example: '2026-01-01',
  })
  @IsOptional()
  @IsIsoInstant()
  from?: string;

  @ApiPropertyOptional({
    description: 'End of the window, exclusive; after from. Default: the start of tomorrow (UTC).',
    example: '2026-04-01',
  })
  @IsOptional()
  @IsIsoInstant()
  to?: string;
}
