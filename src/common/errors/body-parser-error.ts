import { DomainError } from './domain-error';
import { CommonErrorCode } from './common-error-code';

/** body-parser's errors (bad JSON, too large, bad charset) as domain errors with the body named. */
export function bodyParserError(error: unknown): unknown {
  const type = (error as { type?: string })?.type;
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
  return error;
}
