import { DomainError } from './domain-error';

/**
 * Says an error of a lower layer as a DomainError when it has a meaning for clients (a unique
 * index refused a row), undefined otherwise. The layer that knows the error provides it under
 * ERROR_TRANSLATORS, so the exception filter names no database.
 */
export type ErrorTranslator = (error: unknown) => DomainError | undefined;

/** The injection token of the translators the exception filter tries, in turn, on unknown errors. */
export const ERROR_TRANSLATORS = 'ERROR_TRANSLATORS';
