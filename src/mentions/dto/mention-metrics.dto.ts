import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable';

/** The largest counter accepted: every sum of counters stays a safe integer. */
export const MAX_COUNTER = 1_000_000_000_000;

/**
 * The fields PATCH may change. The counters change over time, so a later POST with other
 * counters is an update; sentiment changes only through PATCH.
 */
export class MentionMetricsDto {
  @ApiPropertyOptional({ description: 'Impressions; a non-negative integer.', example: 12000 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTER)
  reach?: number;

  @ApiPropertyOptional({ example: 340 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTER)
  likes?: number;

  @ApiPropertyOptional({ example: 12 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTER)
  shares?: number;

  @ApiPropertyOptional({ example: 25 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTER)
  comments?: number;

  @ApiPropertyOptional({ description: 'Link clicks.', example: 80 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTER)
  clicks?: number;

  @ApiPropertyOptional({
    description: 'From −1 (negative) to 1 (positive); in PATCH, null removes it.',
    example: 0.6,
    minimum: -1,
    maximum: 1,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1)
  @Max(1)
  // Declared as number (not number | null) so that CSV imports read the cell as a number.
  sentiment?: number;
}

export const COUNTER_FIELDS = ['reach', 'likes', 'shares', 'comments', 'clicks'] as const;
export type CounterField = (typeof COUNTER_FIELDS)[number];
