import { ValidationOptions, registerDecorator } from 'class-validator';
import { isKnownCurrency } from '../money/currency';

/** An ISO 4217 code in upper case. */
export function IsCurrency(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCurrency',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'must be an ISO 4217 currency code such as EUR', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isKnownCurrency(value),
      },
    });
}
