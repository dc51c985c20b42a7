import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { IsIsoInstant } from '../../../common/validation/decorators';

/** A metrics period: from inclusive, to exclusive, UTC. */
export class AcquisitionMetricsQuery {
  @ApiProperty({ description: 'Start of the period, inclusive.', example: '2026-01-01' })
  @IsDefined({ message: 'is required' })
  @IsIsoInstant()
  from!: string;

  @ApiProperty({ description: 'End of the period, exclusive; after from.', example: '2026-04-01' })
  @IsDefined({ message: 'is required' })
  @IsIsoInstant()
  to!: string;
}
