import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '../../common/validation/is-omittable';
import { MAX_COUNTER } from '../../mentions/dto/mention-metrics.dto';
import { MAX_BODY_LENGTH } from './create-review.dto';

/** What a review may change after it was stored; a field left out keeps its value. */
export class UpdateReviewDto {
  @ApiPropertyOptional({ example: 4, minimum: 1, maximum: 5 })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(5)
  rating?: number;

  @ApiPropertyOptional({
    example: 'Still great after a year',
    maxLength: 300,
    nullable: true,
    type: String,
    description: 'null removes it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  title?: string | null;

  @ApiPropertyOptional({
    example: 'Edited: the sole wore out after <i>800 km</i>.',
    maxLength: MAX_BODY_LENGTH,
    nullable: true,
    type: String,
    description: 'Stored literally; null removes it.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_BODY_LENGTH)
  body?: string | null;

  @ApiPropertyOptional({ example: 1500 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTER)
  views?: number;

  @ApiPropertyOptional({ example: 20 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNTER)
  helpfulVotes?: number;
}
