import { ApiProperty } from '@nestjs/swagger';
import { CADENCES, Cadence } from '../schedule/digest-schedule';
import { SubscriptionFieldsDto } from './subscription-fields.dto';

/** recipients, cadence and timezone are required; the rest have defaults. */
export class CreateSubscriptionDto extends SubscriptionFieldsDto {
  @ApiProperty({ type: [String], example: ['community@example.com'] })
  declare recipients?: string[];

  @ApiProperty({ enum: CADENCES, example: 'weekly' })
  declare cadence?: Cadence;

  @ApiProperty({ example: 'Europe/Rome', description: 'IANA time zone.' })
  declare timezone?: string;
}
