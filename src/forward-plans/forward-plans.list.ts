import { pagedList } from '../common/listing/list-spec';
import { endOfDay, startOfDay } from '../common/query/dates';
import type { ReportingApiClient, SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { ListForwardPlansQueryDto } from './dto/list-forward-plans-query.dto';
import { FORWARD_PLAN_SUMMARY_FIELDS, forwardPlanSummaryFromReporting } from './forward-plans.mapper';

type SmQuery = SmReportingLists['/forward-plans']['query'];

export const forwardPlanList = (reporting: ReportingApiClient) =>
  pagedList({
    fields: FORWARD_PLAN_SUMMARY_FIELDS,
    query: (q: ListForwardPlansQueryDto): SmQuery => ({
      // V6 filters by the plan's reference, which starts with its work's (V6-A20)
      forward_plan_reference_number: q.workReferenceNumber,
      forward_plan_status: q.status as SmQuery['forward_plan_status'],
      proposed_start_date: startOfDay(q.dateFrom),
      proposed_end_date: endOfDay(q.dateTo),
    }),
    page: (caller, q, offset) => reporting.listPage(caller, '/forward-plans', q, offset),
    item: forwardPlanSummaryFromReporting,
  });
