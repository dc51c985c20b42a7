import { ValidateIf } from 'class-validator';

/**
 * An optional field that may be left out but not sent as null (unlike @IsOptional), for
 * fields that cannot be emptied, such as counters.
 */
export const IsOmittable = (): PropertyDecorator =>
  ValidateIf((_object, value) => value !== undefined);
