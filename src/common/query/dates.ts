import { BadRequestError } from '../errors/api-error';

/** A date filter's bounds as Street Manager date-times (UTC), inclusive of the whole day; undefined stays undefined. */
export const startOfDay = (date: string | undefined): string | undefined =>
  date ? `${date}T00:00:00.000Z` : undefined;
export const endOfDay = (date: string | undefined): string | undefined =>
  date ? `${date}T23:59:59.999Z` : undefined;

/** A written calendar date as Street Manager keeps it: midnight UTC. */
export const midnight = (date: string): string => `${date}T00:00:00.000Z`;

/** A `from` after its `to` can match nothing: a 400 naming the pair rather than an empty page. */
export function checkDateRange(
  from: string | undefined,
  to: string | undefined,
  fromName: string,
  toName: string,
): void {
  if (from && to && from > to) {
    throw new BadRequestError(`${fromName} must be on or before ${toName}`, [
      { field: fromName, message: `must be on or before ${toName}` },
    ]);
  }
}
