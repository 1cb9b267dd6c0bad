import type { ThrottlerStorage } from '@nestjs/throttler';
import type Redis from 'ioredis';
import type { RedisAlarm } from '../redis/redis-alarm';
import { MemoryThrottlerStore, type ThrottlerStorageRecord } from './memory-throttler.store';

/**
 * KEYS[1] the window's counter, KEYS[2] the key's block; ARGV: window ms, limit, block ms.
 * The same fixed-window semantics as MemoryThrottlerStore, in one round trip and O(1) whatever the limit:
 * INCR, and PEXPIRE when the counter is new, atomically, so a crash between the two can never leave a counter that
 * never expires. The block key exists only for a blockDuration longer than the window.
 * Returns { hits, ms to the window's end, ms to the block's end (0 = not blocked) }.
 */
const HIT = `
local hits = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  ttl = tonumber(ARGV[1])
  redis.call('PEXPIRE', KEYS[1], ttl)
end
local limit = tonumber(ARGV[2])
local blockMs = tonumber(ARGV[3])
if blockMs <= ttl then
  if hits > limit then return { hits, ttl, ttl } end
  return { hits, ttl, 0 }
end
local blocked = redis.call('PTTL', KEYS[2])
if blocked < 0 and hits > limit then
  blocked = blockMs
  redis.call('SET', KEYS[2], '1', 'PX', blockMs)
end
if blocked < 0 then blocked = 0 end
return { hits, ttl, blocked }
`;

type WithHit = Redis & {
  throttleHit(
    counterKey: string,
    blockKey: string,
    windowMs: number,
    limit: number,
    blockMs: number,
  ): Promise<[number, number, number]>;
};

/**
 * Rate-limit counters in Redis, so a client's limit is global across instances. When Redis fails the guard must not
 * turn every request into a 500: it falls back to this instance's own counters (fail open to per-instance limits,
 * so a client gets at most N× its limit across N instances) and raises the alarm.
 */
export class RedisThrottlerStore implements ThrottlerStorage {
  private readonly redis: WithHit;

  constructor(
    redis: Redis,
    private readonly alarm: RedisAlarm,
    private readonly fallback = new MemoryThrottlerStore(),
  ) {
    redis.defineCommand('throttleHit', { numberOfKeys: 2, lua: HIT });
    this.redis = redis as WithHit;
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    _throttlerName?: string,
  ): Promise<ThrottlerStorageRecord> {
    try {
      // One hash tag per client key, so both keys land on one slot should the Redis ever be a cluster.
      const [hits, windowMs, blockedMs] = await this.redis.throttleHit(
        `rl:{${key}}`,
        `rl:{${key}}:block`,
        ttl,
        limit,
        blockDuration,
      );
      return {
        totalHits: hits,
        timeToExpire: Math.max(1, Math.ceil(windowMs / 1000)),
        isBlocked: blockedMs > 0,
        timeToBlockExpire: blockedMs > 0 ? Math.max(1, Math.ceil(blockedMs / 1000)) : 0,
      };
    } catch (e) {
      this.alarm.raise('throttling', e, 'rate limits fall back to per-instance counters');
      return this.fallback.hit(key, ttl, limit, blockDuration);
    }
  }

  onModuleDestroy(): void {
    this.fallback.onModuleDestroy();
  }
}
