import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { type RedisConfig, redisConfig } from '../config/redis.config';
import { EventLog } from '../events/gateway-event';
import { HealthRegistry } from '../health/health-registry';
import { DeliveryQueue } from './delivery-queue';
import { WebhookDeliveryService } from './webhook-delivery.service';

/** Starts delivery at boot (listener, worker, health check) and stops the worker at shutdown. */
@Injectable()
export class WebhooksLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly events: EventLog,
    private readonly queue: DeliveryQueue,
    private readonly delivery: WebhookDeliveryService,
    private readonly health: HealthRegistry,
    @Inject(redisConfig.KEY) private readonly redis: RedisConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.redis.url) {
      this.logger.warn(
        'REDIS_URL is not set: webhook subscriptions, the delivery log and queued deliveries are kept in this process only; they do not survive a restart and are not shared with other instances',
      );
    }
    this.events.onAppended((event) => this.delivery.onEvent(event));
    await this.queue.start((job) => this.delivery.attempt(job));
    this.health.register('webhook-delivery', async () => {
      const health = await this.queue.health();
      return { ...health };
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
