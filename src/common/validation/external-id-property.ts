import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** The client's own id for a record (up to 200 characters, unique): its idempotency key. */
export function ExternalIdProperty(description: string, example: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, example, maxLength: 200 }),
    IsOptional(),
    IsString(),
    MinLength(1),
    MaxLength(200),
  );
}
