import { pagedList } from '../common/listing/list-spec';
import { sortColumn } from '../common/query/sort';
import type { ReportingApiClient, SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { ListSection81sQueryDto } from './dto/list-section-81s-query.dto';
import { SECTION_81_SUMMARY_FIELDS, section81SummaryFromReporting } from './section-81s.mapper';

type SmQuery = SmReportingLists['/section-81s']['query'];

export const section81List = (reporting: ReportingApiClient) =>
  pagedList({
    fields: SECTION_81_SUMMARY_FIELDS,
    query: (q: ListSection81sQueryDto): SmQuery => ({
      // V6 filters by the section 81's reference, which starts with its work's (V6-A20)
      section_81_reference_number: q.workReferenceNumber,
      section_81_status: q.status as SmQuery['section_81_status'],
      section_81_severity: q.severity as SmQuery['section_81_severity'],
      ...sortColumn(q.sort, { statusChangedDate: 'status_changed_date' as const }),
    }),
    page: (caller, q, offset) => reporting.listPage(caller, '/section-81s', q, offset),
    item: section81SummaryFromReporting,
  });
