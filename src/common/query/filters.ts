import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional } from 'class-validator';
import { DATE_LENGTH, WorkReferenceProperty } from '../validation/bounded';
import { BoundedCalendarDate, DATE } from '../validation/date-time';

/** `a,b` or repeated `x=a&x=b` → ['a', 'b']. */
export const toList = ({ value }: { value: unknown }): unknown => {
  const items: unknown[] =
    typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : [];
  if (items.length === 0) {
    return value;
  }
  return items.flatMap((v) => (typeof v === 'string' ? v.split(',').filter((s) => s !== '') : [v]));
};

/** A filter taking one or more values of a closed list, comma-separated. */
export function EnumListFilter(
  values: readonly string[],
  description: string,
  example: string,
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      // The example is in the text, not prefilled: Swagger UI would send every filter's example at once.
      description: `${description} One or more of the values, comma-separated, e.g. \`${example}\`.`,
      type: String,
      enum: values,
      isArray: true,
      maxItems: values.length,
    }),
    IsOptional(),
    Transform(toList),
    ArrayMaxSize(values.length),
    IsIn(values, { each: true, message: `each value must be one of: ${values.join(', ')}` }),
  );
}

/** A calendar-date filter, `YYYY-MM-DD`. */
export function DateFilter(description: string, example: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description: `${description} For example \`${example}\`.`,
      type: String,
      format: 'date',
      maxLength: DATE_LENGTH,
      pattern: DATE.source,
    }),
    IsOptional(),
    BoundedCalendarDate(),
  );
}

/** `sort=field` ascending or `sort=-field` descending, from a fixed list. */
export function SortParam(fields: readonly string[], example: string): PropertyDecorator {
  const allowed = fields.flatMap((f) => [f, `-${f}`]);
  return applyDecorators(
    ApiPropertyOptional({
      description: 'Sort order: a field name, ascending, or with a leading `-`, descending.',
      enum: allowed,
      example,
    }),
    IsOptional(),
    IsIn(allowed, { message: `must be one of: ${allowed.join(', ')}` }),
  );
}

/**
 * `?workReferenceNumber=` on the lists of things that belong to a work (inspections, FPNs, permits, ...). Street
 * Manager's reporting API has no exact work filter; its reference search (`query`) is used, which matches references
 * that contain the text, so a full work reference selects that work's items.
 */
export function WorkReferenceFilter(items: string): PropertyDecorator {
  return WorkReferenceProperty({
    description:
      `Only ${items} of this work, e.g. \`NGN0002163600\` (Street Manager's reference search: references ` +
      'containing this text).',
    optional: true,
  });
}
