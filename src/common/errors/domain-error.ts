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
  return new DomainError('invalid', 'VALIDATION_FAILED', `${field} ${reason}`, [
    { field, reason, code },
  ]);
}

export function notFound(what: string, field: string, value: string): DomainError {
  return new DomainError(
    'not_found',
    `${what.toUpperCase().replace(/ /g, '_')}_NOT_FOUND`,
    `${what} ${value} does not exist`,
    [{ field, reason: `no ${what} with this value`, code: 'notFound' }],
  );
}

export function unknownReference(what: string, field: string, value: string): DomainError {
  return new DomainError(
    'unprocessable',
    `UNKNOWN_${what.toUpperCase().replace(/ /g, '_')}`,
    `${field} names no existing ${what}`,
    [{ field, reason: `no ${what} ${value}`, code: 'unknownReference' }],
  );
}

export function conflict(code: string, message: string, field?: string): DomainError {
  return new DomainError(
    'conflict',
    code,
    message,
    field ? [{ field, reason: message, code }] : [],
  );
}
