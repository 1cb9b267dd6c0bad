import { isCalendarDate } from './date-time';

describe('isCalendarDate', () => {
  it('takes days that exist, leap days in leap years included', () => {
    expect(
      ['2026-01-31', '2026-11-30', '2028-02-29', '2000-02-29', '2026-12-31'].map(isCalendarDate),
    ).toEqual([true, true, true, true, true]);
  });

  it('refuses days that do not exist rather than rolling them into the next month', () => {
    expect(
      [
        '2026-11-31',
        '2026-02-29',
        '1900-02-29',
        '2026-04-31',
        '2026-13-01',
        '2026-00-10',
        '2026-1-1',
        20260101,
      ].map(isCalendarDate),
    ).toEqual([false, false, false, false, false, false, false, false]);
  });
});
