import { pagedList } from '../common/listing/list-spec';
import { endOfDay, startOfDay } from '../common/query/dates';
import { sortColumn } from '../common/query/sort';
import type { ReportingApiClient, SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { ListInspectionsQueryDto } from './dto/list-inspections-query.dto';
import { INSPECTION_SUMMARY_FIELDS, inspectionSummaryFromReporting } from './inspections.mapper';

type SmQuery = SmReportingLists['/inspections']['query'];

export const inspectionList = (reporting: ReportingApiClient) =>
  pagedList({
    fields: INSPECTION_SUMMARY_FIELDS,
    query: (q: ListInspectionsQueryDto): SmQuery => ({
      query: q.workReferenceNumber,
      inspection_type: q.type as SmQuery['inspection_type'],
      inspection_outcome: q.outcome as SmQuery['inspection_outcome'],
      inspection_response_type: q.responseType as SmQuery['inspection_response_type'],
      start_date: startOfDay(q.inspectionDateFrom),
      end_date: endOfDay(q.inspectionDateTo),
      start_date_created: startOfDay(q.createdFrom),
      end_date_created: endOfDay(q.createdTo),
      ...sortColumn(q.sort, { inspectionDate: 'inspection_date' as const }),
    }),
    page: (caller, q, offset) => reporting.listPage(caller, '/inspections', q, offset),
    item: inspectionSummaryFromReporting,
  });
