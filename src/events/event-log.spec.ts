import Redis from 'ioredis';
import { describeWithRedis, type RedisServer, startRedisServer } from '../../test/helpers/redis-server';
import { RedisAlarm } from '../redis/redis-alarm';
import { eventIdFromNumber, eventIdToNumber } from './event-id';
import { EventLog, type GatewayEvent, type NewGatewayEvent } from './gateway-event';
import { MemoryEventLog } from './memory-event-log';
import { RedisEventLog } from './redis-event-log';

const DAY = 24 * 3600 * 1000;
const RETENTION = 7 * DAY;

function event(organisation: string, n: number, occurredAt = '2026-12-05T10:00:00.000Z'): NewGatewayEvent {
  return {
    organisation,
    type: 'permit.granted',
    occurredAt,
    workReferenceNumber: `WRN${n}`,
    objectType: 'permit',
    objectReference: `WRN${n}-01`,
    links: [{ rel: 'permit', href: `/v1/works/WRN${n}/permits/WRN${n}-01` }],
  };
}

const ids = (events: GatewayEvent[]) => events.map((e) => e.workReferenceNumber);

/** The behaviour both stores share; `make` builds a log over a fresh store, with the clock the test drives. */
function contract(make: (now: () => number, maxEvents?: number) => Promise<EventLog>): void {
  let clock: number;
  let log: EventLog;
  beforeEach(async () => {
    clock = Date.now();
    log = await make(() => clock);
  });

  it('appends once per dedupe key and returns the stored event with an ordering id', async () => {
    const first = await log.append(event('AB', 1), 'u1');
    expect(first).toEqual({ id: expect.stringMatching(/^\d+-\d+$/), ...event('AB', 1) });
    expect(await log.append(event('AB', 1), 'u1')).toBeNull();
    expect(await log.readAfter('AB', undefined, 10)).toEqual([first]);
  });

  it('keeps one log per organisation: dedupe keys and reads never cross', async () => {
    await log.append(event('AB', 1), 'u1');
    expect(await log.append(event('CD', 2), 'u1')).not.toBeNull();
    expect(ids(await log.readAfter('AB', undefined, 10))).toEqual(['WRN1']);
    expect(ids(await log.readAfter('CD', undefined, 10))).toEqual(['WRN2']);
    expect(await log.readAfter('EF', undefined, 10)).toEqual([]);
  });

  it('reads after an id, exclusive, oldest first, up to the limit', async () => {
    const stored: GatewayEvent[] = [];
    for (let n = 1; n <= 5; n++) {
      stored.push((await log.append(event('AB', n), `u${n}`))!);
    }
    expect(ids(await log.readAfter('AB', undefined, 2))).toEqual(['WRN1', 'WRN2']);
    expect(ids(await log.readAfter('AB', stored[1].id, 2))).toEqual(['WRN3', 'WRN4']);
    expect(ids(await log.readAfter('AB', stored[4].id, 2))).toEqual([]);
  });

  it('reads the events that occurred at or after a time, whenever they were appended', async () => {
    await log.append(event('AB', 1, '2026-12-05T10:00:00.000Z'), 'u1');
    await log.append(event('AB', 2, '2026-12-05T09:00:00.000Z'), 'u2'); // a gap filled late
    await log.append(event('AB', 3, '2026-12-05T11:00:00.000Z'), 'u3');
    await log.append(event('AB', 4, '2026-12-05T12:00:00.000Z'), 'u4');
    expect(ids(await log.readSince('AB', new Date('2026-12-05T10:00:00.000Z'), 10))).toEqual([
      'WRN1',
      'WRN3',
      'WRN4',
    ]);
    expect(ids(await log.readSince('AB', new Date('2026-12-05T10:00:00.000Z'), 2))).toEqual(['WRN1', 'WRN3']);
    expect(ids(await log.readSince('AB', new Date('2026-12-05T08:00:00.000Z'), 10))).toEqual([
      'WRN1',
      'WRN2',
      'WRN3',
      'WRN4',
    ]);
  });

  it('forgets events and dedupe keys past the retention', async () => {
    await log.append(event('AB', 1), 'u1');
    clock += RETENTION + 60_000;
    expect(await log.readAfter('AB', undefined, 10)).toEqual([]);
    expect(await log.readSince('AB', new Date(0), 10)).toEqual([]);
    // the key expired with its event, so a late redelivery is a new event (Redis expires the key by its own clock)
    if (log instanceof MemoryEventLog) {
      expect(ids([(await log.append(event('AB', 1), 'u1'))!])).toEqual(['WRN1']);
    }
    await log.append(event('AB', 2), 'u2');
    expect(ids(await log.readAfter('AB', undefined, 10)).at(-1)).toEqual('WRN2');
  });

  it('calls every listener once per appended event, not for a duplicate, and survives a failing listener', async () => {
    const seen: string[] = [];
    log.onAppended(() => Promise.reject(new Error('listener down')));
    log.onAppended((e) => {
      seen.push(e.workReferenceNumber);
      return Promise.resolve();
    });
    await log.append(event('AB', 1), 'u1');
    await log.append(event('AB', 1), 'u1');
    await log.append(event('AB', 2), 'u2');
    expect(seen).toEqual(['WRN1', 'WRN2']);
  });

  it('keeps fewer than 1000 ids in one millisecond, so every id reads as an increasing number', async () => {
    const stored: GatewayEvent[] = [];
    for (let n = 0; n < 1002; n++) {
      stored.push((await log.append(event('AB', n), `u${n}`))!);
    }
    const numbers = stored.map((e) => eventIdToNumber(e.id));
    expect(numbers.every((v, i) => i === 0 || v > numbers[i - 1])).toBe(true);
    expect(stored.map((e) => eventIdFromNumber(eventIdToNumber(e.id)))).toEqual(stored.map((e) => e.id));
    expect(new Set(stored.map((e) => e.id.split('-')[0])).size).toBeGreaterThanOrEqual(2);
  });

  it('bounds each organisation by the maximum number of events', async () => {
    const small = await make(() => clock, 100);
    for (let n = 1; n <= 400; n++) {
      await small.append(event('AB', n), `u${n}`);
    }
    const kept = await small.readAfter('AB', undefined, 1_000);
    // Redis trims approximately (whole nodes), memory exactly: both keep the newest and drop the oldest
    expect(kept.length).toBeGreaterThanOrEqual(100);
    expect(kept.length).toBeLessThan(400);
    expect(kept.at(-1)?.workReferenceNumber).toBe('WRN400');
  });
}

