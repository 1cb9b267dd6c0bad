import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { type CacheConfig, cacheConfig } from '../config/cache.config';
import { RedisService } from '../redis/redis.service';
import { cacheHeadersHook } from './cache-headers.hook';
import { MemoryResponseCacheStore } from './memory-response-cache.store';
import { RedisResponseCacheStore } from './redis-response-cache.store';
import { ResponseCacheGuard, ServedFromCacheFilter } from './response-cache.guard';
import { RESPONSE_CACHE, type ResponseCacheStore } from './response-cache.store';

/**
 * Response caching, ETags and Cache-Control for authenticated GETs. Import it after the modules whose guards must
 * run first (authentication, throttling, permissions, content negotiation): the representation is part of the key.
 */
@Module({
  providers: [
    {
      provide: RESPONSE_CACHE,
      inject: [cacheConfig.KEY, RedisService],
      useFactory: (config: CacheConfig, redis: RedisService): ResponseCacheStore =>
        redis.client
          ? new RedisResponseCacheStore(redis.client, redis.alarm)
          : new MemoryResponseCacheStore(config.maxEntries),
    },
    // The last global guard (its module is imported last); its filter is global too, as the guard is.
    { provide: APP_GUARD, useClass: ResponseCacheGuard },
    { provide: APP_FILTER, useClass: ServedFromCacheFilter },
  ],
  exports: [RESPONSE_CACHE],
})
export class CacheModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(RESPONSE_CACHE) private readonly store: ResponseCacheStore,
    @Inject(cacheConfig.KEY) private readonly config: CacheConfig,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify || typeof fastify.addHook !== 'function') {
      return;
    }
    fastify.addHook('onSend', cacheHeadersHook(this.store, this.config.maxBodyBytes));
  }
}
