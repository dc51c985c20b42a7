import { ValidationOptions, registerDecorator } from 'class-validator';

/** A class-validator decorator from a name, a message and a test: the house's custom checks. */
export function defineValidator(
  name: string,
  message: string,
  validate: (value: unknown) => boolean,
  options?: ValidationOptions,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message, ...options },
      validator: { validate },
    });
}
