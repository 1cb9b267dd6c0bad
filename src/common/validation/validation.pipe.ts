import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadRequestError, type ErrorDetail } from '../errors/api-error';

/** Checks of a value's type: when one fails, the range and length checks on the same value say nothing true. */
const TYPE_CONSTRAINTS = new Set(['isInt', 'isNumber', 'isString', 'isBoolean', 'isArray', 'isObject']);

/** `?limit=1e1` fails isInt, min and max; only "must be an integer number" is true of it. */
function trueMessages(constraints: Record<string, string>): string[] {
  const typeFailures = Object.keys(constraints).filter((name) => TYPE_CONSTRAINTS.has(name));
  return typeFailures.length > 0 ? typeFailures.map((name) => constraints[name]) : Object.values(constraints);
}

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = trueMessages(e.constraints ?? {}).map((message) => ({
      field,
      message: stripField(message, e.property),
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

// class-validator prefixes messages with the property name; the detail already names the field.
function stripField(message: string, property: string): string {
  return message.startsWith(`${property} `) ? message.slice(property.length + 1) : message;
}

// "property colour should not exist" already names its field; "must be a string" does not.
function summary(detail: ErrorDetail): string {
  return detail.field && !detail.message.includes(detail.field) ? `${detail.field} ${detail.message}` : detail.message;
}

/**
 * Syntax and shape (types, required fields, unknown properties, bounds) are a 400 with one detail per field.
 * Meaning (end before start, unknown references) is a 422 raised by the services (DESIGN.md §4).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const first = details[0];
      return new BadRequestError(first ? summary(first) : 'the request is not valid', details);
    },
  });
}
