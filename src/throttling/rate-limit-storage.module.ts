import { Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { type ThrottlingConfig, throttlingConfig } from '../config/throttling.config';
import { RedisService } from '../redis/redis.service';
import { MemoryThrottlerStore } from './memory-throttler.store';
import { RedisThrottlerStore } from './redis-throttler.store';

export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

/**
 * The one place that chooses where rate-limit counters live. Memory today; a Redis storage (shared by every
 * instance) slots in here behind the same ThrottlerStorage interface.
 */
@Module({
  providers: [
    {
      provide: RATE_LIMIT_STORAGE,
      inject: [throttlingConfig.KEY, RedisService, Clock],
      // With REDIS_URL every instance counts in Redis, so a client's limit is global (scale-out).
      useFactory: (_config: ThrottlingConfig, redis: RedisService, clock: Clock): ThrottlerStorage => {
        const memory = new MemoryThrottlerStore(() => clock.now());
        return redis.client ? new RedisThrottlerStore(redis.client, redis.alarm, memory) : memory;
      },
    },
  ],
  exports: [RATE_LIMIT_STORAGE],
})
export class RateLimitStorageModule {}
