import Redis from 'ioredis';
import type { RedisConfig } from '../config/redis.config';

/**
 * A client that fails fast: with Redis down a command errors at once (no offline queue, no per-command retries)
 * or after `commandTimeoutMs`, so callers degrade instead of hanging; the connection itself keeps reconnecting with
 * a capped backoff and the stores recover on their own.
 */
export function createRedisClient(config: RedisConfig & { url: string }): Redis {
  return new Redis(config.url, {
    keyPrefix: config.keyPrefix,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: config.commandTimeoutMs,
    connectTimeout: config.connectTimeoutMs,
    retryStrategy: (attempt: number) => Math.min(100 * attempt, 2_000),
    connectionName: 'streetworks-gateway',
  });
}
