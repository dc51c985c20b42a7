import { DomainError } from '../common/errors/domain-error';
import { ErrorTranslator } from '../common/errors/error-translator';
import { isUniqueViolation } from './sql';

/** A unique index that refused a row no service expected is a 409 for the client, not a 500. */
export const translateUniqueViolation: ErrorTranslator = (error) =>
  isUniqueViolation(error)
    ? new DomainError('conflict', 'CONFLICT', 'a record with the same unique value already exists')
    : undefined;
