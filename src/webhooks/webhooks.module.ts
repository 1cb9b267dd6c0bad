import { Module } from '@nestjs/common';
import { type RedisConfig, redisConfig } from '../config/redis.config';
import { type WebhooksConfig, webhooksConfig } from '../config/webhooks.config';
import { EventsModule } from '../events/events.module';
import { MetricsService } from '../metrics/metrics.service';
import { RedisService } from '../redis/redis.service';
import { ReceiverHttp } from '../upstreams/http/receiver-http';
import { BullMqDeliveryQueue } from './bullmq-delivery.queue';
import { type Clock, systemClock, WEBHOOK_CLOCK } from './clock';
import { DeliveryQueue } from './delivery-queue';
import { MemoryDeliveryQueue } from './memory-delivery.queue';
import { MemoryWebhookStore } from './memory-webhook.store';
import { RedisWebhookStore } from './redis-webhook.store';
import { WebhookStore } from './webhook.store';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookMetrics } from './webhook-metrics';
import { WebhookSubscriptionsController } from './webhook-subscriptions.controller';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';
import { WebhooksLifecycle } from './webhooks.lifecycle';

/**
 * Webhook subscriptions (the v1 resource) and their delivery. With REDIS_URL: subscriptions and the delivery log in
 * Redis and deliveries in BullMQ, shared by every instance; without, all in this process (said at boot).
 */
@Module({
  imports: [EventsModule],
  controllers: [WebhookSubscriptionsController],
  providers: [
    { provide: WEBHOOK_CLOCK, useValue: systemClock },
    {
      provide: WebhookStore,
      inject: [RedisService, webhooksConfig.KEY, WEBHOOK_CLOCK],
      useFactory: (redis: RedisService, config: WebhooksConfig, clock: Clock) =>
        redis.client
          ? new RedisWebhookStore(redis.client, redis.alarm, config.logRetentionMs, () => clock.now())
          : new MemoryWebhookStore(config.logRetentionMs, () => clock.now()),
    },
    {
      provide: DeliveryQueue,
      inject: [redisConfig.KEY, webhooksConfig.KEY, WEBHOOK_CLOCK],
      useFactory: (redis: RedisConfig, config: WebhooksConfig, clock: Clock) =>
        redis.url
          ? new BullMqDeliveryQueue({
              url: redis.url,
              keyPrefix: redis.keyPrefix,
              concurrency: config.concurrency,
              lockDurationMs: config.lockDurationMs,
              stalledIntervalMs: config.stalledIntervalMs,
              keepFailedMs: config.logRetentionMs,
            })
          : new MemoryDeliveryQueue(clock, config.concurrency),
    },
    { provide: ReceiverHttp, useFactory: () => new ReceiverHttp() },
    {
      provide: WebhookMetrics,
      inject: [MetricsService],
      useFactory: (metrics: MetricsService) => new WebhookMetrics(metrics.registry),
    },
    WebhookDeliveryService,
    WebhookSubscriptionsService,
    WebhooksLifecycle,
  ],
})
export class WebhooksModule {}
