import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class UpdateWebhookSourceDto {
  @ApiPropertyOptional({ example: 'Main Shopify store', maxLength: 200 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({
    description: 'false disables the source: its deliveries are refused with 403.',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
