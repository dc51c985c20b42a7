import { ApiProperty } from '@nestjs/swagger';
import { IsDefined } from 'class-validator';
import { IsIsoInstant, IsOccurrenceInstant } from '../../../common/validation/decorators';

export class ModelValidationQuery {
  @ApiProperty({
    description:
      'End of the calibration period: the model is fitted on data with occurredAt <= asOf. A date alone is 00:00 UTC.',
    example: '1997-09-30',
  })
  @IsDefined({ message: 'is required' })
  @IsIsoInstant()
  asOf!: string;

  @ApiProperty({
    description:
      'End of the holdout period (asOf, until]; after asOf and not more than a day in the future.',
    example: '1998-06-30',
  })
  @IsDefined({ message: 'is required' })
  @IsOccurrenceInstant()
  until!: string;
}
