import { Injectable } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import type { UpstreamPage } from '../../common/paging/upstream-window';
import type { components, operations } from './generated/reporting';
import { StreetManagerTransport } from './street-manager.transport';

type Schemas = components['schemas'];
export type SmPermitSummary = Schemas['PermitSummaryResponse'];
export type SmWorkSearchRow = Schemas['WorkSearchResponse'];
export type SmActivitySummary = Schemas['ActivitySummaryResponse'];
/** Paging and counting are the client's business, not the caller's. */
type ListQuery<Q> = Omit<NonNullable<Q>, 'offset' | 'include_total_count'>;
export type SmPermitsQuery = ListQuery<operations['get_permits']['parameters']['query']>;

/** Every reporting list answers `{ pagination: { total_rows, has_next_page }, rows }`, 25 rows a page (V6-A4). */
interface SmReportingPage<T> {
  pagination: Schemas['PaginationResponse'];
  rows: T[];
}

function toPage<T>(page: SmReportingPage<T>): UpstreamPage<T> {
  return {
    rows: page.rows,
    totalRows: page.pagination.total_rows,
    hasNextPage: page.pagination.has_next_page,
  };
}

/**
 * Street Manager's Reporting API (V6): the paged lists (the work-update feed moved to the Event API,
 * event-api.client.ts). List methods take the upstream offset and return a neutral UpstreamPage, ready for
 * fetchWindow() (src/common/paging). Every list that takes it is asked for its total (`include_total_count`,
 * V6-A4): the v1 pages show one.
 *
 * Adding a list: one method like permitsPage(), typed with the generated `operations['GetX']` query and the
 * row schema; the resource service passes it to fetchWindow().
 */
@Injectable()
export class ReportingApiClient {
  constructor(private readonly transport: StreetManagerTransport) {}

  async permitsPage(
    caller: Caller,
    query: SmPermitsQuery,
    offset: number,
  ): Promise<UpstreamPage<SmPermitSummary>> {
    const response = await this.transport.request<SmReportingPage<SmPermitSummary>>({
      api: 'reporting',
      operation: 'getPermits',
      method: 'GET',
      pathTemplate: '/permits',
      query: { ...query, offset, include_total_count: true },
      caller,
    });
    return toPage(response.body);
  }

  /**
   * `GET /works`: works whose reference starts with `workReferenceNumber` (V6-A5), one unpaged answer. A search,
   * not a list: it cannot filter by status or date.
   */
  async searchWorks(
    caller: Caller,
    workReferenceNumber: string,
    swaCode?: string,
  ): Promise<SmWorkSearchRow[]> {
    const response = await this.transport.request<Schemas['WorkSearchReportingResponse']>({
      api: 'reporting',
      operation: 'searchWorks',
      method: 'GET',
      pathTemplate: '/works',
      query: { work_reference_number: workReferenceNumber, swa_code: swaCode },
      caller,
    });
    return response.body.rows;
  }

  /** One 25-row page of a reporting list other than permits (inspections, FPNs, comments, ...), ready for fetchWindow(). */
  async listPage<K extends keyof SmReportingLists>(
    caller: Caller,
    list: K,
    query: SmReportingLists[K]['query'],
    offset: number,
  ): Promise<UpstreamPage<SmReportingLists[K]['row']>> {
    const response = await this.transport.request<SmReportingPage<SmReportingLists[K]['row']>>({
      api: 'reporting',
      operation: REPORTING_LIST_OPERATIONS[list],
      method: 'GET',
      pathTemplate: list,
      query: { ...query, offset, include_total_count: true },
      caller,
    });
    return toPage(response.body);
  }
}

/** The reporting lists behind the outer resources other than works and permits: path → query and row types. */
export interface SmReportingLists {
  '/inspections': {
    query: ListQuery<operations['get_inspections']['parameters']['query']>;
    row: Schemas['InspectionSummaryResponse'];
  };
  '/fixed-penalty-notices': {
    query: ListQuery<operations['get_fpns']['parameters']['query']>;
    row: Schemas['FPNSummaryResponse'];
  };
  '/comments': {
    query: ListQuery<operations['get_comments']['parameters']['query']>;
    row: Schemas['CommentSummaryResponse'];
  };
  '/forward-plans': {
    query: ListQuery<operations['get_forward_plans']['parameters']['query']>;
    row: Schemas['ForwardPlanSummaryResponse'];
  };
  '/section-81s': {
    query: ListQuery<operations['get_section81s']['parameters']['query']>;
    row: Schemas['Section81SummaryResponse'];
  };
  '/alterations': {
    query: ListQuery<operations['get_alterations']['parameters']['query']>;
    row: Schemas['AlterationSummaryResponse'];
  };
  '/activities': {
    query: ListQuery<operations['get_activities']['parameters']['query']>;
    row: SmActivitySummary;
  };
}

const REPORTING_LIST_OPERATIONS: Record<keyof SmReportingLists, string> = {
  '/inspections': 'getInspections',
  '/fixed-penalty-notices': 'getFixedPenaltyNotices',
  '/comments': 'getComments',
  '/forward-plans': 'getForwardPlans',
  '/section-81s': 'getSection81s',
  '/alterations': 'getAlterations',
  '/activities': 'getActivities',
};
