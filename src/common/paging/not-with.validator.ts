import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

/** The property may not be given together with `other` (e.g. `page` and `offset`): a 400 naming both. */
export function NotWith(other: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'notWith',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [other],
      options: { message: `cannot be combined with ${other}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          return value === undefined || (args.object as Record<string, unknown>)[other] === undefined;
        },
      },
    });
  };
}
