import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, ValidateBy } from 'class-validator';
import { BoundedString, DATE_LENGTH, DATE_TIME_LENGTH } from './bounded';

/** RFC 3339 date-time with an explicit zone: a time without one would be read in the server's zone. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A request body date-time (`2026-08-09T13:58:07Z`), required unless `optional`; shape errors are a 400. */
export function DateTimeProperty(description: string, example: string, optional = false): PropertyDecorator {
  const schema = {
    type: String,
    format: 'date-time',
    maxLength: DATE_TIME_LENGTH,
    pattern: DATE_TIME.source,
  };
  const checks = [
    IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time such as 2026-08-09T13:58:07Z' }),
    BoundedString({
      maxLength: DATE_TIME_LENGTH,
      pattern: DATE_TIME,
      message: 'must be an ISO 8601 date-time with a zone, such as 2026-08-09T13:58:07Z',
    }),
  ];
  return optional
    ? applyDecorators(ApiPropertyOptional({ ...schema, description, example }), IsOptional(), ...checks)
    : applyDecorators(ApiProperty({ ...schema, description, example }), ...checks);
}

/** `YYYY-MM-DD` naming a day that exists: 2026-11-31 is not read as 2026-12-01, nor 2026-02-29 as 1 March. */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string' || !DATE.test(value)) {
    return false;
  }
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A calendar date in a body or a query: shape and existence, one message (a 400 either way). */
export function IsCalendarDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isCalendarDate',
    validator: { validate: isCalendarDate, defaultMessage: () => 'must be a date as YYYY-MM-DD' },
  });
}

/** Like IsCalendarDate, with the documented length checked first, so a value past it is named as such. */
export function BoundedCalendarDate(): PropertyDecorator {
  return BoundedString({
    maxLength: DATE_LENGTH,
    pattern: { source: DATE.source, test: isCalendarDate },
    message: 'must be a date as YYYY-MM-DD',
  });
}

/** A request body calendar date (`2026-08-09`). */
export function DateProperty(
  description: string,
  example: string | undefined,
  optional = false,
): PropertyDecorator {
  const schema = { type: String, format: 'date', maxLength: DATE_LENGTH, pattern: DATE.source };
  const checks = [BoundedCalendarDate()];
  return optional
    ? applyDecorators(ApiPropertyOptional({ ...schema, description, example }), IsOptional(), ...checks)
    : applyDecorators(ApiProperty({ ...schema, description, example }), ...checks);
}
