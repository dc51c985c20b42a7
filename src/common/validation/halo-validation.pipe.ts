import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import { ValidationError, ValidatorOptions } from 'class-validator';
import { passesValidation } from './compiled-validator';
import { DomainError } from '../errors/domain-error';
import { CommonErrorCode } from '../errors/common-error-code';
import { inputProblems } from './input-problems';
import { toErrorDetails, validationFailed } from './validation-errors';

const PRIMITIVES: unknown[] = [String, Number, Boolean, Array, Object];

/**
 * The global pipe: whitelist + forbid unknown fields + transform, errors in the house shape,
 * a clear refusal when a body is not a JSON object where an object belongs, and query and
 * path values held to the rules the JSON body parser applies to bodies (no NUL, no lone surrogate).
 */
@Injectable()
export class HaloValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => validationFailed(toErrorDetails(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'query' || metadata.type === 'param') {
      const problems = inputProblems(value, metadata.data ?? '');
      if (problems.length > 0) throw validationFailed(problems);
    }
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

  /**
   * The check compiled once per DTO class first (true only when class-validator would report no
   * error, so nothing differs: with forbidNonWhitelisted class-validator strips nothing), and
   * class-validator itself whenever it says false, for the errors exactly as before.
   */
  protected override validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> | ValidationError[] {
    const passes = passesValidation(object, validatorOptions);
    if (passes === true) return [];
    if (passes === false) return super.validate(object, validatorOptions);
    return passes.then((ok) => (ok ? [] : super.validate(object, validatorOptions)));
  }
}
