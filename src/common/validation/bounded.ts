import { applyDecorators } from '@nestjs/common';
import { ApiExtension, ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min, registerDecorator } from 'class-validator';
import { QueryInteger } from './query-number';

/**
 * Bounded inputs, each written once: the OpenAPI schema (maxLength, pattern, minimum/maximum, format) and the
 * class-validator checks come from the same decorator, so the document and the validation cannot drift. Street
 * Manager's own limits (the V6 specifications' "Max length N characters") are in `SM_LIMITS`.
 */

/** Street Manager V6 maximum lengths, from DfT's validation text in the V6 work/reporting API descriptions. */
export const SM_LIMITS = {
  /** work_reference_number: "Max length 24 characters ... alphanumeric characters, dashes and underscores". */
  workReference: 24,
  /** promoter_swa_code, highway_authority_swa_code: "Max length 4 characters". */
  swaCode: 4,
  /** description, location_description, reasons, details: "Max length 500 characters". */
  longText: 500,
  /** names, contacts, phone numbers, emails: "Max length 100 characters". */
  shortText: 100,
  /** comment detail, assessment comments: "Max length 1500 characters". */
  comment: 1500,
} as const;

/** A date `YYYY-MM-DD` is 10 characters; a date-time with fraction and zone at most 35 (`…T13:58:07.123456789+01:00`). */
export const DATE_LENGTH = 10;
export const DATE_TIME_LENGTH = 35;

/** Free text may hold tab, line feed and carriage return, never other control characters (nor DEL). */
// eslint-disable-next-line no-control-regex
export const PLAIN_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/** A RegExp, or a check documented by one (a calendar date: its shape, and that the day exists). */
export type StringPattern = Pick<RegExp, 'source' | 'test'>;

export interface StringBounds {
  maxLength: number;
  minLength?: number;
  pattern?: StringPattern;
  /** Said when the pattern does not match, e.g. 'must be a SWA code of up to 4 digits'. */
  message?: string;
}

/** Why a value breaks the bounds, or null: type, then length, then pattern, so each field gets one clear detail. */
export function stringProblem(value: unknown, bounds: StringBounds): string | null {
  if (typeof value !== 'string') {
    return 'must be a string';
  }
  const min = bounds.minLength ?? 0;
  if (value.length < min) {
    return min === 1 ? 'must not be empty' : `must be at least ${min} characters`;
  }
  if (value.length > bounds.maxLength) {
    return `must be at most ${bounds.maxLength} characters`;
  }
  if (bounds.pattern && !bounds.pattern.test(value)) {
    return bounds.message ?? `must match ${bounds.pattern.source}`;
  }
  return null;
}

/** One class-validator check for a bounded string: the first problem only (a length is checked before the pattern). */
export function BoundedString(bounds: StringBounds): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'boundedString',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [bounds.maxLength, bounds.minLength ?? 0, bounds.pattern?.source],
      options: {
        message: (args) => `${args.property} ${stringProblem(args.value, bounds) ?? 'is not valid'}`,
      },
      validator: { validate: (value: unknown) => stringProblem(value, bounds) === null },
    });
  };
}

interface Documented {
  description?: string;
  example?: unknown;
  /** Not required: absent is fine, present must pass the checks. */
  optional?: boolean;
}

function documented(optional: boolean | undefined, schema: Record<string, unknown>): PropertyDecorator[] {
  const clean = Object.fromEntries(Object.entries(schema).filter(([, v]) => v !== undefined));
  return optional ? [ApiPropertyOptional(clean), IsOptional()] : [ApiProperty(clean)];
}

/** Free text of at most `maxLength` characters (at least `minLength`: 1 when required, 0 when optional by default). */
export function TextProperty(
  maxLength: number,
  doc: Documented & { minLength?: number } = {},
): PropertyDecorator {
  const minLength = doc.minLength ?? (doc.optional ? 0 : 1);
  return applyDecorators(
    ...documented(doc.optional, {
      type: String,
      description: doc.description,
      example: doc.example,
      minLength: minLength > 0 ? minLength : undefined,
      maxLength,
      pattern: PLAIN_TEXT.source,
    }),
    BoundedString({
      maxLength,
      minLength,
      pattern: PLAIN_TEXT,
      message: 'must not contain control characters other than tab and line breaks',
    }),
  );
}

/** A string of a fixed shape (a reference, a code, a list syntax), with the length its pattern allows. */
export function PatternProperty(
  pattern: RegExp,
  maxLength: number,
  message: string,
  doc: Documented & { format?: string } = {},
): PropertyDecorator {
  return applyDecorators(
    ...documented(doc.optional, {
      type: String,
      description: doc.description,
      example: doc.example,
      format: doc.format,
      maxLength,
      pattern: pattern.source,
    }),
    BoundedString({ maxLength, pattern, message }),
  );
}

