import { ValidationOptions } from 'class-validator';
import { isKnownCurrency } from '../money/currency';
import { defineValidator } from './define-validator';

/** An ISO 4217 code in upper case. */
export function IsCurrency(options?: ValidationOptions): PropertyDecorator {
  return defineValidator(
    'isCurrency',
    'must be an ISO 4217 currency code such as EUR',
    (value) => typeof value === 'string' && isKnownCurrency(value),
    options,
  );
}
