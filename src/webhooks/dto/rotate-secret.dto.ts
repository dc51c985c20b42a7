import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

export class RotateSecretDto {
  @ApiPropertyOptional({
    description:
      'Shopify and WooCommerce sources: the new secret from the shop (required). Generic sources and subscriptions: leave out, a new one is generated and shown once.',
    example: 'shpss_fedcba9876543210',
  })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  secret?: string;
}
