/**
 * Value mapping shared by every resource mapper: Street Manager's open enums and timestamps into the v1
 * contract's closed, documented forms.
 */

export const UNKNOWN = 'unknown';

/**
 * Street Manager's enums are open (new values every release, `upcoming_enum` as a placeholder). A value we do
 * not know becomes `unknown` instead of leaking an undocumented value or failing the response.
 */
export function openEnum<T extends string>(value: unknown, known: readonly T[]): T | typeof UNKNOWN {
  return typeof value === 'string' && (known as readonly string[]).includes(value) ? (value as T) : UNKNOWN;
}

/** Nullable variant: absent stays null, unknown becomes `unknown`. */
export function openEnumOrNull<T extends string>(
  value: unknown,
  known: readonly T[],
): T | typeof UNKNOWN | null {
  return value === undefined || value === null ? null : openEnum(value, known);
}

function parse(value: unknown): Date | null {
  if (typeof value !== 'string' && !(value instanceof Date)) {
    return null;
  }
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The two-digit number at i, or -1 when either character is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Whether `s` is already a UTC timestamp in `Date#toISOString` form, `YYYY-MM-DDTHH:MM:SS[.f{1,3}]Z`, with every
 * field in range: what Street Manager sends. Then its first 19 characters are what `new Date(s).toISOString()`
 * would give, without building a Date and a string per field (dates were 40% of mapping a work). Anything else
 * (an offset, more digits, a lower-case `t`) goes through Date as before, so the output is the same.
 */
function isCanonicalUtc(s: string): boolean {
  const n = s.length;
  if (
    (n !== 20 && (n < 22 || n > 24)) ||
    s[n - 1] !== 'Z' ||
    s[4] !== '-' ||
    s[7] !== '-' ||
    s[10] !== 'T' ||
    s[13] !== ':' ||
    s[16] !== ':' ||
    (n > 20 && s[19] !== '.')
  ) {
    return false;
  }
  for (let i = 20; i < n - 1; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      return false;
    }
  }
  const century = twoDigits(s, 0);
  const yy = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  const hour = twoDigits(s, 11);
  const minute = twoDigits(s, 14);
  const second = twoDigits(s, 17);
  if (
    century < 0 ||
    yy < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  ) {
    return false;
  }
  const year = century * 100 + yy;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month]);
}

/** `2026-08-09T13:58:07.000+01:00` → `2026-08-09T12:58:07Z` (UTC, whole seconds); unparseable → null. */
export function isoDateTime(value: unknown): string | null {
  if (typeof value === 'string' && isCanonicalUtc(value)) {
    return value.length === 20 ? value : `${value.slice(0, 19)}Z`;
  }
  const d = parse(value);
  return d === null ? null : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The UTC calendar date, `2026-08-09`, of a Street Manager date (sent as a midnight-UTC date-time). */
export function isoDate(value: unknown): string | null {
  if (typeof value === 'string' && isCanonicalUtc(value)) {
    return value.slice(0, 10);
  }
  const d = parse(value);
  return d === null ? null : d.toISOString().slice(0, 10);
}

/** Street Manager's numbers that are really identifiers (USRN) or counts arrive as doubles. */
export function integerOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? Math.trunc(value) : null;
}

export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
