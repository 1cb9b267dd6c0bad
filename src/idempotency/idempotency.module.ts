import { Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { Clock } from '../common/clock';
import { type IdempotencyConfig, idempotencyConfig } from '../config/idempotency.config';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IDEMPOTENCY_STORE, type IdempotencyStore } from './idempotency.store';
import { MemoryIdempotencyStore } from './memory-idempotency.store';
import { RedisService } from '../redis/redis.service';
import { RedisIdempotencyStore } from './redis-idempotency.store';

/**
 * The one place the idempotency store is chosen. Memory for now; the scale-out work selects Redis here when
 * REDIS_URL is set, and nothing else changes. Global: the IdempotencyInterceptor is bound by @ApiIdempotencyKey()
 * on each POST route, so it is resolved in every resource module.
 */
@Global()
@Module({
  providers: [
    {
      provide: IDEMPOTENCY_STORE,
      inject: [idempotencyConfig.KEY, RedisService, Clock],
      // With REDIS_URL a retried POST that lands on another instance still replays (scale-out).
      useFactory: (config: IdempotencyConfig, redis: RedisService, clock: Clock): IdempotencyStore =>
        redis.client
          ? new RedisIdempotencyStore(
              redis.client,
              redis.alarm,
              config.ttlSeconds * 1000,
              config.lockSeconds * 1000,
            )
          : new MemoryIdempotencyStore(config.ttlSeconds * 1000, config.lockSeconds * 1000, () =>
              clock.now(),
            ),
    },
    IdempotencyInterceptor,
  ],
  exports: [IDEMPOTENCY_STORE, IdempotencyInterceptor],
})
export class IdempotencyModule implements OnModuleDestroy {
  constructor(@Inject(IDEMPOTENCY_STORE) private readonly store: IdempotencyStore) {}

  onModuleDestroy(): void {
    if (this.store instanceof MemoryIdempotencyStore) {
      this.store.close();
    }
  }
}