/** A whole number in [min, max]; `query` reads it from query-string text (plain decimal digits only). */
export function IntegerProperty(
  min: number,
  max: number,
  doc: Documented & { default?: number; query?: boolean } = {},
): PropertyDecorator {
  return applyDecorators(
    ...documented(doc.optional, {
      type: 'integer',
      format: integerFormat(min, max),
      description: doc.description,
      example: doc.example,
      default: doc.default,
      minimum: min,
      maximum: max,
    }),
    ...(doc.query ? [QueryInteger()] : []),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/** int32 when the range fits in 32 bits, else int64 (OpenAPI's integer formats). */
export function integerFormat(min: number, max: number): 'int32' | 'int64' {
  return min >= -(2 ** 31) && max <= 2 ** 31 - 1 ? 'int32' : 'int64';
}

/** Street Manager work references: at most 24 letters, digits, `-` or `_` (V6 work_reference_number). */
export const WORK_REFERENCE = /^[A-Za-z0-9_-]{1,24}$/;
/** `{work reference}-NN`: the work reference is derived from it, so callers never send both. */
export const PERMIT_REFERENCE = /^([A-Za-z0-9_-]{1,24})-(\d{2})$/;
/**
 * References of a work's children (FPNs, inspections, forward plans, alterations, comments, ...): the work reference
 * plus a suffix. Street Manager allows them 100 to 105 characters; the gateway's 64 (unchanged) is more than a
 * 24-character work reference and any suffix it adds.
 */
export const CHILD_REFERENCE = /^[A-Za-z0-9_-]{1,64}$/;
export const CHILD_REFERENCE_LENGTH = 64;
/** A street works authority code as the filters and writes take it: up to 4 digits (V6: "Max length 4"). */
export const SWA_CODE = /^\d{1,4}$/;

export function WorkReferenceProperty(doc: Documented = {}): PropertyDecorator {
  return PatternProperty(
    WORK_REFERENCE,
    SM_LIMITS.workReference,
    'must be 1 to 24 letters, digits, - or _',
    doc,
  );
}

/** A permit reference: a work reference (≤ 24) and `-NN`, so at most 27 characters. */
export function PermitReferenceProperty(doc: Documented = {}): PropertyDecorator {
  return PatternProperty(
    PERMIT_REFERENCE,
    SM_LIMITS.workReference + 3,
    'must be a work reference number followed by - and two digits',
    doc,
  );
}

export function ChildReferenceProperty(doc: Documented = {}): PropertyDecorator {
  return PatternProperty(
    CHILD_REFERENCE,
    CHILD_REFERENCE_LENGTH,
    'must be 1 to 64 letters, digits, - or _',
    doc,
  );
}

export function SwaCodeProperty(doc: Documented = {}): PropertyDecorator {
  return PatternProperty(SWA_CODE, SM_LIMITS.swaCode, 'must be a SWA code of up to 4 digits', doc);
}

/** V6: "Is whole number between 1000001 and 99999999 inclusive". */
export const USRN_MIN = 1_000_001;
export const USRN_MAX = 99_999_999;

export function UsrnProperty(doc: Documented & { query?: boolean } = {}): PropertyDecorator {
  return IntegerProperty(USRN_MIN, USRN_MAX, {
    description: 'Unique Street Reference Number of the street',
    ...doc,
  });
}

/** A street name or part of one in a filter. */
export const STREET_TEXT = /^[\p{L}\p{N} '.,&-]+$/u;

/** `minLongitude,minLatitude,maxLongitude,maxLatitude` in decimal degrees. */
export const BBOX = /^-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?$/;
/** Room for four coordinates of twenty characters each, far more precision than any survey has. */
export const BBOX_LENGTH = 100;

export function BboxProperty(doc: Documented = {}): PropertyDecorator {
  return PatternProperty(
    BBOX,
    BBOX_LENGTH,
    'must be minLongitude,minLatitude,maxLongitude,maxLatitude in decimal degrees',
    doc,
  );
}

/**
 * A path parameter example for one operation, over the DTO's shared one: authority writes need a record the
 * authority demo key may change, while the reads' example is one the unbound demo key sees. Only the example
 * changes; the schema stays the DTO's.
 */
export function AuthorityExample(name: string, example: string): MethodDecorator {
  return ApiExtension('x-path-examples', { [name]: example });
}
