import { CronTime } from 'cron';
import { ValidationOptions, registerDecorator } from 'class-validator';
import { isKnownCurrency } from '../common/money/currency';

const DECIMAL = /^\d+(\.\d+)?$/;

export function IsCurrencyCode(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCurrencyCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be an ISO 4217 currency code', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isKnownCurrency(value),
      },
    });
}

export function IsRateTable(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isRateTable',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: 'must map ISO 4217 codes to positive decimal rates, e.g. {"USD": "0.92"}',
        ...options,
      },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          Object.entries(value).every(
            ([code, rate]) =>
              isKnownCurrency(code) && DECIMAL.test(String(rate)) && Number(rate) > 0,
          ),
      },
    });
}

/** An object whose values are all numbers between 0 and 1 (margins, conversion rates). */
export function IsFractionRecord(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isFractionRecord',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must map names to numbers between 0 and 1', ...options },
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.values(value).every(
            (entry) => typeof entry === 'number' && entry >= 0 && entry <= 1,
          ),
      },
    });
}

/** A cron expression the scheduler accepts (five or six fields). */
export function IsCronExpression(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCronExpression',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be a cron expression such as "0 2 * * *"', ...options },
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          try {
            new CronTime(value, 'UTC');
            return true;
          } catch {
            return false;
          }
        },
      },
    });
}
