import { BadRequestError } from '../common/errors/api-error';
import { pagedList } from '../common/listing/list-spec';
import { endOfDay, startOfDay } from '../common/query/dates';
import { sortColumn } from '../common/query/sort';
import { workReferenceOf } from '../common/vocabulary/references';
import type { ReportingApiClient, SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { ListPermitAlterationsQueryDto } from './dto/list-permit-alterations-query.dto';
import { ALTERATION_SUMMARY_FIELDS, alterationSummaryFromReporting } from './permit-alterations.mapper';

type SmQuery = SmReportingLists['/alterations']['query'];

export const alterationList = (reporting: ReportingApiClient) =>
  pagedList({
    fields: ALTERATION_SUMMARY_FIELDS,
    query: (q: ListPermitAlterationsQueryDto): SmQuery => {
      const { permitReferenceNumber: permit, workReferenceNumber: work } = q;
      if (permit && work && workReferenceOf(permit) !== work) {
        throw new BadRequestError('permitReferenceNumber is not a permit of workReferenceNumber', [
          { field: 'permitReferenceNumber', message: `must be a permit of work ${work}` },
        ]);
      }
      return {
        // V6's reference filter (V6-A20): an alteration's reference contains its permit's, which contains its work's.
        permit_alteration_reference_number: permit ?? work,
        alteration_status: q.status as SmQuery['alteration_status'],
        alteration_type: q.type as SmQuery['alteration_type'],
        work_status: q.workStatus as SmQuery['work_status'],
        work_category: q.workCategory as SmQuery['work_category'],
        start_date_created: startOfDay(q.createdFrom),
        end_date_created: endOfDay(q.createdTo),
        ...sortColumn(q.sort, {
          dateCreated: 'date_created' as const,
          proposedStartDate: 'proposed_start_date' as const,
          proposedEndDate: 'proposed_end_date' as const,
          statusChangedDate: 'status_changed_date' as const,
        }),
      };
    },
    page: (caller, q, offset) => reporting.listPage(caller, '/alterations', q, offset),
    item: alterationSummaryFromReporting,
  });
