import { registerDecorator, type ValidationArguments } from 'class-validator';

export interface BoundedStringsOptions {
  minSize: number;
  maxSize: number;
  pattern: RegExp;
  /** says what the pattern allows, for the error message */
  shape: string;
}

/** Why an array of strings fails, or null: size first (O(1)), then each item, then uniqueness (linear). */
export function boundedStringsProblem(value: unknown, options: BoundedStringsOptions): string | null {
  if (!Array.isArray(value)) {
    return 'must be an array';
  }
  if (value.length < options.minSize) {
    return `must contain at least ${options.minSize} element${options.minSize === 1 ? '' : 's'}`;
  }
  if (value.length > options.maxSize) {
    return `must contain no more than ${options.maxSize} elements`;
  }
  if (!value.every((item) => typeof item === 'string' && options.pattern.test(item))) {
    return `each value must be ${options.shape}`;
  }
  if (new Set(value).size !== value.length) {
    return 'all elements must be unique';
  }
  return null;
}

/** An array of patterned strings, checked in bounded time whatever the caller sends. */
export function BoundedStrings(options: BoundedStringsOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'boundedStrings',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} ${boundedStringsProblem(args.value, options) ?? 'is not valid'}`,
      },
      validator: { validate: (value: unknown) => boundedStringsProblem(value, options) === null },
    });
  };
}
