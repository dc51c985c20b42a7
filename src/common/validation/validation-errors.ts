import { ValidationError } from 'class-validator';
import { CommonErrorCode } from '../errors/common-error-code';
import { DomainError, ErrorDetail } from '../errors/domain-error';

/** The 400 of input that does not fit, naming each field once in the message. */
export function validationFailed(details: ErrorDetail[]): DomainError {
  const fields = [...new Set(details.map((detail) => detail.field))].join(', ');
  return new DomainError(
    'invalid',
    CommonErrorCode.VALIDATION_FAILED,
    `invalid input: ${fields}`,
    details,
  );
}

/** Flattens class-validator's tree into one detail per field and broken rule. */
export function toErrorDetails(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'unknownField' : code,
      reason:
        code === 'whitelistValidation'
          ? 'is not a known field'
          : stripProperty(message, error.property),
    }));
    return [...own, ...toErrorDetails(error.children ?? [], field)];
  });
}

function stripProperty(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}
