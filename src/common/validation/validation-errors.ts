import { ValidationError } from 'class-validator';
import { ErrorDetail } from '../errors/domain-error';

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
