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
