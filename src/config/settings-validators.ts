import { CronTime } from 'cron';
import { ValidationOptions } from 'class-validator';
import { isKnownCurrency } from '../common/money/currency';
import { defineValidator } from '../common/validation/define-validator';

const DECIMAL = /^\d+(\.\d+)?$/;

export function IsCurrencyCode(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'isCurrencyCode',
    'must be an ISO 4217 currency code',
    (value) => typeof value === 'string' && isKnownCurrency(value),
    options,
  );
}

export function IsRateTable(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'isRateTable',
    'must map ISO 4217 codes to positive decimal rates, e.g. {"USD": "0.92"}',
    (value) =>
      typeof value === 'object' &&
      value !== null &&
      Object.entries(value).every(
        ([code, rate]) => isKnownCurrency(code) && DECIMAL.test(String(rate)) && Number(rate) > 0,
      ),
    options,
  );
}

/** An object whose values are all numbers between 0 and 1, and whose keys pass `keyOk`. */
function isFractionRecord(value: unknown, keyOk: (key: string) => boolean = () => true): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(
      ([key, entry]) => keyOk(key) && typeof entry === 'number' && entry >= 0 && entry <= 1,
    )
  );
}

/** An object whose values are all numbers between 0 and 1 (margins, conversion rates). */
export function IsFractionRecord(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'isFractionRecord',
    'must map names to numbers between 0 and 1',
    (value) => isFractionRecord(value),
    options,
  );
}

/** Names of kinds of content, which are not platforms: a rate keyed by one would never be used. */
const CONTENT_KINDS = new Set(['review', 'reviews', 'mention', 'mentions', 'post', 'posts']);

/**
 * Conversion per reach by platform: mentions and reviews alike are keyed by their platform
 * (instagram, trustpilot…), events by `event`, the rest by `default`. A key no content can carry
 * (a kind of content, or a name that is not a normalised platform) would silently never apply,
 * so it is refused at start.
 */
export function IsConversionRates(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'isConversionRates',
    "must map platforms (e.g. instagram, trustpilot, in lower case), 'event' and 'default' to numbers between 0 and 1; a kind of content such as 'review' is not a platform",
    (value) =>
      isFractionRecord(
        value,
        (key) => /^[a-z0-9][a-z0-9._-]{0,63}$/.test(key) && !CONTENT_KINDS.has(key),
      ),
    options,
  );
}

/** A cron expression the scheduler accepts (five or six fields). */
export function IsCronExpression(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'isCronExpression',
    'must be a cron expression such as "0 2 * * *"',
    (value) => {
      if (typeof value !== 'string') return false;
      try {
        new CronTime(value, 'UTC');
        return true;
      } catch {
        return false;
      }
    },
    options,
  );
}