describe('MemoryEventLog', () => {
  contract((now, max = 1_000) => Promise.resolve(new MemoryEventLog(RETENTION, max, now)));

  it('keeps ids monotonic when the clock steps back', async () => {
    let clock = 1_000_000;
    const log = new MemoryEventLog(RETENTION, 100, () => clock);
    const a = await log.append(event('AB', 1), 'u1');
    clock -= 5_000;
    const b = await log.append(event('AB', 2), 'u2');
    expect([a?.id, b?.id]).toEqual(['1000000-0', '1000000-1']);
  });
});

describeWithRedis('RedisEventLog (real redis-server)', () => {
  let server: RedisServer;
  const clients: Redis[] = [];
  const client = async () => {
    const c = new Redis(server.url, {
      keyPrefix: 'ev:',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      commandTimeout: 500,
    });
    await c.connect();
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(() => {
    clients.splice(0).forEach((c) => c.disconnect());
  });
  afterAll(() => server.stop());

  describe('contract', () => {
    contract(async (now, max = 1_000) => {
      const c = await client();
      await c.flushall();
      return new RedisEventLog(c, new RedisAlarm(), RETENTION, max, now);
    });
  });

  it('deduplicates across instances: of many concurrent appends of one key exactly one is stored', async () => {
    const [a, b] = [await client(), await client()];
    await a.flushall();
    const first = new RedisEventLog(a, new RedisAlarm(), RETENTION, 1_000);
    const second = new RedisEventLog(b, new RedisAlarm(), RETENTION, 1_000);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? first : second).append(event('AB', 1), 'same')),
    );
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await second.readAfter('AB', undefined, 100)).toHaveLength(1);
  });

  it('keeps the stream and its dedupe keys in one hash slot with a TTL of the retention', async () => {
    const c = await client();
    await c.flushall();
    await new RedisEventLog(c, new RedisAlarm(), RETENTION, 1_000).append(event('AB', 1), 'sm:42');
    const keys = (await c.keys('ev:*')).sort();
    expect(keys).toEqual(['ev:events:{AB}:dedupe:sm:42', 'ev:events:{AB}:stream']);
    for (const key of keys) {
      const ttl = await c.pttl(key.slice(3));
      expect(ttl).toBeGreaterThan(RETENTION - 60_000);
      expect(ttl).toBeLessThanOrEqual(RETENTION);
    }
  });

  it('refuses with a 503 and raises the alarm when Redis is unreachable, so the sender retries', async () => {
    const c = await client();
    const alarm = new RedisAlarm();
    const log = new RedisEventLog(c, alarm, RETENTION, 1_000);
    c.disconnect();
    await expect(log.append(event('AB', 1), 'u1')).rejects.toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
    });
    await expect(log.readAfter('AB', undefined, 10)).rejects.toMatchObject({ status: 503 });
    expect((await alarm.failures.get()).values).toEqual([
      expect.objectContaining({ labels: { store: 'events' }, value: 2 }),
    ]);
  });
});
