import type { GatewayEvent } from '../events/gateway-event';
import type { WebhookSubscription } from './webhook.model';

/** The body of every delivery: Standard Webhooks' recommended `{ type, timestamp, data }`, small, links back to /v1. */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: {
    eventId: string;
    workReferenceNumber: string;
    objectType: string;
    objectReference: string;
    links: { rel: string; href: string }[];
  };
}

/** `publicBaseUrl` (when configured) makes the links absolute; the receiver calls them with its own credentials. */
export function webhookPayload(event: GatewayEvent, publicBaseUrl: string | undefined): WebhookPayload {
  return {
    type: event.type,
    timestamp: event.occurredAt,
    data: {
      eventId: event.id,
      workReferenceNumber: event.workReferenceNumber,
      objectType: event.objectType,
      objectReference: event.objectReference,
      links: event.links.map((l) => ({
        rel: l.rel,
        href: publicBaseUrl && l.href.startsWith('/') ? `${publicBaseUrl}${l.href}` : l.href,
      })),
    },
  };
}

/** `permit.granted` matches `permit.granted`, `permit.*` and `*`. */
export function wantsType(patterns: string[], type: string): boolean {
  return patterns.some(
    (p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))),
  );
}

export function matches(subscription: WebhookSubscription, event: GatewayEvent): boolean {
  return (
    subscription.organisation === event.organisation &&
    wantsType(subscription.eventTypes, event.type) &&
    (!subscription.workReferenceNumbers?.length ||
      subscription.workReferenceNumbers.includes(event.workReferenceNumber))
  );
}

/** The type a test delivery carries; integrators may subscribe to it by name or with `*`. */
export const TEST_EVENT_TYPE = 'webhook.test';
