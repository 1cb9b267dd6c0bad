/**
 * The seam between the event intake (Street Manager notifications and the reconciler, which append) and webhook
 * delivery (which listens). Our shape, our vocabulary: never Street Manager's message.
 */
export interface EventLink {
  rel: string;
  href: string;
}

export interface GatewayEvent {
  /** Orders events within one organisation's log (a Redis stream id, or the same form in memory). */
  id: string;
  /** SWA code of the organisation whose log holds the event. */
  organisation: string;
  /** Our vocabulary, e.g. `work.created`, `permit.status-changed`. */
  type: string;
  /** ISO 8601. */
  occurredAt: string;
  workReferenceNumber: string;
  objectType: string;
  objectReference: string;
  /** `/v1` paths only. */
  links: EventLink[];
}

export type NewGatewayEvent = Omit<GatewayEvent, 'id'>;

export type EventListener = (event: GatewayEvent) => Promise<void>;

export abstract class EventLog {
  /** Appends once per `dedupeKey` (for example the Street Manager update id); null when it was already there. */
  abstract append(event: NewGatewayEvent, dedupeKey: string): Promise<GatewayEvent | null>;
  /** Events of one organisation after `afterId` (exclusive; undefined from the start), oldest first. */
  abstract readAfter(
    organisation: string,
    afterId: string | undefined,
    limit: number,
  ): Promise<GatewayEvent[]>;
  /** Events of one organisation that occurred at or after `since`, oldest first. */
  abstract readSince(organisation: string, since: Date, limit: number): Promise<GatewayEvent[]>;
  /** Called once per appended event, on the instance that appended it. */
  abstract onAppended(listener: EventListener): void;
}
