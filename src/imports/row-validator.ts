import { validate } from 'class-validator';
import { ErrorDetail } from '../common/errors/domain-error';
import { HOUSE_VALIDATOR_OPTIONS, compileValidator } from '../common/validation/compiled-validator';
import { inputProblems } from '../common/validation/input-problems';
import { plainInstance } from '../common/validation/plain-instance';
import { toErrorDetails } from '../common/validation/validation-errors';

export type CheckedRow = { instance: object } | { details: ErrorDetail[] };

/**
 * Binds and validates one row exactly as the global pipe and the JSON body parser do a single
 * request (whitelist, unknown and reserved fields refused, no NUL or lone surrogate in a
 * string), so a refused row reads like the 400 of a single POST, and a cell that the database
 * could not store never reaches the batch's insert.
 */
export async function validateRow(dto: new () => object, value: unknown): Promise<CheckedRow> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { details: [{ field: '(row)', reason: 'must be a JSON object', code: 'isObject' }] };
  const problems = inputProblems(value);
  if (problems.length) return { details: problems };
  const instance = plainInstance(dto, value);
  // The check compiled once per class answers true only when class-validator would find no
  // error; otherwise class-validator runs and its errors are the answer, as they always were.
  const passes = compileValidator(dto)(instance);
  if (passes === true || (passes !== false && (await passes))) return { instance };
  const errors = await validate(instance, HOUSE_VALIDATOR_OPTIONS);
  return errors.length ? { details: toErrorDetails(errors) } : { instance };
}

/** The row's own externalId, to help find a refused row in the file. */
export function externalIdOf(value: unknown): string | undefined {
  const externalId = (value as { externalId?: unknown } | null)?.externalId;
  return typeof externalId === 'string' || typeof externalId === 'number'
    ? String(externalId).slice(0, 200)
    : undefined;
}
