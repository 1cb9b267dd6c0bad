import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { type AppConfig, appConfig } from '../config/app.config';
import { type WebhooksConfig, webhooksConfig } from '../config/webhooks.config';
import type { GatewayEvent } from '../events/gateway-event';
import { parseRetryAfterMs } from '../upstreams/http/backoff';
import {
  ReceiverHttp,
  ReceiverRefusedError,
  ReceiverUnreachableError,
} from '../upstreams/http/receiver-http';
import { type Clock, WEBHOOK_CLOCK } from './clock';
import { type AttemptOutcome, DeliveryQueue, type DeliveryJob } from './delivery-queue';
import { ReceiverSlots } from './receiver-slots';
import { nextAttemptDelayMs } from './retry-schedule';
import {
  type DeliveryAttempt,
  type DeliveryRecord,
  MAX_ATTEMPTS_KEPT,
  type WebhookSubscription,
} from './webhook.model';
import { WebhookStore } from './webhook.store';
import { WebhookMetrics } from './webhook-metrics';
import { matches, webhookPayload } from './webhook-payload';
import { signatureHeader, webhookId } from './webhook-signing';

/** How long a job waits when its receiver has no free slot (jittered so they do not return together). */
const BUSY_DELAY_MS = 100;

/**
 * Turns events into deliveries and attempts them: one delivery per event and matching subscription, one webhook-id
 * per delivery (every attempt, retry and redelivery carries it), one attempt per queue job. The queue decides nothing:
 * every delay and every dead letter is decided here, so memory and BullMQ follow the same schedule.
 */
