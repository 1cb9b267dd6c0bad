import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadRequestError, type ErrorDetail } from '../errors/api-error';

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
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
