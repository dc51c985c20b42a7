import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const DEFAULT_TREE_DEPTH = 3;
export const MAX_TREE_DEPTH = 5;

export class ReferralTreeQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_TREE_DEPTH,
    description: `Levels of referees below the member (1–${MAX_TREE_DEPTH}).`,
    default: DEFAULT_TREE_DEPTH,
    example: DEFAULT_TREE_DEPTH,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TREE_DEPTH)
  depth?: number;
}
