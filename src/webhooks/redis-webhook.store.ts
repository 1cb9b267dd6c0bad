import type Redis from 'ioredis';
import type { RedisAlarm } from '../redis/redis-alarm';
import { SharedStateUnavailableError } from '../redis/shared-state-unavailable.error';
import type { DeliveryRecord, WebhookSubscription } from './webhook.model';
import { type Page, WebhookStore } from './webhook.store';

/*
 * Keys (under the client's REDIS_KEY_PREFIX):
 *   webhooks:subscription:<id>         JSON
 *   webhooks:subscriptions:<org>       ZSET id by creation time
 *   webhooks:delivery:<webhook-id>     JSON, expires after the retention
 *   webhooks:deliveries:<subscription> ZSET webhook-id by creation time, trimmed to the retention
 *   webhooks:dead:<subscription>       ZSET webhook-id by the time it died
 */
const subscriptionKey = (id: string) => `webhooks:subscription:${id}`;
const organisationKey = (organisation: string) => `webhooks:subscriptions:${organisation}`;
const deliveryKey = (id: string) => `webhooks:delivery:${id}`;
const deliveriesKey = (subscriptionId: string) => `webhooks:deliveries:${subscriptionId}`;
const deadKey = (subscriptionId: string) => `webhooks:dead:${subscriptionId}`;

/** Shared by every instance: any of them serves the API and any of them delivers. */
export class RedisWebhookStore extends WebhookStore {
  constructor(
    private readonly redis: Redis,
    private readonly alarm: RedisAlarm,
    private readonly retentionMs: number,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  putSubscription(subscription: WebhookSubscription): Promise<void> {
    return this.guard(async () => {
      await this.redis
        .multi()
        .set(subscriptionKey(subscription.id), JSON.stringify(subscription))
        .zadd(
          organisationKey(subscription.organisation),
          'NX',
          Date.parse(subscription.createdAt),
          subscription.id,
        )
        .exec();
    });
  }

  getSubscription(id: string): Promise<WebhookSubscription | undefined> {
    return this.guard(async () => parse<WebhookSubscription>(await this.redis.get(subscriptionKey(id))));
  }

  listSubscriptions(organisation: string, offset: number, limit: number): Promise<Page<WebhookSubscription>> {
    return this.guard(() => this.page(organisationKey(organisation), offset, limit, subscriptionKey));
  }

  countSubscriptions(organisation: string): Promise<number> {
    return this.guard(() => this.redis.zcard(organisationKey(organisation)));
  }

  subscriptionsOf(organisation: string): Promise<WebhookSubscription[]> {
    return this.guard(async () => {
      const ids = await this.redis.zrange(organisationKey(organisation), '0', '-1');
      return this.values<WebhookSubscription>(ids.map(subscriptionKey));
    });
  }

  deleteSubscription(subscription: WebhookSubscription): Promise<void> {
    return this.guard(async () => {
      const ids = await this.redis.zrange(deliveriesKey(subscription.id), '0', '-1');
      const multi = this.redis
        .multi()
        .del(subscriptionKey(subscription.id), deliveriesKey(subscription.id), deadKey(subscription.id))
        .zrem(organisationKey(subscription.organisation), subscription.id);
      if (ids.length > 0) {
        multi.del(...ids.map(deliveryKey));
      }
      await multi.exec();
    });
  }

  putDelivery(delivery: DeliveryRecord): Promise<void> {
    return this.guard(async () => {
      const cutoff = this.now() - this.retentionMs;
      await this.redis
        .multi()
        .set(deliveryKey(delivery.id), JSON.stringify(delivery), 'PX', this.retentionMs)
        .zadd(deliveriesKey(delivery.subscriptionId), 'NX', Date.parse(delivery.createdAt), delivery.id)
        .zremrangebyscore(deliveriesKey(delivery.subscriptionId), '-inf', cutoff)
        .pexpire(deliveriesKey(delivery.subscriptionId), this.retentionMs)
        .exec();
    });
  }

  getDelivery(id: string): Promise<DeliveryRecord | undefined> {
    return this.guard(async () => parse<DeliveryRecord>(await this.redis.get(deliveryKey(id))));
  }

  listDeliveries(subscriptionId: string, offset: number, limit: number): Promise<Page<DeliveryRecord>> {
    return this.guard(() => this.page(deliveriesKey(subscriptionId), offset, limit, deliveryKey));
  }

  addDeadLetter(delivery: DeliveryRecord): Promise<void> {
    return this.guard(async () => {
      await this.redis
        .multi()
        .zadd(deadKey(delivery.subscriptionId), this.now(), delivery.id)
        .zremrangebyscore(deadKey(delivery.subscriptionId), '-inf', this.now() - this.retentionMs)
        .pexpire(deadKey(delivery.subscriptionId), this.retentionMs)
        .exec();
    });
  }

  removeDeadLetter(delivery: DeliveryRecord): Promise<void> {
    return this.guard(async () => {
      await this.redis.zrem(deadKey(delivery.subscriptionId), delivery.id);
    });
  }

  listDeadLetters(subscriptionId: string, offset: number, limit: number): Promise<Page<DeliveryRecord>> {
    return this.guard(() => this.page(deadKey(subscriptionId), offset, limit, deliveryKey));
  }

  private async page<T>(
    index: string,
    offset: number,
    limit: number,
    key: (id: string) => string,
  ): Promise<Page<T>> {
    const [ids, count] = await Promise.all([
      this.redis.zrevrange(index, offset, offset + limit - 1),
      this.redis.zcard(index),
    ]);
    return { items: await this.values<T>(ids.map(key)), count };
  }

  private async values<T>(keys: string[]): Promise<T[]> {
    if (keys.length === 0) {
      return [];
    }
    const values = await this.redis.mget(...keys);
    return values.map((v) => parse<T>(v)).filter((v): v is T => v !== undefined);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      this.alarm.raise(
        'webhooks',
        e,
        'webhook subscriptions and the delivery log are unavailable until Redis answers',
      );
      throw new SharedStateUnavailableError();
    }
  }
}

function parse<T>(value: string | null): T | undefined {
  return value === null ? undefined : (JSON.parse(value) as T);
}
