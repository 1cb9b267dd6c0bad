import { Transform } from 'class-transformer';

const DECIMAL_INTEGER = /^-?\d{1,16}$/;

/**
 * Query strings are text. `Number()` would read '0x10' as 16, '1e1' as 10 and '' as 0, quietly accepting input a
 * client never meant; only plain decimal digits become numbers here, anything else stays a string and fails @IsInt.
 */
export function QueryInteger(): PropertyDecorator {
  return Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value,
  );
}
