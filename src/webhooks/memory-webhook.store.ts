import type { DeliveryRecord, WebhookSubscription } from './webhook.model';
import { type Page, WebhookStore } from './webhook.store';

/** Newest first; a Set keeps insertion order, and ids are inserted as they are created. */
function page<T>(
  ids: Set<string> | undefined,
  offset: number,
  limit: number,
  get: (id: string) => T | undefined,
): Page<T> {
  const newestFirst = [...(ids ?? [])].reverse();
  const items = newestFirst
    .slice(offset, offset + limit)
    .map(get)
    .filter((x): x is T => x !== undefined);
  return { items, count: ids?.size ?? 0 };
}

function indexed(index: Map<string, Set<string>>, key: string): Set<string> {
  let ids = index.get(key);
  if (!ids) {
    ids = new Set();
    index.set(key, ids);
  }
  return ids;
}

/**
 * One instance, nothing survives a restart (said at boot). Deliveries older than the retention, or beyond
 * `maxDeliveries`, are dropped as new ones arrive, so memory stays bounded.
 */
export class MemoryWebhookStore extends WebhookStore {
  private readonly subscriptions = new Map<string, WebhookSubscription>();
  private readonly byOrganisation = new Map<string, Set<string>>();
  private readonly deliveries = new Map<string, DeliveryRecord>();
  private readonly bySubscription = new Map<string, Set<string>>();
  private readonly dead = new Map<string, Set<string>>();

  constructor(
    private readonly retentionMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxDeliveries = 100_000,
  ) {
    super();
  }

  putSubscription(subscription: WebhookSubscription): Promise<void> {
    indexed(this.byOrganisation, subscription.organisation).add(subscription.id);
    this.subscriptions.set(subscription.id, structuredClone(subscription));
    return Promise.resolve();
  }

  getSubscription(id: string): Promise<WebhookSubscription | undefined> {
    const found = this.subscriptions.get(id);
    return Promise.resolve(found && structuredClone(found));
  }

  listSubscriptions(organisation: string, offset: number, limit: number): Promise<Page<WebhookSubscription>> {
    return Promise.resolve(
      page(this.byOrganisation.get(organisation), offset, limit, (id) => this.subscriptions.get(id)),
    );
  }

  countSubscriptions(organisation: string): Promise<number> {
    return Promise.resolve(this.byOrganisation.get(organisation)?.size ?? 0);
  }

  subscriptionsOf(organisation: string): Promise<WebhookSubscription[]> {
    return Promise.resolve(
      [...(this.byOrganisation.get(organisation) ?? [])].map((id) =>
        structuredClone(this.subscriptions.get(id)!),
      ),
    );
  }

  deleteSubscription(subscription: WebhookSubscription): Promise<void> {
    this.subscriptions.delete(subscription.id);
    this.byOrganisation.get(subscription.organisation)?.delete(subscription.id);
    for (const id of this.bySubscription.get(subscription.id) ?? []) {
      this.deliveries.delete(id);
    }
    this.bySubscription.delete(subscription.id);
    this.dead.delete(subscription.id);
    return Promise.resolve();
  }

  putDelivery(delivery: DeliveryRecord): Promise<void> {
    if (!this.deliveries.has(delivery.id)) {
      indexed(this.bySubscription, delivery.subscriptionId).add(delivery.id);
      this.expire();
    }
    this.deliveries.set(delivery.id, structuredClone(delivery));
    return Promise.resolve();
  }

  getDelivery(id: string): Promise<DeliveryRecord | undefined> {
    const found = this.deliveries.get(id);
    return Promise.resolve(found && structuredClone(found));
  }

  listDeliveries(subscriptionId: string, offset: number, limit: number): Promise<Page<DeliveryRecord>> {
    return Promise.resolve(
      page(this.bySubscription.get(subscriptionId), offset, limit, (id) => this.deliveries.get(id)),
    );
  }

  addDeadLetter(delivery: DeliveryRecord): Promise<void> {
    const ids = indexed(this.dead, delivery.subscriptionId);
    ids.delete(delivery.id);
    ids.add(delivery.id);
    return Promise.resolve();
  }

  removeDeadLetter(delivery: DeliveryRecord): Promise<void> {
    this.dead.get(delivery.subscriptionId)?.delete(delivery.id);
    return Promise.resolve();
  }

  listDeadLetters(subscriptionId: string, offset: number, limit: number): Promise<Page<DeliveryRecord>> {
    return Promise.resolve(
      page(this.dead.get(subscriptionId), offset, limit, (id) => this.deliveries.get(id)),
    );
  }

  /** Drops the oldest deliveries beyond the retention or the cap (a Map iterates oldest first). */
  private expire(): void {
    const cutoff = this.now() - this.retentionMs;
    for (const [id, delivery] of this.deliveries) {
      if (this.deliveries.size < this.maxDeliveries && Date.parse(delivery.createdAt) >= cutoff) {
        break;
      }
      this.deliveries.delete(id);
      this.bySubscription.get(delivery.subscriptionId)?.delete(id);
      this.dead.get(delivery.subscriptionId)?.delete(id);
    }
  }
}
