import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsDecimalAmount, IsIsoInstant } from '../../common/validation/decorators';
import { IsCurrency } from '../../common/validation/is-currency';

export class CreateCampaignDto {
  @ApiPropertyOptional({
    description: 'Your id for the campaign; unique, the idempotency key.',
    example: 'spring-2026-search',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  externalId?: string;

  @ApiProperty({ example: 'Spring search ads', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    example: 'paid-search',
    description: 'The acquisition channel members of this campaign carry.',
    maxLength: 64,
  })
  @IsString()
  @Matches(/^[a-z0-9][a-z0-9_.-]*$/i, { message: 'must be letters, digits, _ . or -' })
  @MaxLength(64)
  channel!: string;

  @ApiProperty({ example: '12000.00', description: 'Total acquisition spend.' })
  @IsDecimalAmount()
  spend!: string | number;

  @ApiProperty({ example: 'EUR' })
  @IsCurrency()
  currency!: string;

  @ApiProperty({ example: '2026-03-01', description: 'May lie in the future.' })
  @IsIsoInstant()
  startsAt!: string;

  @ApiProperty({ example: '2026-05-31' })
  @IsIsoInstant()
  endsAt!: string;

  @ApiProperty({ example: 40000, description: 'Prospects reached.' })
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  prospects!: number;
}
