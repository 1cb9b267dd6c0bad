import { pagedList } from '../common/listing/list-spec';
import { checkDateRange, endOfDay, startOfDay } from '../common/query/dates';
import { sortColumn } from '../common/query/sort';
import type { ReportingApiClient, SmPermitsQuery } from '../upstreams/street-manager/reporting-api.client';
import type { ListPermitsQueryDto } from './dto/list-permits-query.dto';
import { PERMIT_FIELDS, permitFromReporting } from './permits.mapper';

const SORT_COLUMNS: Record<string, NonNullable<SmPermitsQuery['sort_column']>> = {
  dateCreated: 'date_created',
  deadlineDate: 'deadline_date',
  proposedStartDate: 'start_date',
  proposedEndDate: 'end_date',
  statusChangedDate: 'status_changed_date',
};

/** Our permit filters as Street Manager's reporting query (camelCase in, snake_case out, explicitly). */
export function permitsReportingQuery(q: ListPermitsQueryDto): SmPermitsQuery {
  checkDateRange(q.dateFrom, q.dateTo, 'dateFrom', 'dateTo');
  checkDateRange(q.createdFrom, q.createdTo, 'createdFrom', 'createdTo');
  return {
    status: q.status as SmPermitsQuery['status'],
    work_status: q.workStatus as SmPermitsQuery['work_status'],
    work_category: q.workCategory as SmPermitsQuery['work_category'],
    work_reference_number: q.workReferenceNumber,
    active_permit_only: q.activeOnly,
    is_traffic_sensitive: q.trafficSensitive,
    swa_code: q.highwayAuthority ?? q.promoter,
    start_date: startOfDay(q.dateFrom),
    end_date: endOfDay(q.dateTo),
    start_date_created: startOfDay(q.createdFrom),
    end_date_created: endOfDay(q.createdTo),
    ...sortColumn(q.sort, SORT_COLUMNS),
  };
}

export const permitList = (reporting: ReportingApiClient) =>
  pagedList({
    fields: PERMIT_FIELDS,
    query: permitsReportingQuery,
    page: (caller, q, offset) => reporting.permitsPage(caller, q, offset),
    item: permitFromReporting,
  });
