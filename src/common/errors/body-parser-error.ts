import { DomainError } from './domain-error';
import { CommonErrorCode } from './common-error-code';

/**
 * body-parser's errors (bad JSON, too large, bad charset, a body that is not compressed as its
 * Content-Encoding says) as domain errors with the body named; `contentEncoding` is the header's value.
 */
export function bodyParserError(error: unknown, contentEncoding?: string): unknown {
  const { type, status } = (error ?? {}) as { type?: string; status?: number };
  if (type === 'entity.parse.failed') {
    return new DomainError(
      'invalid',
      CommonErrorCode.MALFORMED_JSON,
      'the body is not valid JSON',
      [{ field: '(body)', reason: 'is not valid JSON', code: 'malformedJson' }],
    );
  }
  if (type === 'entity.too.large') {
    return new DomainError(
      'too_large',
      CommonErrorCode.PAYLOAD_TOO_LARGE,
      'the body is larger than this endpoint accepts',
      [{ field: '(body)', reason: 'is too large', code: 'tooLarge' }],
    );
  }
  if (
    type === 'encoding.unsupported' ||
    type === 'charset.unsupported' ||
    type === 'request.aborted'
  ) {
    return new DomainError(
      'invalid',
      CommonErrorCode.BODY_UNREADABLE,
      'the body could not be read',
      [{ field: '(body)', reason: type, code: 'unreadable' }],
    );
  }
  // zlib's own errors (Z_DATA_ERROR, brotli's ERR_*) and raw-body's other refusals come as
  // untyped 4xx errors that would otherwise end as a 500.
  if (type === undefined && typeof status === 'number' && status >= 400 && status < 500) {
    const encoding = contentEncoding?.toLowerCase();
    const inflating = encoding !== undefined && encoding !== 'identity';
    return new DomainError(
      'invalid',
      CommonErrorCode.BODY_UNREADABLE,
      inflating
        ? `the body could not be decoded as its Content-Encoding (${encoding}) says`
        : 'the body could not be read',
      [
        inflating
          ? { field: '(body)', reason: `is not ${encoding}-encoded`, code: 'contentEncoding' }
          : { field: '(body)', reason: 'could not be read', code: 'unreadable' },
      ],
    );
  }
  return error;
}
