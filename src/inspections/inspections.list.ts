import { ValidationFailedError } from '../common/errors/api-error';
import { pagedList } from '../common/listing/list-spec';
import { endOfDay, startOfDay } from '../common/query/dates';
import { sortColumn } from '../common/query/sort';
import type { ReportingApiClient, SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { ListInspectionsQueryDto } from './dto/list-inspections-query.dto';
import { INSPECTION_SUMMARY_FIELDS, inspectionSummaryFromReporting } from './inspections.mapper';

type SmQuery = SmReportingLists['/inspections']['query'];

/**
 * V6's inspection list no longer marks reinspections (they are listed apart, without references, at
 * /reporting/reinspections), so `responseType=reinspection` cannot be served: a 422 rather than a silent no-op.
 */
function refuseReinspections(responseType: string[] | undefined): Record<string, never> {
  if (responseType?.includes('reinspection')) {
    throw new ValidationFailedError(
      [
        {
          field: 'responseType',
          message:
            'reinspection can no longer be listed: Street Manager V6 lists reinspections apart, without references',
        },
      ],
      'responseType=reinspection is not available since Street Manager V6',
    );
  }
  return {};
}

export const inspectionList = (reporting: ReportingApiClient) =>
  pagedList({
    fields: INSPECTION_SUMMARY_FIELDS,
    query: (q: ListInspectionsQueryDto): SmQuery => ({
      ...refuseReinspections(q.responseType),
      work_reference_number: q.workReferenceNumber,
      inspection_type: q.type as SmQuery['inspection_type'],
      inspection_outcome: q.outcome as SmQuery['inspection_outcome'],
      start_date: startOfDay(q.inspectionDateFrom),
      end_date: endOfDay(q.inspectionDateTo),
      start_date_created: startOfDay(q.createdFrom),
      end_date_created: endOfDay(q.createdTo),
      ...sortColumn(q.sort, { inspectionDate: 'inspection_date' as const }),
    }),
    page: (caller, q, offset) => reporting.listPage(caller, '/inspections', q, offset),
    item: inspectionSummaryFromReporting,
  });
