import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ErrorDetail } from '../common/errors/domain-error';
import { toErrorDetails } from '../common/validation/validation-errors';

export type CheckedRow = { instance: object } | { details: ErrorDetail[] };

/**
 * Binds and validates one row exactly as the global pipe does a single request (whitelist,
 * unknown fields refused), so a refused row reads like the 400 of a single POST.
 */
export async function validateRow(dto: new () => object, value: unknown): Promise<CheckedRow> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { details: [{ field: '(row)', reason: 'must be a JSON object', code: 'isObject' }] };
  const instance = plainToInstance(dto, value);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  return errors.length ? { details: toErrorDetails(errors) } : { instance };
}

/** The row's own externalId, to help find a refused row in the file. */
export function externalIdOf(value: unknown): string | undefined {
  const externalId = (value as { externalId?: unknown } | null)?.externalId;
  return typeof externalId === 'string' || typeof externalId === 'number'
    ? String(externalId).slice(0, 200)
    : undefined;
}
