import type { DeliveryRecord, WebhookSubscription } from './webhook.model';

export interface Page<T> {
  items: T[];
  count: number;
}

/**
 * Subscriptions, the delivery log and the dead letters. Redis with REDIS_URL (shared by every instance), else this
 * process's memory. Lists are newest first.
 */
export abstract class WebhookStore {
  abstract putSubscription(subscription: WebhookSubscription): Promise<void>;
  abstract getSubscription(id: string): Promise<WebhookSubscription | undefined>;
  abstract listSubscriptions(
    organisation: string,
    offset: number,
    limit: number,
  ): Promise<Page<WebhookSubscription>>;
  abstract countSubscriptions(organisation: string): Promise<number>;
  /** Every subscription of an organisation (bounded by MAX_SUBSCRIPTIONS_PER_ORGANISATION): matched per event. */
  abstract subscriptionsOf(organisation: string): Promise<WebhookSubscription[]>;
  /** Removes the subscription, its delivery log and its dead letters. */
  abstract deleteSubscription(subscription: WebhookSubscription): Promise<void>;

  abstract putDelivery(delivery: DeliveryRecord): Promise<void>;
  abstract getDelivery(id: string): Promise<DeliveryRecord | undefined>;
  abstract listDeliveries(
    subscriptionId: string,
    offset: number,
    limit: number,
  ): Promise<Page<DeliveryRecord>>;
  abstract addDeadLetter(delivery: DeliveryRecord): Promise<void>;
  abstract removeDeadLetter(delivery: DeliveryRecord): Promise<void>;
  abstract listDeadLetters(
    subscriptionId: string,
    offset: number,
    limit: number,
  ): Promise<Page<DeliveryRecord>>;
}
