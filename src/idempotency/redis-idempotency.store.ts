import type Redis from 'ioredis';
import type { RedisAlarm } from '../redis/redis-alarm';
import { SharedStateUnavailableError } from '../redis/shared-state-unavailable.error';
import type { BeginResult, IdempotencyStore, StoredResponse } from './idempotency.store';

/*
 * A record is one string: 'F' + fingerprint while in flight, 'C' + JSON { fingerprint, response } once completed.
 * BEGIN: SET NX PX takes the key, or hands back what holds it, in one atomic step, so two instances receiving the
 * same key at once can never both acquire it.
 */
const BEGIN = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return false end
return redis.call('GET', KEYS[1])
`;
/** Forgets a key only while it is still in flight: a completed answer must outlive a late release. */
const RELEASE = `
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, 1) == 'F' then return redis.call('DEL', KEYS[1]) end
return 0
`;

type WithScripts = Redis & {
  idempotencyBegin(key: string, inFlight: string, lockMs: number): Promise<string | null>;
  idempotencyRelease(key: string): Promise<number>;
};

/**
 * Idempotency records shared by every instance, so a retried POST that lands elsewhere still replays. Fails closed:
 * without Redis the gateway cannot know whether the key was used, and running the POST anyway could create a
 * duplicate, so begin() answers 503 with Retry-After.
 */
export class RedisIdempotencyStore implements IdempotencyStore {
  private readonly redis: WithScripts;

  constructor(
    redis: Redis,
    private readonly alarm: RedisAlarm,
    private readonly ttlMs: number,
    private readonly lockMs: number,
  ) {
    redis.defineCommand('idempotencyBegin', { numberOfKeys: 1, lua: BEGIN });
    redis.defineCommand('idempotencyRelease', { numberOfKeys: 1, lua: RELEASE });
    this.redis = redis as WithScripts;
  }

  async begin(key: string, fingerprint: string): Promise<BeginResult> {
    let held: string | null;
    try {
      held = await this.redis.idempotencyBegin(redisKey(key), `F${fingerprint}`, this.lockMs);
    } catch (e) {
      this.alarm.raise(
        'idempotency',
        e,
        'POSTs with an Idempotency-Key are refused with 503 until Redis answers',
      );
      throw new SharedStateUnavailableError();
    }
    if (held === null) {
      return { state: 'acquired' };
    }
    if (held.startsWith('F')) {
      return { state: 'in-flight', fingerprint: held.slice(1) };
    }
    const record = JSON.parse(held.slice(1)) as { fingerprint: string; response: StoredResponse };
    return { state: 'completed', fingerprint: record.fingerprint, response: record.response };
  }

  async complete(key: string, fingerprint: string, response: StoredResponse): Promise<void> {
    try {
      await this.redis.set(redisKey(key), `C${JSON.stringify({ fingerprint, response })}`, 'PX', this.ttlMs);
    } catch (e) {
      // The POST has happened: failing the caller now would invite the very retry that duplicates it. The key stays
      // in flight (409 to retries) until its lock expires.
      this.alarm.raise('idempotency', e, 'a completed POST could not be recorded for replay');
    }
  }

  async release(key: string): Promise<void> {
    try {
      await this.redis.idempotencyRelease(redisKey(key));
    } catch (e) {
      this.alarm.raise('idempotency', e, 'a failed POST keeps its key locked until the lock expires');
    }
  }
}

/** Keys are `client\nIdempotency-Key` (printable ASCII); base64url keeps them one readable token in Redis. */
function redisKey(key: string): string {
  return `idem:${Buffer.from(key).toString('base64url')}`;
}
