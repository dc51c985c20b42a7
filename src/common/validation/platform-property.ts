import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** A platform name as identities and mentions carry it: a lower-case name of up to 32 characters. */
export function PlatformProperty(): PropertyDecorator {
  // Bottom-up, the order stacked decorators apply in, so that validation details keep their order.
  return applyDecorators(
    MaxLength(32),
    Matches(/^[a-z0-9][a-z0-9_.-]*$/i, { message: 'must be letters, digits, _ . or -' }),
    IsString(),
    ApiProperty({ example: 'instagram', description: 'Lower-case platform name.', maxLength: 32 }),
  );
}
