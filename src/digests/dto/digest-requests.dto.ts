import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsIsoInstant } from '../../common/validation/decorators';

export const PREVIEW_FORMATS = ['html', 'text'] as const;

export class PreviewQuery {
  @ApiPropertyOptional({ enum: PREVIEW_FORMATS, default: 'html', example: 'text' })
  @IsOptional()
  @IsIn(PREVIEW_FORMATS)
  format?: (typeof PREVIEW_FORMATS)[number];

  @ApiPropertyOptional({
    example: '2026-11-23T12:00:00Z',
    description: 'Render the period last completed at this instant (default now).',
  })
  @IsOptional()
  @IsIsoInstant()
  at?: string;
}

export class SendDigestDto {
  @ApiPropertyOptional({
    example: false,
    default: false,
    description: 'Send again even when the period was already sent (a new claim of its own).',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({
    example: '2026-11-23T12:00:00Z',
    description: 'Send the period last completed at this instant (default now).',
  })
  @IsOptional()
  @IsIsoInstant()
  at?: string;
}
