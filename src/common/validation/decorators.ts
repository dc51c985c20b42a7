import { ValidationOptions } from 'class-validator';
import { defineValidator } from './define-validator';
import { DAY_MS, parseIsoInstant } from '../dates/iso-date';

const DECIMAL = /^\d+(\.\d+)?$/;

/** A non-negative decimal as a JSON number or string; the currency's decimals are checked later. */
export function IsDecimalAmount(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'isDecimalAmount',
    'must be a non-negative decimal amount such as "49.90"',
    (value) =>
      (typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= 0 &&
        DECIMAL.test(String(value))) ||
      (typeof value === 'string' && DECIMAL.test(value)),
    options,
  );
}

/** ISO 8601 with Z or an offset, or a date alone. */
export function IsIsoInstant(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'isIsoInstant',
    'must be an ISO 8601 date-time with Z or an offset, or a date (YYYY-MM-DD)',
    (value) => parseIsoInstant(value) !== undefined,
    options,
  );
}

/** An occurrence date: ISO 8601 and not more than a day ahead of now. */
export function IsOccurrenceInstant(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'isOccurrenceInstant',
    'must be an ISO 8601 date-time (with Z or an offset) or a date, not more than a day in the future',
    (value) => {
      const epoch = parseIsoInstant(value);
      return epoch !== undefined && epoch <= Date.now() + DAY_MS;
    },
    options,
  );
}
