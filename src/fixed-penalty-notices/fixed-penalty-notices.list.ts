import { pagedList } from '../common/listing/list-spec';
import { endOfDay, startOfDay } from '../common/query/dates';
import { sortColumn } from '../common/query/sort';
import type { ReportingApiClient, SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { ListFixedPenaltyNoticesQueryDto } from './dto/list-fixed-penalty-notices-query.dto';
import { FPN_SUMMARY_FIELDS, fpnSummaryFromReporting } from './fixed-penalty-notices.mapper';

type SmQuery = SmReportingLists['/fixed-penalty-notices']['query'];

export const fpnList = (reporting: ReportingApiClient) =>
  pagedList({
    fields: FPN_SUMMARY_FIELDS,
    query: (q: ListFixedPenaltyNoticesQueryDto): SmQuery => ({
      work_reference_number: q.workReferenceNumber,
      status: q.status as SmQuery['status'],
      offence_code: q.offenceCode as SmQuery['offence_code'],
      start_date: startOfDay(q.issueDateFrom),
      end_date: endOfDay(q.issueDateTo),
      status_changed_date_from: startOfDay(q.statusChangedFrom),
      status_changed_date_to: endOfDay(q.statusChangedTo),
      ...sortColumn(q.sort, {
        issueDate: 'issue_date_time' as const,
        statusChangedDate: 'status_changed_date' as const,
      }),
    }),
    page: (caller, q, offset) => reporting.listPage(caller, '/fixed-penalty-notices', q, offset),
    item: fpnSummaryFromReporting,
  });
