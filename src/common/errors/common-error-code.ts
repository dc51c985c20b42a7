/**
 * Codes any module may answer with: input, body, idempotency, state machines, and the HTTP-level
 * fallbacks. Clients rely on these strings: never rename one.
 */
export enum CommonErrorCode {
  /** Input that does not fit; details name the fields. */
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_JSON = 'MALFORMED_JSON',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  BODY_UNREADABLE = 'BODY_UNREADABLE',
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  /** The first request with this Idempotency-Key is still running; retry after Retry-After. */
  IDEMPOTENCY_IN_PROGRESS = 'IDEMPOTENCY_IN_PROGRESS',
  CURRENCY_WITHOUT_RATE = 'CURRENCY_WITHOUT_RATE',
  /** Input that breaks a business rule; details name the field and the rule. */
  RULE_VIOLATED = 'RULE_VIOLATED',
  /** A status change the state machine refuses (from a FieldProblem `invalidTransition`). */
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  /** Stage dates out of order (from a FieldProblem `dateOrder`). */
  DATE_ORDER = 'DATE_ORDER',
  // The exception filter's fallbacks, for a status that comes without a domain code.
  BAD_REQUEST = 'BAD_REQUEST',
  UNAUTHORIZED = 'UNAUTHORIZED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  METHOD_NOT_ALLOWED = 'METHOD_NOT_ALLOWED',
  CONFLICT = 'CONFLICT',
  UNPROCESSABLE = 'UNPROCESSABLE',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL = 'INTERNAL',
  ERROR = 'ERROR',
}
