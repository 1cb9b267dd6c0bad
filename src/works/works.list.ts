import { BadRequestError } from '../common/errors/api-error';
import { mapSearchBox } from '../common/geo/bbox';
import { pagedList, wholeList } from '../common/listing/list-spec';
import { checkDateRange, endOfDay, startOfDay } from '../common/query/dates';
import { sortColumn } from '../common/query/sort';
import type { GeojsonApiClient } from '../upstreams/street-manager/geojson-api.client';
import type { ReportingApiClient, SmPermitsQuery } from '../upstreams/street-manager/reporting-api.client';
import type { ListWorksQueryDto } from './dto/list-works-query.dto';
import { WORK_SUMMARY_FIELDS, workSummaryFromFeature, workSummaryFromReporting } from './works.mapper';

/** Our sort fields → Street Manager's reporting sort columns. */
const SORT_COLUMNS: Record<string, NonNullable<SmPermitsQuery['sort_column']>> = {
  proposedStartDate: 'start_date',
  proposedEndDate: 'end_date',
  dateCreated: 'date_created',
  statusChangedDate: 'status_changed_date',
};

/**
 * The works list as Street Manager's reporting query: one row per work (its active permit). The organisation
 * filters (promoter or highway authority) are both Street Manager's `swa_code`, which matches either party;
 * street and USRN are V6's `street_descriptor` and `usrn` (V3's free-text `query` is gone; V6-A20). V6's
 * `GET /reporting/works` is a reference search without status or date filters (V6-A5), so it cannot serve this list.
 */
export function reportingQueryFor(query: ListWorksQueryDto): SmPermitsQuery {
  checkDateRange(query.dateFrom, query.dateTo, 'dateFrom', 'dateTo');
  return {
    active_permit_only: true,
    work_status: query.status as SmPermitsQuery['work_status'],
    work_category: query.workCategory as SmPermitsQuery['work_category'],
    swa_code: query.highwayAuthority ?? query.promoter,
    usrn: query.usrn !== undefined ? String(query.usrn) : undefined,
    street_descriptor: query.street,
    start_date: startOfDay(query.dateFrom),
    end_date: endOfDay(query.dateTo),
    ...sortColumn(query.sort, SORT_COLUMNS),
  };
}

export const workList = (reporting: ReportingApiClient) =>
  pagedList({
    fields: WORK_SUMMARY_FIELDS,
    query: reportingQueryFor,
    page: (caller, q, offset) => reporting.permitsPage(caller, q, offset),
    item: workSummaryFromReporting,
  });

/** Filters the GeoJSON source cannot answer; with `bbox` they are refused rather than silently ignored. */
const NOT_WITH_BBOX = ['status', 'highwayAuthority', 'usrn', 'street', 'sort'] as const;

/**
 * Street Manager finds works in a box only through its GeoJSON API, which answers at most 100 features in one
 * go; so the whole box is fetched once, filtered and paged here, and the count is exact.
 */
export const worksInBoxList = (geojson: GeojsonApiClient) =>
  wholeList({
    fields: WORK_SUMMARY_FIELDS,
    all: async (caller, q: ListWorksQueryDto) => {
      const clashes = NOT_WITH_BBOX.filter((name) => q[name] !== undefined);
      if (clashes.length > 0) {
        throw new BadRequestError(
          `${clashes.join(', ')} cannot be combined with bbox`,
          clashes.map((field) => ({ field, message: 'cannot be combined with bbox' })),
        );
      }
      // WorksService.listFor picks this list only when bbox is given.
      const box = mapSearchBox(q.bbox ?? '', q.dateFrom, q.dateTo);
      if (!box) {
        return { rows: [] };
      }
      const found = await geojson.worksInBox(caller, box);
      return {
        rows: found.features.filter(
          (f) =>
            (q.workCategory === undefined || q.workCategory.includes(f.properties.work_category)) &&
            (q.promoter === undefined || f.properties.promoter_swa_code === q.promoter),
        ),
      };
    },
    item: workSummaryFromFeature,
  });
