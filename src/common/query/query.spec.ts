import { BadRequestError } from '../errors/api-error';
import { checkDateRange, endOfDay, midnight, startOfDay } from './dates';
import { sortColumn } from './sort';

describe('date filters', () => {
  it('cover the whole day in UTC, and leave an absent date absent', () => {
    expect([
      startOfDay('2026-08-01'),
      endOfDay('2026-08-31'),
      startOfDay(undefined),
      endOfDay(undefined),
    ]).toEqual(['2026-08-01T00:00:00.000Z', '2026-08-31T23:59:59.999Z', undefined, undefined]);
    expect(midnight('2026-10-01')).toBe('2026-10-01T00:00:00.000Z');
  });

  it('refuse a range whose start is after its end, naming both', () => {
    expect(() => checkDateRange('2026-08-02', '2026-08-01', 'dateFrom', 'dateTo')).toThrow(
      new BadRequestError('dateFrom must be on or before dateTo'),
    );
    let thrown: unknown;
    try {
      checkDateRange('2026-08-02', '2026-08-01', 'createdFrom', 'createdTo');
    } catch (e) {
      thrown = e;
    }
    expect((thrown as BadRequestError).details).toEqual([
      { field: 'createdFrom', message: 'must be on or before createdTo' },
    ]);
    expect(() => checkDateRange('2026-08-01', '2026-08-01', 'dateFrom', 'dateTo')).not.toThrow();
    expect(() => checkDateRange(undefined, '2026-08-01', 'dateFrom', 'dateTo')).not.toThrow();
  });
});

describe('sortColumn', () => {
  const columns = { issueDate: 'issue_date_time', statusChangedDate: 'status_changed_date' } as const;

  it('maps our field and direction to the upstream column and direction', () => {
    expect(sortColumn('-issueDate', columns)).toEqual({
      sort_column: 'issue_date_time',
      sort_direction: 'desc',
    });
    expect(sortColumn('statusChangedDate', columns)).toEqual({
      sort_column: 'status_changed_date',
      sort_direction: 'asc',
    });
    expect(sortColumn(undefined, columns)).toEqual({});
  });
});
