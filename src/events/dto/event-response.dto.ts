import { ApiProperty } from '@nestjs/swagger';
import { formatAmount } from '../../common/money/money';
import { CommunityEvent, EVENT_KINDS } from '../event.entity';
import { PageOf } from '../../common/pagination/page-of.dto';
import { responseFields } from '../../common/http/response-fields';

export class EventResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ nullable: true, type: String, example: 'meetup-2026-12-berlin' })
  externalId!: string | null;
  @ApiProperty({ example: 'Berlin trail runners meetup' }) name!: string;
  @ApiProperty({ enum: EVENT_KINDS, example: 'in-person' }) kind!: string;
  @ApiProperty({ example: '2026-12-05T17:00:00.000Z' }) startsAt!: string;
  @ApiProperty({ nullable: true, type: String, example: '2026-12-05T20:00:00.000Z' })
  endsAt!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Tempelhofer Feld, Berlin' })
  location!: string | null;
  @ApiProperty({ example: '850.00', description: 'As sent, in `currency`.' }) cost!: string;
  @ApiProperty({ example: 'USD' }) currency!: string;
  @ApiProperty({ example: '782.00', description: 'Converted to the base currency at write time.' })
  baseCost!: string;
  @ApiProperty({ example: 'EUR' }) baseCurrency!: string;
  @ApiProperty({ example: '0.92', description: 'Base units per one unit of `currency`.' })
  rate!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ example: '2026-11-23T10:00:00.000Z' }) updatedAt!: string;

  static from(event: CommunityEvent, baseCurrency: string): EventResponseDto {
    return {
      ...responseFields(
        event,
        ['id', 'externalId', 'name', 'kind', 'location', 'currency', 'rate'],
        ['startsAt', 'endsAt', 'createdAt', 'updatedAt'],
      ),
      cost: formatAmount(event.costMinor, event.currency),
      baseCost: formatAmount(event.baseCostMinor, baseCurrency),
      baseCurrency,
    };
  }
}

export class EventListDto extends PageOf(EventResponseDto) {}
