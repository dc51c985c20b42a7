import { CommonErrorCode } from '../common/errors/common-error-code';
import { DomainError } from '../common/errors/domain-error';

export function invalidIdempotencyKey(): DomainError {
  return new DomainError(
    'invalid',
    CommonErrorCode.VALIDATION_FAILED,
    'Idempotency-Key must be 1–200 visible ASCII characters',
    [
      {
        field: 'Idempotency-Key',
        reason: 'must be 1–200 visible ASCII characters',
        code: 'invalidHeader',
      },
    ],
  );
}

export function idempotencyKeyReused(): DomainError {
  return new DomainError(
    'unprocessable',
    CommonErrorCode.IDEMPOTENCY_KEY_REUSED,
    'this Idempotency-Key was used with another request',
    [
      {
        field: 'Idempotency-Key',
        reason: 'was used before with a different body or route',
        code: 'keyReused',
      },
    ],
  );
}

export function idempotencyInProgress(retryAfterSeconds: number): DomainError {
  return new DomainError(
    'conflict',
    CommonErrorCode.IDEMPOTENCY_IN_PROGRESS,
    `the first request with this Idempotency-Key is still running; retry in ${retryAfterSeconds} s`,
    [
      {
        field: 'Idempotency-Key',
        reason: 'its first request has not finished',
        code: 'inProgress',
      },
    ],
  );
}
