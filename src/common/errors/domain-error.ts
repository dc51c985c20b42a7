import { CommonErrorCode } from './common-error-code';

export interface ErrorDetail {
  field: string;
  reason: string;
  code: string;
}

export type ErrorKind =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'too_large'
  | 'unsupported_media_type';

/**
 * What services throw. The kind decides the HTTP status (only the exception filter knows
 * that mapping); the code is stable for clients; details name fields and reasons.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
  }
}

export function invalidField(field: string, reason: string, code = 'invalid'): DomainError {
  return new DomainError('invalid', CommonErrorCode.VALIDATION_FAILED, `${field} ${reason}`, [
    { field, reason, code },
  ]);
}

/** A module's `X_NOT_FOUND` code; the message names `x` (`API_KEY_NOT_FOUND`: "api key"). */
export function notFound(code: `${string}_NOT_FOUND`, field: string, value: string): DomainError {
  const what = spokenName(code.slice(0, -'_NOT_FOUND'.length));
  return new DomainError('not_found', code, `${what} ${value} does not exist`, [
    { field, reason: `no ${what} with this value`, code: 'notFound' },
  ]);
}

/** A module's `UNKNOWN_X` code, for a reference in the input to an `x` that does not exist. */
export function unknownReference(
  code: `UNKNOWN_${string}`,
  field: string,
  value: string,
): DomainError {
  const what = spokenName(code.slice('UNKNOWN_'.length));
  return new DomainError('unprocessable', code, `${field} names no existing ${what}`, [
    { field, reason: `no ${what} ${value}`, code: 'unknownReference' },
  ]);
}

export function conflict(code: string, message: string, field?: string): DomainError {
  return new DomainError(
    'conflict',
    code,
    message,
    field ? [{ field, reason: message, code }] : [],
  );
}

function spokenName(codePart: string): string {
  return codePart.toLowerCase().replace(/_/g, ' ');
}
