import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsOptional, Matches } from 'class-validator';
import { IsCalendarDate } from '../validation/date-time';
import { WORK_REFERENCE } from '../vocabulary/references';

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
      description: `${description} One or more of the values, comma-separated.`,
      type: String,
      enum: values,
      example: example.split(','),
      isArray: true,
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
    ApiPropertyOptional({ description, type: String, format: 'date', example }),
    IsOptional(),
    IsCalendarDate(),
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
  return applyDecorators(
    ApiPropertyOptional({
      description: `Only ${items} of this work (Street Manager's reference search: references containing this text).`,
      example: 'NGN0000123',
    }),
    IsOptional(),
    Matches(WORK_REFERENCE, { message: 'must be 1 to 24 letters, digits, - or _' }),
  );
}
