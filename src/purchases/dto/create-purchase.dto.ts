import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsDecimalAmount, IsOccurrenceInstant } from '../../common/validation/decorators';
import { IsCurrency } from '../../common/validation/is-currency';
import { AttributionDto } from './attribution.dto';
import { MemberReference } from '../../members/dto/member-reference.dto';

export class CreatePurchaseDto extends MemberReference(
  'The buyer (or memberExternalId, or memberEmail).',
) {
  @ApiProperty({
    description: 'The order id in the shop; unique, and the idempotency key.',
    example: 'order-1001',
    maxLength: 200,
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  externalId!: string;

  @ApiProperty({
    description: 'Decimal amount, as a string or a JSON number; at most the currency decimals.',
    example: '49.90',
  })
  @IsDecimalAmount()
  amount!: string | number;

  @ApiProperty({ description: 'ISO 4217.', example: 'EUR' })
  @IsCurrency()
  currency!: string;

  @ApiProperty({
    description: 'When it happened: ISO 8601 with Z or an offset, or a date; at most a day ahead.',
    example: '2026-11-20T14:03:00Z',
  })
  @IsOccurrenceInstant()
  occurredAt!: string;

  @ApiPropertyOptional({
    enum: ['order', 'refund'],
    default: 'order',
    description: '`refund` when refundOf is given and kind is not.',
  })
  @IsOptional()
  @IsIn(['order', 'refund'])
  kind?: 'order' | 'refund';

  @ApiPropertyOptional({
    description: 'For a refund: the externalId of the order it refunds.',
    example: 'order-1000',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refundOf?: string;

  @ApiPropertyOptional({ example: 'Trail shoes', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  product?: string;

  @ApiPropertyOptional({
    description: 'Selects a per-category margin when one is configured.',
    example: 'footwear',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  productCategory?: string;

  @ApiPropertyOptional({ type: AttributionDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AttributionDto)
  attribution?: AttributionDto;
}
