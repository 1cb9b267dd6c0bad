import type Redis from 'ioredis';
import type { RedisAlarm } from '../redis/redis-alarm';
import type { CachedResponse, ResponseCacheStore } from './response-cache.store';

/**
 * Cached answers in Redis, shared by every instance. One binary value per answer: a JSON header line, then the body
 * bytes as sent, so a hit costs one GET and no parsing of the body. With Redis down the cache is bypassed: every
 * request goes upstream (coalesced per instance), answers stay correct, the alarm is raised.
 */
export class RedisResponseCacheStore implements ResponseCacheStore {
  constructor(
    private readonly redis: Redis,
    private readonly alarm: RedisAlarm,
  ) {}

  async get(key: string): Promise<CachedResponse | undefined> {
    let raw: Buffer | null;
    try {
      raw = await this.redis.getBuffer(key);
    } catch (e) {
      this.alarm.raise('cache', e, 'the response cache is bypassed');
      return undefined;
    }
    if (raw === null) {
      return undefined;
    }
    const newline = raw.indexOf(0x0a);
    if (newline < 0) {
      return undefined;
    }
    const head = JSON.parse(raw.subarray(0, newline).toString('utf8')) as Omit<CachedResponse, 'body'>;
    return { ...head, body: raw.subarray(newline + 1) };
  }

  async set(key: string, value: CachedResponse, ttlSeconds: number): Promise<void> {
    const { body, ...head } = value;
    try {
      await this.redis.set(
        key,
        Buffer.concat([Buffer.from(`${JSON.stringify(head)}\n`), body]),
        'EX',
        ttlSeconds,
      );
    } catch (e) {
      this.alarm.raise('cache', e, 'the response cache is bypassed');
    }
  }
}
