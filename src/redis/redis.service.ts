import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { type RedisConfig, redisConfig } from '../config/redis.config';
import { HealthRegistry } from '../health/health-registry';
import { MetricsService } from '../metrics/metrics.service';
import { RedisAlarm } from './redis-alarm';
import { createRedisClient } from './redis-client';

/**
 * The one Redis connection of the process, or none when REDIS_URL is not set (then every store stays in memory).
 * A Redis that is down at boot does not stop the start: the stores degrade (README "Redis down") and recover when
 * it comes back, and /healthcheck says so meanwhile.
 */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | undefined;
  readonly alarm: RedisAlarm;

  constructor(
    @Inject(redisConfig.KEY) config: RedisConfig,
    private readonly health: HealthRegistry,
    metrics: MetricsService,
  ) {
    this.alarm = new RedisAlarm(metrics.registry);
    this.client = config.url ? createRedisClient({ ...config, url: config.url }) : undefined;
    // Without a listener ioredis prints every reconnection failure to stderr; the stores raise the alarm instead.
    this.client?.on('error', (e: unknown) => this.alarm.raise('connection', e, 'reconnecting'));
  }

  async onModuleInit(): Promise<void> {
    const client = this.client;
    if (!client) {
      return;
    }
    this.health.register('redis', async () => {
      const started = performance.now();
      await client.ping();
      return { latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    });
    try {
      await client.connect();
      this.logger.log(
        'connected to Redis: rate limits, idempotency keys, cached responses and Street Manager sessions are shared',
      );
    } catch (e) {
      this.alarm.raise('connection', e, 'starting without Redis; shared state degrades until it answers');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const client = this.client;
    if (!client || client.status === 'end') {
      return;
    }
    if (client.status === 'ready') {
      await client.quit().catch(() => client.disconnect());
    } else {
      client.disconnect();
    }
  }
}
