import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsDecimalAmount, IsIsoInstant } from '../../common/validation/decorators';
import { IsCurrency } from '../../common/validation/is-currency';
import { EVENT_KINDS, EventKind } from '../event.entity';
import { ExternalIdProperty } from '../../common/validation/external-id-property';

export class CreateEventDto {
  @ExternalIdProperty(
    'Your id for the event; unique, the idempotency key. Without it, (name, startsAt) is.',
    'meetup-2026-12-berlin',
  )
  externalId?: string;

  @ApiProperty({ example: 'Berlin trail runners meetup', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: EVENT_KINDS, example: 'in-person' })
  @IsIn(EVENT_KINDS)
  kind!: EventKind;

  @ApiProperty({
    description: 'ISO 8601 with Z or an offset, or a date; may lie in the future.',
    example: '2026-12-05T18:00:00+01:00',
  })
  @IsIsoInstant()
  startsAt!: string;

  @ApiPropertyOptional({
    description: 'Not before startsAt.',
    example: '2026-12-05T21:00:00+01:00',
  })
  @IsOptional()
  @IsIsoInstant()
  endsAt?: string;

  @ApiPropertyOptional({
    description: 'A place or a url.',
    example: 'Tempelhofer Feld, Berlin',
    maxLength: 500,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  location?: string;

  @ApiPropertyOptional({
    description:
      'What the event cost the brand, a decimal (counts as community acquisition cost). Default 0.',
    example: '850.00',
  })
  @IsOptional()
  @IsDecimalAmount()
  cost?: string | number;

  @ApiPropertyOptional({
    description: 'ISO 4217, required with cost; without cost, the base currency.',
    example: 'EUR',
  })
  @IsOptional()
  @IsCurrency()
  currency?: string;
}

/** Every field but externalId may change; a field left out keeps its value. */
export class UpdateEventDto extends PartialType(
  OmitType(CreateEventDto, ['externalId'] as const),
) {}