@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger('Webhooks');
  private readonly slots: ReceiverSlots;

  constructor(
    private readonly store: WebhookStore,
    private readonly queue: DeliveryQueue,
    private readonly http: ReceiverHttp,
    private readonly metrics: WebhookMetrics,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
    @Inject(appConfig.KEY) private readonly app: AppConfig,
    @Inject(WEBHOOK_CLOCK) private readonly clock: Clock,
  ) {
    this.slots = new ReceiverSlots(config.concurrencyPerReceiver);
  }

  get policy() {
    return { httpsOnly: this.config.httpsOnly, allowLoopback: this.config.allowLoopback };
  }

  /** The event log's listener: queues the event for each subscription of its organisation that wants it. */
  async onEvent(event: GatewayEvent): Promise<void> {
    const subscriptions = await this.store.subscriptionsOf(event.organisation);
    await Promise.all(
      subscriptions
        .filter((s) => matches(s, event) && !(s.enabled === false && s.disabledReason === 'requested'))
        .map((s) =>
          this.deliverNew(s, event).catch((e: unknown) =>
            this.logger.error(
              { subscription: s.id, reason: (e as Error).message },
              'could not queue a delivery',
            ),
          ),
        ),
    );
  }

  /** Queues a test event for one subscription (whatever types it wants); its own webhook-id. */
  async deliverTest(subscription: WebhookSubscription): Promise<DeliveryRecord> {
    const event: GatewayEvent = {
      id: `test-${randomUUID()}`,
      organisation: subscription.organisation,
      type: 'webhook.test',
      occurredAt: new Date(this.clock.now()).toISOString(),
      workReferenceNumber: '',
      objectType: 'webhook-subscription',
      objectReference: subscription.id,
      links: [{ rel: 'webhook-subscription', href: `/v1/webhook-subscriptions/${subscription.id}` }],
    };
    const delivery = this.newDelivery(subscription, event, true);
    await this.store.putDelivery(delivery);
    await this.queue.enqueue(delivery.id, { deliveryId: delivery.id });
    return delivery;
  }

  /** Sends a delivery again, same webhook-id, with a fresh retry window; it leaves the dead letters. */
  async redeliver(delivery: DeliveryRecord): Promise<DeliveryRecord> {
    const now = new Date(this.clock.now()).toISOString();
    const again: DeliveryRecord = {
      ...delivery,
      status: 'pending',
      windowStartedAt: now,
      nextAttemptAt: now,
      deadAt: undefined,
    };
    await this.store.putDelivery(again);
    await this.store.removeDeadLetter(again);
    // A job id of its own: the first job's id is remembered by the queue and would be refused as a duplicate.
    await this.queue.enqueue(`${delivery.id}-${this.clock.now()}-${randomUUID().slice(0, 8)}`, {
      deliveryId: delivery.id,
    });
    return again;
  }

  /** Queues an event for a subscription again (replay): the delivery it had, or a new one. */
  async replay(subscription: WebhookSubscription, event: GatewayEvent): Promise<void> {
    const existing = await this.store.getDelivery(webhookId(subscription.id, event.id));
    if (existing) {
      await this.redeliver(existing);
    } else {
      await this.deliverNew(subscription, event);
    }
  }

  /** One attempt of one delivery: the queue's processor. */
  async attempt(job: DeliveryJob): Promise<AttemptOutcome> {
    const delivery = await this.store.getDelivery(job.deliveryId);
    const subscription = delivery && (await this.store.getSubscription(delivery.subscriptionId));
    if (!delivery || !subscription || delivery.status === 'delivered' || delivery.status === 'dead') {
      return { kind: 'done' };
    }
    if (!subscription.enabled && !delivery.test) {
      return this.giveUp(delivery, undefined);
    }
    const receiver = receiverKey(subscription.url);
    if (!this.slots.tryAcquire(receiver)) {
      return { kind: 'busy', delayMs: Math.round(BUSY_DELAY_MS * (1 + Math.random())) };
    }
    try {
      const attempt = await this.send(subscription, delivery);
      return await this.record(subscription, delivery, attempt.attempt, attempt.retryAfterMs);
    } finally {
      this.slots.release(receiver);
    }
  }

  private async deliverNew(subscription: WebhookSubscription, event: GatewayEvent): Promise<void> {
    const delivery = this.newDelivery(subscription, event, false);
    if (!subscription.enabled) {
      // Disabled by failures or a 410: the event is kept as a dead letter, to replay once the receiver is back.
      await this.store.putDelivery({ ...delivery, status: 'dead', deadAt: delivery.createdAt });
      await this.store.addDeadLetter(delivery);
      this.metrics.deliveries.inc({ outcome: 'dead' });
      return;
    }
    await this.store.putDelivery(delivery);
    await this.queue.enqueue(delivery.id, { deliveryId: delivery.id });
  }

  private newDelivery(subscription: WebhookSubscription, event: GatewayEvent, test: boolean): DeliveryRecord {
    const now = new Date(this.clock.now()).toISOString();
    return {
      id: test ? `msg_test_${randomUUID().replace(/-/g, '')}` : webhookId(subscription.id, event.id),
      subscriptionId: subscription.id,
      organisation: subscription.organisation,
      event,
      test,
      status: 'pending',
      attempts: [],
      createdAt: now,
      windowStartedAt: now,
      nextAttemptAt: now,
    };
  }

  private async send(
    subscription: WebhookSubscription,
    delivery: DeliveryRecord,
  ): Promise<{ attempt: DeliveryAttempt; retryAfterMs?: number }> {
    const now = this.clock.now();
    const at = new Date(now).toISOString();
    const body = JSON.stringify(webhookPayload(delivery.event, this.app.publicBaseUrl));
    const timestamp = new Date(Math.floor(now / 1000) * 1000);
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'streetworks-gateway-webhooks/1',
      'webhook-id': delivery.id,
      'webhook-timestamp': String(timestamp.getTime() / 1000),
      'webhook-signature': signatureHeader(subscription.secrets, delivery.id, timestamp, body, now),
    };
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    try {
      const answer = await this.http.post(
        subscription.url,
        headers,
        body,
        this.config.timeoutMs,
        this.policy,
      );
      const delivered = answer.status >= 200 && answer.status < 300;
      return {
        attempt: {
          at,
          responseStatus: answer.status,
          latencyMs: latency(),
          outcome: delivered ? 'delivered' : 'failed',
          error: delivered ? undefined : `the receiver answered ${answer.status}`,
        },
        retryAfterMs: parseRetryAfterMs(answer.retryAfter, now),
      };
    } catch (e) {
      if (e instanceof ReceiverRefusedError) {
        return { attempt: { at, latencyMs: latency(), outcome: 'refused', error: e.message } };
      }
      if (e instanceof ReceiverUnreachableError) {
        return {
          attempt: {
            at,
            latencyMs: latency(),
            outcome: e.kind === 'timeout' ? 'timeout' : 'unreachable',
            error: e.message,
          },
        };
      }
      throw e;
    }
  }

  private async record(
    subscription: WebhookSubscription,
    delivery: DeliveryRecord,
    attempt: DeliveryAttempt,
    retryAfterMs?: number,
  ): Promise<AttemptOutcome> {
    const now = this.clock.now();
    delivery.attempts = [...delivery.attempts, attempt].slice(-MAX_ATTEMPTS_KEPT);
    if (attempt.outcome === 'delivered') {
      await this.store.putDelivery({
        ...delivery,
        status: 'delivered',
        deliveredAt: attempt.at,
        nextAttemptAt: undefined,
      });
      this.metrics.deliveries.inc({ outcome: 'delivered' });
      this.metrics.lag.observe(Math.max(0, now - Date.parse(delivery.windowStartedAt)) / 1000);
      if (subscription.failingSince && !delivery.test) {
        await this.patch(subscription.id, { failingSince: undefined });
      }
      return { kind: 'done' };
    }
    if (delivery.test) {
      // A test shows whether the receiver works now; it is not retried and does not count against the subscription.
      await this.store.putDelivery({
        ...delivery,
        status: 'dead',
        deadAt: attempt.at,
        nextAttemptAt: undefined,
      });
      return { kind: 'done' };
    }
    if (attempt.responseStatus === 410) {
      await this.disable(subscription, 'receiver-gone', now);
      return this.giveUp(delivery, now);
    }
    const failingSince = subscription.failingSince ? Date.parse(subscription.failingSince) : now;
    if (now - failingSince >= this.config.disableAfterMs) {
      await this.disable(subscription, 'failing', now);
      return this.giveUp(delivery, now);
    }
    if (!subscription.failingSince) {
      await this.patch(subscription.id, { failingSince: new Date(now).toISOString() });
    }
    const windowStart = Date.parse(delivery.windowStartedAt);
    const failures = delivery.attempts.filter(
      (a) => a.outcome !== 'delivered' && Date.parse(a.at) >= windowStart,
    ).length;
    const delayMs = nextAttemptDelayMs(failures, windowStart, now, this.config.retry, retryAfterMs);
    if (delayMs === undefined) {
      return this.giveUp(delivery, now);
    }
    await this.store.putDelivery({
      ...delivery,
      status: 'retrying',
      nextAttemptAt: new Date(now + delayMs).toISOString(),
    });
    this.metrics.deliveries.inc({ outcome: 'retried' });
    return { kind: 'retry', delayMs };
  }

  private async giveUp(delivery: DeliveryRecord, now: number | undefined): Promise<AttemptOutcome> {
    const deadAt = new Date(now ?? this.clock.now()).toISOString();
    const dead: DeliveryRecord = { ...delivery, status: 'dead', deadAt, nextAttemptAt: undefined };
    await this.store.putDelivery(dead);
    await this.store.addDeadLetter(dead);
    this.metrics.deliveries.inc({ outcome: 'dead' });
    return { kind: 'dead' };
  }

  /** Re-reads before writing, so a change the owner made during the attempt is kept. */
  private async patch(id: string, patch: Partial<WebhookSubscription>): Promise<void> {
    const current = await this.store.getSubscription(id);
    if (current) {
      await this.store.putSubscription({ ...current, ...patch });
    }
  }

  private async disable(
    subscription: WebhookSubscription,
    reason: 'receiver-gone' | 'failing',
    now: number,
  ): Promise<void> {
    const current = (await this.store.getSubscription(subscription.id)) ?? subscription;
    if (!current.enabled) {
      return;
    }
    const at = new Date(now).toISOString();
    await this.store.putSubscription({
      ...current,
      enabled: false,
      disabledReason: reason,
      disabledAt: at,
      updatedAt: at,
    });
    this.logger.warn(
      { subscription: subscription.id, organisation: subscription.organisation, reason },
      'webhook subscription disabled',
    );
  }
}

/** Slots are per receiver origin: the same host with several paths is one receiver. */
function receiverKey(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
