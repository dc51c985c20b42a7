import { DomainError } from '../common/errors/domain-error';
import { ErrorTranslator } from '../common/errors/error-translator';
import { isUniqueViolation } from './sql';
import { CommonErrorCode } from '../common/errors/common-error-code';

/** A unique index that refused a row no service expected is a 409 for the client, not a 500. */
export const translateUniqueViolation: ErrorTranslator = (error) =>
  isUniqueViolation(error)
    ? new DomainError(
        'conflict',
        CommonErrorCode.CONFLICT,
        'a record with the same unique value already exists',
      )
    : undefined;
