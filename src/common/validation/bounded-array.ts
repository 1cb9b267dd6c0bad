import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, registerDecorator, type ValidationArguments } from 'class-validator';

export interface BoundedArrayOptions {
  minSize: number;
  maxSize: number;
  /** Allowed item values; the items are checked only once the size is known to be within bounds. */
  of: readonly string[];
  unique?: boolean;
}

/** Why an array fails, or null. Size first, so an oversized array costs O(1) and never reaches the item checks. */
export function boundedArrayProblem(value: unknown, options: BoundedArrayOptions): string | null {
  if (!Array.isArray(value)) {
    return 'must be an array';
  }
  if (value.length < options.minSize) {
    return `must contain at least ${options.minSize} element${options.minSize === 1 ? '' : 's'}`;
  }
  if (value.length > options.maxSize) {
    return `must contain no more than ${options.maxSize} elements`;
  }
  const allowed = new Set(options.of);
  if (!value.every((item) => typeof item === 'string' && allowed.has(item))) {
    return `each value must be one of the following values: ${options.of.join(', ')}`;
  }
  // class-validator's ArrayUnique is quadratic (indexOf per item); a Set is linear.
  if (options.unique && new Set(value).size !== value.length) {
    return 'all elements must be unique';
  }
  return null;
}

/**
 * One validator for an array of enum values: type, size, allowed values and uniqueness in that order, stopping at
 * the first failure, so a request's validation cost is bounded by the array's documented maximum, not its length.
 */
export function BoundedArray(options: BoundedArrayOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'boundedArray',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) =>
          `${args.property} ${boundedArrayProblem(args.value, options) ?? 'is not valid'}`,
      },
      validator: { validate: (value: unknown) => boundedArrayProblem(value, options) === null },
    });
  };
}

/** A request body array of enum values, documented (minItems, maxItems, uniqueItems, enum) and checked as one. */
export function EnumArrayProperty(
  options: BoundedArrayOptions,
  doc: { description?: string; example?: readonly string[]; optional?: boolean } = {},
): PropertyDecorator {
  const schema = Object.fromEntries(
    Object.entries({
      enum: [...options.of],
      isArray: true,
      minItems: options.minSize,
      maxItems: options.maxSize,
      uniqueItems: options.unique,
      description: doc.description,
      example: doc.example,
    }).filter(([, v]) => v !== undefined),
  );
  return doc.optional
    ? applyDecorators(ApiPropertyOptional(schema), IsOptional(), BoundedArray(options))
    : applyDecorators(ApiProperty(schema), BoundedArray(options));
}
