import { Injectable } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import type { components, operations } from './generated/event';
import { StreetManagerTransport } from './street-manager.transport';
import { EVENT_PAGE_SIZE_DEFAULT, EVENT_PAGE_SIZE_MAX } from './v6-assumptions';

type Schemas = components['schemas'];
export type SmWorkUpdateSummary = Schemas['WorkUpdateSummaryResponse'];
export type SmWorkUpdatesQuery = NonNullable<operations['get_works_updates']['parameters']['query']>;
export type SmSubscriptionCreateRequest = Schemas['SubscriptionCreateRequest'];

/** One page of the Event API's work-update feed, in Street Manager's shape plus the cursor to ask for the next. */
export interface WorkUpdatesPage {
  rows: SmWorkUpdateSummary[];
  /**
   * Pass as `updateId` to read on. `null` = the feed has nothing after this page yet (poll again later from the
   * last row's `update_id`, or from the same cursor when the page was empty).
   */
  nextUpdate: number | null;
}

export interface WorkUpdatesQuery {
  /** cursor: only updates after this id (Street Manager's `update_id`) */
  updateId?: number;
  /** ISO 8601 date-times bounding the update time */
  startDate?: string;
  endDate?: string;
  /** only works of this organisation (promoter or highway authority) */
  swaCode?: string;
  workstreamPrefixes?: string[];
  /** leave out updates made by this Street Manager user (email), e.g. the gateway's own writes */
  excludeEventsFrom?: string;
  /** 1..250 rows (Street Manager's default 100); clamped here so a caller cannot ask for a refused size */
  pageSize?: number;
}

export interface EventSubscription {
  subscriptionReferenceNumber: string;
}

/**
 * A caller for work the gateway does on its own account (polling, subscribing to push notifications): acts with
 * the credential of `organisation` (or the default credential), and signs writes as the gateway.
 */
export function gatewayCaller(organisation?: string): Caller {
  return {
    clientId: 'streetworks-gateway',
    kind: 'anonymous',
    name: 'streetworks-gateway',
    product: 'internal',
    permissions: [],
    organisation,
    userIdentifier: 'streetworks-gateway',
    userName: 'streetworks-gateway',
  };
}

/**
 * Street Manager's Event API (V6, `/v6/event`): the cursor-paged work-update feed that replaced the Reporting
 * API's `/works/updates`, and the subscription to push notifications (Street Manager POSTs an SNS message to the
 * subscribed endpoint for every work event). Street Manager's shapes in, neutral page out; see v6-assumptions.ts
 * for what the V6 files cannot say (page size limits, status codes).
 */
@Injectable()
export class EventApiClient {
  constructor(private readonly transport: StreetManagerTransport) {}

  /** `GET /works/updates`: one page after the cursor (or in a date range), oldest first. */
  async workUpdates(
    caller: Caller | undefined,
    query: WorkUpdatesQuery,
    signal?: AbortSignal,
  ): Promise<WorkUpdatesPage> {
    const smQuery: SmWorkUpdatesQuery = {
      update_id: query.updateId,
      start_date: query.startDate,
      end_date: query.endDate,
      swa_code: query.swaCode,
      workstream_prefix: query.workstreamPrefixes,
      exclude_events_from: query.excludeEventsFrom,
      page_size: clampPageSize(query.pageSize),
    };
    const response = await this.transport.request<Schemas['WorkUpdateResponse']>({
      api: 'event',
      operation: 'getWorkUpdates',
      method: 'GET',
      pathTemplate: '/works/updates',
      query: smQuery,
      caller,
      signal,
    });
    return { rows: response.body.rows, nextUpdate: response.body.next_update ?? null };
  }

  /**
   * `POST /api-notifications/subscribe`: Street Manager will POST each work event of the credential's
   * organisation to `apiEndpoint` (an HTTPS URL, at most 2048 characters) as an SNS message; the first message
   * is a SubscriptionConfirmation the receiver must confirm.
   */
  async subscribe(
    caller: Caller | undefined,
    apiEndpoint: string,
    description?: string,
  ): Promise<EventSubscription> {
    const body: Omit<SmSubscriptionCreateRequest, 'internal_user_identifier' | 'internal_user_name'> = {
      api_endpoint: apiEndpoint,
      ...(description !== undefined ? { subscription_description: description } : {}),
    };
    const response = await this.transport.request<Schemas['SubscriptionCreateResponse']>({
      api: 'event',
      operation: 'subscribeToEvents',
      method: 'POST',
      pathTemplate: '/api-notifications/subscribe',
      body,
      caller,
    });
    return { subscriptionReferenceNumber: response.body.subscription_reference_number };
  }

  /**
   * `POST /api-notifications/unsubscribe`: ends one subscription (by reference) or, without a reference, the
   * organisation's subscription (the 2025 form of the call had no body fields; V6-A11).
   */
  async unsubscribe(caller: Caller | undefined, subscriptionReferenceNumber?: string): Promise<void> {
    await this.transport.request<undefined>({
      api: 'event',
      operation: 'unsubscribeFromEvents',
      method: 'POST',
      pathTemplate: '/api-notifications/unsubscribe',
      body:
        subscriptionReferenceNumber !== undefined
          ? { subscription_reference_number: subscriptionReferenceNumber }
          : {},
      caller,
    });
  }
}

export function clampPageSize(pageSize: number | undefined): number {
  if (pageSize === undefined || !Number.isFinite(pageSize)) {
    return EVENT_PAGE_SIZE_DEFAULT;
  }
  return Math.min(EVENT_PAGE_SIZE_MAX, Math.max(1, Math.floor(pageSize)));
}
