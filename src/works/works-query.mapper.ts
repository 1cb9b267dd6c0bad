import { BadRequestError } from '../common/errors/api-error';
import type { SmPermitsQuery } from '../upstreams/street-manager/reporting-api.client';
import type { ListWorksQueryDto } from './dto/list-works-query.dto';

/** Our sort fields → Street Manager's reporting sort columns. */
const SORT_COLUMNS: Record<string, SmPermitsQuery['sort_column']> = {
  proposedStartDate: 'start_date',
  proposedEndDate: 'end_date',
  dateCreated: 'date_created',
  statusChangedDate: 'status_changed_date',
};

const startOfDay = (date: string | undefined): string | undefined =>
  date ? `${date}T00:00:00.000Z` : undefined;
const endOfDay = (date: string | undefined): string | undefined =>
  date ? `${date}T23:59:59.999Z` : undefined;

export function sortOf(sort: string | undefined): Pick<SmPermitsQuery, 'sort_column' | 'sort_direction'> {
  if (!sort) {
    return {};
  }
  const descending = sort.startsWith('-');
  return {
    sort_column: SORT_COLUMNS[descending ? sort.slice(1) : sort],
    sort_direction: descending ? 'desc' : 'asc',
  };
}

/**
 * The works list as Street Manager's reporting query: one row per work (its active permit). The organisation
 * filters (promoter or highway authority) are both Street Manager's `swa_code`, which matches either party;
 * street and USRN use its free-text `query`.
 */
export function reportingQueryFor(query: ListWorksQueryDto): SmPermitsQuery {
  if (query.dateFrom && query.dateTo && query.dateFrom > query.dateTo) {
    throw new BadRequestError('dateFrom must be on or before dateTo', [
      { field: 'dateFrom', message: 'must be on or before dateTo' },
    ]);
  }
  return {
    active_permit_only: true,
    work_status: query.status as SmPermitsQuery['work_status'],
    work_category: query.workCategory as SmPermitsQuery['work_category'],
    swa_code: query.highwayAuthority ?? query.promoter,
    query: query.usrn !== undefined ? String(query.usrn) : query.street,
    start_date: startOfDay(query.dateFrom),
    end_date: endOfDay(query.dateTo),
    ...sortOf(query.sort),
  };
}

/** `minLon,minLat,maxLon,maxLat` as numbers, refused (400) when out of range or inside out. */
export function parseBbox(bbox: string): [number, number, number, number] {
  const [minLon, minLat, maxLon, maxLat] = bbox.split(',').map(Number) as [number, number, number, number];
  const problems: string[] = [];
  if ([minLon, maxLon].some((v) => v < -180 || v > 180) || [minLat, maxLat].some((v) => v < -90 || v > 90)) {
    problems.push('longitudes must be within ±180 and latitudes within ±90');
  }
  if (minLon >= maxLon || minLat >= maxLat) {
    problems.push('minimum longitude and latitude must be below the maximum ones');
  }
  if (problems.length > 0) {
    throw new BadRequestError(
      `bbox ${problems[0]}`,
      problems.map((message) => ({ field: 'bbox', message })),
    );
  }
  return [minLon, minLat, maxLon, maxLat];
}
