import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { toErrorDetails } from './validation-errors';
import { CommonErrorCode } from '../errors/common-error-code';

const PRIMITIVES: unknown[] = [String, Number, Boolean, Array, Object];

/**
 * The global pipe: whitelist + forbid unknown fields + transform, errors in the house shape,
 * and a clear refusal when a body is not a JSON object where an object belongs.
 */
@Injectable()
export class HaloValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => {
        const details = toErrorDetails(errors);
        const fields = [...new Set(details.map((detail) => detail.field))].join(', ');
        return new DomainError(
          'invalid',
          CommonErrorCode.VALIDATION_FAILED,
          `invalid input: ${fields}`,
          details,
        );
      },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isDto =
      typeof metadata.metatype === 'function' && !PRIMITIVES.includes(metadata.metatype);
    if (
      metadata.type === 'body' &&
      isDto &&
      (typeof value !== 'object' || value === null || Array.isArray(value))
    ) {
      throw new DomainError(
        'invalid',
        CommonErrorCode.VALIDATION_FAILED,
        'the body must be a JSON object',
        [{ field: '(body)', reason: 'must be a JSON object', code: 'isObject' }],
      );
    }
    return super.transform(value, metadata);
  }
}
