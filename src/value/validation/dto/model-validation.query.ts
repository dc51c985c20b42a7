import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoInstant, IsOccurrenceInstant } from '../../../common/validation/decorators';

/** Both dates are optional: by default the holdout is the last 180 days up to now. */
export class ModelValidationQuery {
  @ApiPropertyOptional({
    description:
      'End of the calibration period: the model is fitted on data with occurredAt <= asOf. A date alone is 00:00 UTC. Default: `value.validationHoldoutDays` (180) days before `until`.',
    example: '1997-09-30',
  })
  @IsOptional()
  @IsIsoInstant()
  asOf?: string;

  @ApiPropertyOptional({
    description:
      'End of the holdout period (asOf, until]; after asOf and not more than a day in the future. Default: now.',
    example: '1998-06-30',
  })
  @IsOptional()
  @IsOccurrenceInstant()
  until?: string;
}
