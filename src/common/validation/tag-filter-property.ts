import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The optional `tag` filter of a member listing. */
export function TagFilterProperty(): PropertyDecorator {
  // Bottom-up, the order stacked decorators apply in, so that validation details keep their order.
  return applyDecorators(
    MaxLength(64),
    IsString(),
    IsOptional(),
    ApiPropertyOptional({ description: 'Only members with this tag.', example: 'vip' }),
  );
}
