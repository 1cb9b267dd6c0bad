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

/** `2026-08-09T13:58:07.000+01:00` → `2026-08-09T12:58:07Z` (UTC, whole seconds); unparseable → null. */
export function isoDateTime(value: unknown): string | null {
  const d = parse(value);
  return d === null ? null : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The UTC calendar date, `2026-08-09`, of a Street Manager date (sent as a midnight-UTC date-time). */
export function isoDate(value: unknown): string | null {
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
