import { compareEventIds, eventIdTime, MAX_SEQUENCE } from './event-id';
import { EventListeners } from './event-listeners';
import { EventLog, type EventListener, type GatewayEvent, type NewGatewayEvent } from './gateway-event';

interface OrganisationLog {
  events: GatewayEvent[];
  /** dedupe key → when it expires; insertion order is expiry order (constant retention, monotonic ids) */
  dedupe: Map<string, number>;
}

/**
 * The log in this process's memory: one instance only, lost on restart (the module says so at boot). Bounded by the
 * retention and by a maximum number of events per organisation; ids have the same form as Redis stream ids.
 */
export class MemoryEventLog extends EventLog {
  private readonly logs = new Map<string, OrganisationLog>();
  private readonly listeners = new EventListeners();
  private lastMs = 0;
  private sequence = 0;

  constructor(
    private readonly retentionMs: number,
    private readonly maxEventsPerOrganisation: number,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  async append(event: NewGatewayEvent, dedupeKey: string): Promise<GatewayEvent | null> {
    const log = this.trimmed(event.organisation);
    const now = this.now();
    const expires = log.dedupe.get(dedupeKey);
    if (expires !== undefined && expires > now) {
      return null;
    }
    log.dedupe.delete(dedupeKey);
    log.dedupe.set(dedupeKey, now + this.retentionMs);
    const stored: GatewayEvent = { id: this.nextId(now), ...event };
    log.events.push(stored);
    if (log.events.length > this.maxEventsPerOrganisation) {
      log.events.shift();
    }
    if (log.dedupe.size > this.maxEventsPerOrganisation) {
      log.dedupe.delete(log.dedupe.keys().next().value as string);
    }
    await this.listeners.notify(stored);
    return stored;
  }

  readAfter(organisation: string, afterId: string | undefined, limit: number): Promise<GatewayEvent[]> {
    const events = this.trimmed(organisation).events;
    const start = afterId === undefined ? 0 : firstAfter(events, afterId);
    return Promise.resolve(events.slice(start, start + limit));
  }

  readSince(organisation: string, since: Date, limit: number): Promise<GatewayEvent[]> {
    const from = since.getTime();
    const found: GatewayEvent[] = [];
    for (const event of this.trimmed(organisation).events) {
      if (found.length >= limit) {
        break;
      }
      if (Date.parse(event.occurredAt) >= from) {
        found.push(event);
      }
    }
    return Promise.resolve(found);
  }

  onAppended(listener: EventListener): void {
    this.listeners.add(listener);
  }

  /** The organisation's log with everything past the retention removed. */
  private trimmed(organisation: string): OrganisationLog {
    let log = this.logs.get(organisation);
    if (!log) {
      log = { events: [], dedupe: new Map() };
      this.logs.set(organisation, log);
    }
    const now = this.now();
    const oldest = now - this.retentionMs;
    let drop = 0;
    while (drop < log.events.length && eventIdTime(log.events[drop].id) < oldest) {
      drop++;
    }
    if (drop > 0) {
      log.events.splice(0, drop);
    }
    for (const [key, expires] of log.dedupe) {
      if (expires > now) {
        break;
      }
      log.dedupe.delete(key);
    }
    return log;
  }

  /** Monotonic even if the clock steps back, as a Redis stream's ids are; never MAX_SEQUENCE events in one ms. */
  private nextId(now: number): string {
    if (now > this.lastMs) {
      this.lastMs = now;
      this.sequence = 0;
    } else if (this.sequence + 1 >= MAX_SEQUENCE) {
      this.lastMs++;
      this.sequence = 0;
    } else {
      this.sequence++;
    }
    return `${this.lastMs}-${this.sequence}`;
  }
}

/** Index of the first event whose id orders after `afterId` (events are in id order). */
function firstAfter(events: GatewayEvent[], afterId: string): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareEventIds(events[mid].id, afterId) <= 0) {
      low = mid + 1;
    } else {
      high = mid;
    }
  }
  return low;
}
