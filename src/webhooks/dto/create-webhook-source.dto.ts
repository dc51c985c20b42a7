import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { SOURCE_KINDS, SourceKind } from '../webhook-source.entity';

export class CreateWebhookSourceDto {
  @ApiProperty({ enum: SOURCE_KINDS, example: 'shopify' })
  @IsIn(SOURCE_KINDS)
  kind!: SourceKind;

  @ApiProperty({ example: 'Main Shopify store', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({
    description:
      "Shopify and WooCommerce: the secret the shop generated (Shopify's app or webhook secret, WooCommerce's webhook secret); required. Generic sources get one generated and shown once.",
    example: 'shpss_0123456789abcdef',
  })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  secret?: string;
}
