import type Redis from 'ioredis';
import type { RedisAlarm } from '../redis/redis-alarm';
import { SharedStateUnavailableError } from '../redis/shared-state-unavailable.error';
import { isEventId } from './event-id';
import { EventListeners } from './event-listeners';
import { EventLog, type EventListener, type GatewayEvent, type NewGatewayEvent } from './gateway-event';

/**
 * Appends once per dedupe key, atomically: the SET NX and the XADD happen together or not at all, so a failure can
 * never leave a dedupe key without its event (which would lose the event for good). The id's time is the caller's
 * clock (the same clock the retention is measured with), kept above the stream's last id when clocks differ between
 * instances, and with fewer than 1000 ids per millisecond (MAX_SEQUENCE: an id also reads as one number). Then the stream is trimmed to the retention and expires if the organisation stays silent that long.
 * KEYS: dedupe key, stream. ARGV: retention ms, now ms, min id, max length, payload.
 */
const APPEND = `
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then return false end
local ms = tonumber(ARGV[2])
local seq = 0
local last = redis.call('XREVRANGE', KEYS[2], '+', '-', 'COUNT', 1)[1]
if last then
  local lastMs, lastSeq = string.match(last[1], '^(%d+)-(%d+)$')
  if tonumber(lastMs) >= ms then
    ms = tonumber(lastMs)
    seq = tonumber(lastSeq) + 1
    if seq >= 1000 then
      ms = ms + 1
      seq = 0
    end
  end
end
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[4], string.format('%d-%d', ms, seq), 'e', ARGV[5])
redis.call('XTRIM', KEYS[2], 'MINID', ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
return id
`;

type WithAppend = Redis & {
  eventLogAppend(
    dedupe: string,
    stream: string,
    retentionMs: number,
    nowMs: number,
    minId: string,
    maxLen: number,
    payload: string,
  ): Promise<string | null>;
};

type StreamEntry = [id: string, fields: string[]];

const SCAN_BATCH = 500;

/**
 * The log in Redis streams, shared by every instance: one stream per organisation (`events:{SWA}:stream`, the
 * hash tag keeps an organisation's keys in one cluster slot), each entry one JSON field. Events older than the
 * retention are trimmed on append and skipped on read. With Redis down an append or read fails with a 503, so the
 * sender of a notification retries it rather than losing it.
 */
export class RedisEventLog extends EventLog {
  private readonly redis: WithAppend;
  private readonly listeners = new EventListeners();

  constructor(
    redis: Redis,
    private readonly alarm: RedisAlarm,
    private readonly retentionMs: number,
    private readonly maxEventsPerOrganisation: number,
    private readonly now: () => number = Date.now,
  ) {
    super();
    if (!('eventLogAppend' in redis)) {
      redis.defineCommand('eventLogAppend', { numberOfKeys: 2, lua: APPEND });
    }
    this.redis = redis as WithAppend;
  }

  async append(event: NewGatewayEvent, dedupeKey: string): Promise<GatewayEvent | null> {
    const { organisation } = event;
    let id: string | null;
    try {
      id = await this.redis.eventLogAppend(
        `events:{${organisation}}:dedupe:${dedupeKey}`,
        streamKey(organisation),
        this.retentionMs,
        this.now(),
        this.minId(),
        this.maxEventsPerOrganisation,
        JSON.stringify(event),
      );
    } catch (e) {
      throw this.unavailable(e);
    }
    if (id === null) {
      return null;
    }
    const stored: GatewayEvent = { id, ...event };
    await this.listeners.notify(stored);
    return stored;
  }

  async readAfter(organisation: string, afterId: string | undefined, limit: number): Promise<GatewayEvent[]> {
    if (afterId !== undefined && !isEventId(afterId)) {
      throw new TypeError('readAfter needs an event id');
    }
    const start = afterId === undefined ? this.minId() : `(${afterId}`;
    return this.range(organisation, start, limit);
  }

  async readSince(organisation: string, since: Date, limit: number): Promise<GatewayEvent[]> {
    // Scans the retained log: an event can be appended long after it occurred (the reconciler filling a gap).
    const from = since.getTime();
    const found: GatewayEvent[] = [];
    let start = this.minId();
    while (found.length < limit) {
      const batch = await this.range(organisation, start, SCAN_BATCH);
      for (const event of batch) {
        if (Date.parse(event.occurredAt) >= from) {
          found.push(event);
          if (found.length >= limit) {
            break;
          }
        }
      }
      if (batch.length < SCAN_BATCH) {
        break;
      }
      start = `(${batch[batch.length - 1].id}`;
    }
    return found;
  }

  onAppended(listener: EventListener): void {
    this.listeners.add(listener);
  }

  private async range(organisation: string, start: string, limit: number): Promise<GatewayEvent[]> {
    let entries: StreamEntry[];
    try {
      entries = await this.redis.xrange(streamKey(organisation), start, '+', 'COUNT', limit);
    } catch (e) {
      throw this.unavailable(e);
    }
    return entries.map(([id, fields]) => ({ id, ...(JSON.parse(fields[1]) as NewGatewayEvent) }));
  }

  /** Entries before this id are past the retention (they may linger until the next append trims them). */
  private minId(): string {
    return `${Math.max(0, this.now() - this.retentionMs)}-0`;
  }

  private unavailable(e: unknown): SharedStateUnavailableError {
    this.alarm.raise(
      'events',
      e,
      'events can be neither stored nor read; Street Manager retries its notifications',
    );
    return new SharedStateUnavailableError();
  }
}

function streamKey(organisation: string): string {
  return `events:{${organisation}}:stream`;
}
