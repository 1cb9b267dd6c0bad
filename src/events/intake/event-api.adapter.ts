import { Injectable } from '@nestjs/common';
import { EventApiClient, gatewayCaller } from '../../upstreams/street-manager/event-api.client';
import { type EventApiPage, StreetManagerEventApi } from './street-manager-event-api';

/** The intake's view of Street Manager's Event API: the gateway's own calls, with each credential in turn. */
@Injectable()
export class EventApiAdapter extends StreetManagerEventApi {
  constructor(private readonly client: EventApiClient) {
    super();
  }

  async workUpdates(
    organisation: string | undefined,
    query: { updateId?: number; startDate?: string; pageSize: number },
  ): Promise<EventApiPage> {
    const page = await this.client.workUpdates(gatewayCaller(organisation), query);
    return { rows: page.rows, nextUpdate: page.nextUpdate };
  }

  async subscribe(organisation: string | undefined, endpoint: string): Promise<string> {
    const { subscriptionReferenceNumber } = await this.client.subscribe(
      gatewayCaller(organisation),
      endpoint,
      'streetworks-gateway event intake',
    );
    return subscriptionReferenceNumber;
  }

  unsubscribe(organisation: string | undefined, reference: string): Promise<void> {
    return this.client.unsubscribe(gatewayCaller(organisation), reference || undefined);
  }
}
