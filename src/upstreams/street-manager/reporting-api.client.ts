import { Injectable } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import type { UpstreamPage } from '../../common/paging/upstream-window';
import type { components, operations } from './generated/reporting';
import { StreetManagerTransport } from './street-manager.transport';

type Schemas = components['schemas'];
export type SmPermitSummary = Schemas['PermitSummaryResponse'];
export type SmWorkUpdate = Schemas['WorkUpdateResponse'];
export type SmPermitsQuery = NonNullable<operations['GetPermits']['parameters']['query']>;
export type SmWorkUpdatesQuery = NonNullable<operations['GetUpdates']['parameters']['query']>;

/** Every reporting list answers `{ pagination: { total_rows, has_next_page }, rows }`, 25 rows a page. */
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
 * Street Manager's Reporting API (V3.6): the paged lists and the `/works/updates` feed. List methods take the
 * upstream offset and return a neutral UpstreamPage, ready for fetchWindow() (src/common/paging).
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
      query: { ...query, offset },
      caller,
    });
    return toPage(response.body);
  }

  /** Work updates with an id above `update_id` (or in a date range); Street Manager caps one answer at 500. */
  async workUpdates(caller: Caller, query: SmWorkUpdatesQuery): Promise<SmWorkUpdate[]> {
    const response = await this.transport.request<SmWorkUpdate[]>({
      api: 'reporting',
      operation: 'getWorkUpdates',
      method: 'GET',
      pathTemplate: '/works/updates',
      query,
      caller,
    });
    return response.body;
  }
}
