import { type ArgumentMetadata, type Type, ValidationPipe, type ValidationError } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { BadRequestError, type ErrorDetail } from '../errors/api-error';
import { type AcceptCheck, compileAcceptCheck } from './accept-check';

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
  return detail.field && !detail.message.includes(detail.field)
    ? `${detail.field} ${detail.message}`
    : detail.message;
}

/**
 * Nest's ValidationPipe with a quicker way to accept a query or path DTO, which every GET pays for: the DTO is
 * still built by class-transformer (its @Transform()s apply as before), then checked by compileAcceptCheck(), which
 * runs the decorators' own validator functions synchronously. Whatever it does not accept (or cannot check) goes
 * through the full ValidationPipe, so refusals and their bodies are class-validator's, unchanged. Bodies always take
 * the full path.
 */
class GatewayValidationPipe extends ValidationPipe {
  private readonly checks = new WeakMap<Type, AcceptCheck | null>();

  override transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const accepted = this.acceptQuickly(value, metadata);
    return accepted === undefined ? super.transform(value, metadata) : Promise.resolve(accepted);
  }

  /** The DTO instance when it certainly passes; undefined to let the full pipe decide. */
  private acceptQuickly(value: unknown, metadata: ArgumentMetadata): object | undefined {
    const { metatype, type } = metadata;
    if (
      (type !== 'query' && type !== 'param') ||
      !metatype ||
      !this.toValidate(metadata) ||
      !isTextRecord(value)
    ) {
      return undefined;
    }
    let check = this.checks.get(metatype);
    if (check === undefined) {
      check = compileAcceptCheck(metatype as new () => object);
      this.checks.set(metatype, check);
    }
    if (check === null) {
      return undefined;
    }
    const entity: object = plainToInstance(metatype as Type<object>, value, this.transformOptions);
    return entity.constructor === metatype && check(entity) ? entity : undefined;
  }
}

/**
 * What Fastify hands over for a query or path: an object of strings and arrays of strings. Anything else (or a key
 * the full pipe strips, such as `__proto__`) takes the full path.
 */
function isTextRecord(value: unknown): value is Record<string, string | string[]> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key) || key === '__proto__' || key === 'prototype' || key === 'constructor') {
      return false;
    }
    const item = (value as Record<string, unknown>)[key];
    if (typeof item !== 'string' && !(Array.isArray(item) && isStringArray(item))) {
      return false;
    }
  }
  return true;
}

function isStringArray(items: unknown[]): boolean {
  for (let i = 0; i < items.length; i++) {
    if (typeof items[i] !== 'string') {
      return false;
    }
  }
  return true;
}

/**
 * Syntax and shape (types, required fields, unknown properties, bounds) are a 400 with one detail per field.
 * Meaning (end before start, unknown references) is a 422 raised by the services (DESIGN.md §4).
 */
export function createValidationPipe(): ValidationPipe {
  return new GatewayValidationPipe({
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
