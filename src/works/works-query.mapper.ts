import { checkDateRange, endOfDay, startOfDay } from '../common/query/dates';
import { sortColumn } from '../common/query/sort';
import type { SmPermitsQuery } from '../upstreams/street-manager/reporting-api.client';
import type { ListWorksQueryDto } from './dto/list-works-query.dto';

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
 * street and USRN use its free-text `query`.
 */
export function reportingQueryFor(query: ListWorksQueryDto): SmPermitsQuery {
  checkDateRange(query.dateFrom, query.dateTo, 'dateFrom', 'dateTo');
  return {
    active_permit_only: true,
    work_status: query.status as SmPermitsQuery['work_status'],
    work_category: query.workCategory as SmPermitsQuery['work_category'],
    swa_code: query.highwayAuthority ?? query.promoter,
    query: query.usrn !== undefined ? String(query.usrn) : query.street,
    start_date: startOfDay(query.dateFrom),
    end_date: endOfDay(query.dateTo),
    ...sortColumn(query.sort, SORT_COLUMNS),
  };
}
