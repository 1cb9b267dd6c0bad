import { integerOrNull, isoDate, isoDateTime, openEnum, openEnumOrNull, textOrNull } from './upstream-values';

describe('representation helpers', () => {
  const STATUSES = ['planned', 'in_progress'] as const;

  it('maps open enums safely', () => {
    expect(openEnum('planned', STATUSES)).toBe('planned');
    expect(openEnum('upcoming_enum', STATUSES)).toBe('unknown');
    expect(openEnum('brand_new_value', STATUSES)).toBe('unknown');
    expect(openEnum(42, STATUSES)).toBe('unknown');
    expect(openEnumOrNull(null, STATUSES)).toBeNull();
    expect(openEnumOrNull('in_progress', STATUSES)).toBe('in_progress');
  });

  it('writes ISO 8601 UTC dates and date-times', () => {
    expect(isoDateTime('2026-08-09T13:58:07.123Z')).toBe('2026-08-09T13:58:07Z');
    expect(isoDateTime('2026-08-09T14:58:07+01:00')).toBe('2026-08-09T13:58:07Z');
    expect(isoDate('2026-08-09T00:00:00.000Z')).toBe('2026-08-09');
    expect(isoDate('not a date')).toBeNull();
    expect(isoDateTime(undefined)).toBeNull();
  });

  it('normalises numbers and text', () => {
    expect(integerOrNull(10001234.0)).toBe(10001234);
    expect(integerOrNull('1')).toBeNull();
    expect(textOrNull('')).toBeNull();
    expect(textOrNull('High Street')).toBe('High Street');
  });
});

describe('date fast path', () => {
  // What isoDateTime/isoDate gave before the fast path: a Date per value.
  const viaDate = (value: string) => {
    const d = new Date(value);
    return Number.isNaN(d.getTime())
      ? [null, null]
      : [d.toISOString().replace(/\.\d{3}Z$/, 'Z'), d.toISOString().slice(0, 10)];
  };

  it('gives what a Date gives, for canonical values and near misses alike', () => {
    const samples = [
      '2026-08-09T13:58:07Z',
      '2026-08-09T13:58:07.1Z',
      '2026-08-09T13:58:07.12Z',
      '2026-08-09T13:58:07.123Z',
      '2026-08-09T13:58:07.1234Z',
      '2026-08-09T23:59:59.999Z',
      '2024-02-29T00:00:00.000Z',
      '2023-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00Z',
      '2026-13-01T00:00:00Z',
      '2026-00-10T00:00:00Z',
      '2026-08-00T00:00:00Z',
      '2026-08-09T24:00:00Z',
      '2026-08-09T23:60:00Z',
      '2026-08-09T23:59:60Z',
      '2026-08-09t13:58:07Z',
      '2026-08-09T13:58:07z',
      '2026-08-09T13:58:07.Z',
      '2026-08-09T13:58:07.12aZ',
      '2026-08-09T13:58:07+01:00',
      '2026-08-09 13:58:07Z',
      '0000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '2O26-08-09T13:58:07Z',
    ];
    expect(samples.map((s) => [isoDateTime(s), isoDate(s)])).toEqual(samples.map(viaDate));
  });
});
