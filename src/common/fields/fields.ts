import { applyDecorators } from '@nestjs/common';
import { PatternProperty } from '../validation/bounded';
import { BadRequestError } from '../errors/api-error';

/** The `fields` query property (sparse fieldsets), documented and checked for shape; names are checked by parseFields. */
export function FieldsProperty(): PropertyDecorator {
  // No example: one list of names cannot be valid for every resource, and Swagger UI would send it.
  return applyDecorators(
    PatternProperty(FIELDS, MAX_FIELDS_LENGTH, 'must be a comma-separated list of property names', {
      description:
        'Comma-separated list of properties to return, e.g. `workReferenceNumber,status` (`links` is always ' +
        'included). An unknown name is a 400 naming it. The answer then holds only those properties.',
      optional: true,
    }),
  );
}

const FIELDS = /^[A-Za-z0-9]+(,[A-Za-z0-9]+)*$/;
const MAX_FIELDS_LENGTH = 1000;

/** `?fields=` on a single resource. */
export class FieldsQueryDto {
  @FieldsProperty()
  fields?: string;
}

/** The properties a caller asked for; undefined means all. */
export type FieldSelection = ReadonlySet<string> | undefined;

/**
 * Checks a `fields` value against the resource's property names. Validated against the static list (not the
 * object) so an empty collection still refuses unknown names.
 */
export function parseFields(raw: string | undefined, known: readonly string[]): FieldSelection {
  if (raw === undefined || raw === '') {
    return undefined;
  }
  const requested = raw.split(',').filter((f) => f !== 'links');
  const unknown = requested.filter((f) => !known.includes(f));
  if (unknown.length > 0) {
    throw new BadRequestError(
      `fields names unknown ${unknown.length === 1 ? 'property' : 'properties'} ${unknown.join(', ')}`,
      unknown.map((f) => ({
        field: 'fields',
        message: `unknown property '${f}'; known properties: ${known.join(', ')}`,
      })),
    );
  }
  return new Set(requested);
}

/** The item with only the selected properties, plus `links` when it has them. */
export function selectFields<T extends object>(item: T, selection: FieldSelection): Partial<T> {
  if (selection === undefined) {
    return item;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'links' || selection.has(key)) {
      out[key] = value;
    }
  }
  return out as Partial<T>;
}
