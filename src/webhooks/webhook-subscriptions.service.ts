import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Caller } from '../auth/caller';
import { ConflictError, NotFoundError, ValidationFailedError } from '../common/errors/api-error';
import type { Collection } from '../common/paging/collection';
import { collection } from '../common/paging/collection';
import { pageWindow } from '../common/paging/page-window';
import type { PagingQueryDto } from '../common/paging/paging-query.dto';
import { type WebhooksConfig, webhooksConfig } from '../config/webhooks.config';
import { EventOrganisations } from '../events/event-organisations';
import { EventLog } from '../events/gateway-event';
import { ReceiverHttp, ReceiverRefusedError } from '../upstreams/http/receiver-http';
import { type Clock, WEBHOOK_CLOCK } from './clock';
import type {
  CreateReplayDto,
  CreateWebhookSubscriptionDto,
  UpdateWebhookSubscriptionDto,
} from './dto/webhook-subscription-input.dto';
import type {
  CreatedWebhookSubscriptionDto,
  WebhookDeliveryDto,
  WebhookReplayDto,
  WebhookSecretDto,
  WebhookSubscriptionDto,
} from './dto/webhook-subscription.dto';
import { MAX_SUBSCRIPTIONS_PER_ORGANISATION, type WebhookSubscription } from './webhook.model';
import { WebhookStore } from './webhook.store';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { wantsType } from './webhook-payload';
import { newSigningSecret } from './webhook-signing';
import { toDeliveryDto, toSubscriptionDto } from './webhook-subscriptions.mapper';

/** One replay call queues at most this many deliveries; the answer says when there were more. */
export const MAX_REPLAY = 10_000;
const REPLAY_PAGE = 500;

/** The webhook-subscriptions resource: a subscription belongs to the caller's organisation; anyone else gets 404. */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    private readonly store: WebhookStore,
    private readonly delivery: WebhookDeliveryService,
    private readonly http: ReceiverHttp,
    private readonly events: EventLog,
    /** the log a caller reads is the one whose events its subscriptions receive */
    private readonly organisations: EventOrganisations,
    @Inject(webhooksConfig.KEY) private readonly config: WebhooksConfig,
    @Inject(WEBHOOK_CLOCK) private readonly clock: Clock,
  ) {}

  async create(caller: Caller, input: CreateWebhookSubscriptionDto): Promise<CreatedWebhookSubscriptionDto> {
    const organisation = this.organisations.of(caller);
    await this.checkUrl(input.url);
    if ((await this.store.countSubscriptions(organisation)) >= MAX_SUBSCRIPTIONS_PER_ORGANISATION) {
      throw new ConflictError(
        `an organisation may have at most ${MAX_SUBSCRIPTIONS_PER_ORGANISATION} webhook subscriptions`,
      );
    }
    const now = this.nowIso();
    const secret = newSigningSecret();
    const subscription: WebhookSubscription = {
      id: randomUUID(),
      organisation,
      url: input.url,
      description: input.description,
      eventTypes: input.eventTypes,
      workReferenceNumbers: input.workReferenceNumbers?.length ? input.workReferenceNumbers : undefined,
      enabled: true,
      secrets: [{ secret, createdAt: now }],
      createdAt: now,
      updatedAt: now,
    };
    await this.store.putSubscription(subscription);
    return { ...toSubscriptionDto(subscription, caller), secret };
  }

  async get(caller: Caller, id: string): Promise<WebhookSubscriptionDto> {
    return toSubscriptionDto(await this.owned(caller, id), caller);
  }

  async list(
    caller: Caller,
    query: PagingQueryDto,
    requestUrl: string,
  ): Promise<Collection<WebhookSubscriptionDto>> {
    const window = pageWindow(query);
    const page = await this.store.listSubscriptions(
      this.organisations.of(caller),
      window.offset,
      window.limit,
    );
    return collection(
      page.items.map((s) => toSubscriptionDto(s, caller)),
      window,
      { count: page.count, countIsLowerBound: false, hasMore: window.offset + window.limit < page.count },
      requestUrl,
    );
  }

  async update(
    caller: Caller,
    id: string,
    input: UpdateWebhookSubscriptionDto,
  ): Promise<WebhookSubscriptionDto> {
    const current = await this.owned(caller, id);
    if (input.url !== current.url) {
      await this.checkUrl(input.url);
    }
    const enabled = input.enabled ?? true;
    const now = this.nowIso();
    const updated: WebhookSubscription = {
      ...current,
      url: input.url,
      description: input.description,
      eventTypes: input.eventTypes,
      workReferenceNumbers: input.workReferenceNumbers?.length ? input.workReferenceNumbers : undefined,
      enabled,
      // Re-enabling starts afresh; pausing says who paused; an already disabled one keeps its reason.
      disabledReason: enabled ? undefined : current.enabled ? 'requested' : current.disabledReason,
      disabledAt: enabled ? undefined : current.enabled ? now : current.disabledAt,
      failingSince: enabled && !current.enabled ? undefined : current.failingSince,
      updatedAt: now,
    };
    await this.store.putSubscription(updated);
    return toSubscriptionDto(updated, caller);
  }

  async delete(caller: Caller, id: string): Promise<void> {
    await this.store.deleteSubscription(await this.owned(caller, id));
  }

  /** A new secret signs from now on; the previous one keeps signing for the grace period, then is dropped. */
  async rotateSecret(caller: Caller, id: string): Promise<WebhookSecretDto> {
    const current = await this.owned(caller, id);
    const now = this.clock.now();
    const secret = newSigningSecret();
    const previousSecretExpiresAt = new Date(now + this.config.secretGraceMs).toISOString();
    const createdAt = new Date(now).toISOString();
    await this.store.putSubscription({
      ...current,
      secrets: [
        { secret, createdAt },
        { ...current.secrets[0], expiresAt: previousSecretExpiresAt },
      ],
      updatedAt: createdAt,
    });
    return { secret, createdAt, previousSecretExpiresAt };
  }

  async testDelivery(caller: Caller, id: string): Promise<WebhookDeliveryDto> {
    return toDeliveryDto(await this.delivery.deliverTest(await this.owned(caller, id)), caller);
  }

  async deliveries(
    caller: Caller,
    id: string,
    query: PagingQueryDto,
    requestUrl: string,
    dead: boolean,
  ): Promise<Collection<WebhookDeliveryDto>> {
    await this.owned(caller, id);
    const window = pageWindow(query);
    const page = dead
      ? await this.store.listDeadLetters(id, window.offset, window.limit)
      : await this.store.listDeliveries(id, window.offset, window.limit);
    return collection(
      page.items.map((d) => toDeliveryDto(d, caller)),
      window,
      { count: page.count, countIsLowerBound: false, hasMore: window.offset + window.limit < page.count },
      requestUrl,
    );
  }

  async deliveryOf(caller: Caller, id: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    await this.owned(caller, id);
    const found = await this.store.getDelivery(deliveryId);
    if (!found || found.subscriptionId !== id) {
      throw new NotFoundError('delivery', deliveryId);
    }
    return toDeliveryDto(found, caller);
  }

  async redeliver(caller: Caller, id: string, deliveryId: string): Promise<WebhookDeliveryDto> {
    const subscription = await this.owned(caller, id);
    const found = await this.store.getDelivery(deliveryId);
    if (!found || found.subscriptionId !== id) {
      throw new NotFoundError('delivery', deliveryId);
    }
    if (found.test) {
      throw new ValidationFailedError([
        { field: 'deliveryId', message: 'is a test delivery: send a new test instead' },
      ]);
    }
    this.mustBeEnabled(subscription);
    return toDeliveryDto(await this.delivery.redeliver(found), caller);
  }

  async replay(caller: Caller, id: string, input: CreateReplayDto): Promise<WebhookReplayDto> {
    const subscription = await this.owned(caller, id);
    if ((input.since === undefined) === (input.deadLetters !== true)) {
      throw new ValidationFailedError([
        { field: 'since', message: 'give either since or deadLetters: true, not both' },
      ]);
    }
    this.mustBeEnabled(subscription);
    return input.since !== undefined
      ? this.replaySince(subscription, new Date(input.since))
      : this.replayDeadLetters(subscription);
  }

  private async replaySince(subscription: WebhookSubscription, since: Date): Promise<WebhookReplayDto> {
    let queued = 0;
    let events = await this.events.readSince(subscription.organisation, since, REPLAY_PAGE);
    while (events.length > 0) {
      for (const event of events) {
        if (
          !wantsType(subscription.eventTypes, event.type) ||
          (subscription.workReferenceNumbers &&
            !subscription.workReferenceNumbers.includes(event.workReferenceNumber))
        ) {
          continue;
        }
        if (queued >= MAX_REPLAY) {
          return { queued, truncated: true };
        }
        await this.delivery.replay(subscription, event);
        queued++;
      }
      if (events.length < REPLAY_PAGE) {
        break;
      }
      events = await this.events.readAfter(
        subscription.organisation,
        events[events.length - 1].id,
        REPLAY_PAGE,
      );
    }
    return { queued, truncated: false };
  }

  private async replayDeadLetters(subscription: WebhookSubscription): Promise<WebhookReplayDto> {
    // Each redelivery leaves the list, so the first page is read until it is empty (bounded by MAX_REPLAY).
    let queued = 0;
    for (;;) {
      const page = await this.store.listDeadLetters(subscription.id, 0, REPLAY_PAGE);
      if (page.items.length === 0) {
        return { queued, truncated: false };
      }
      for (const dead of page.items) {
        if (queued >= MAX_REPLAY) {
          return { queued, truncated: true };
        }
        await this.delivery.redeliver(dead);
        queued++;
      }
    }
  }

  private mustBeEnabled(subscription: WebhookSubscription): void {
    if (!subscription.enabled) {
      throw new ConflictError(
        'the webhook subscription is disabled: enable it (PUT with enabled true) first',
      );
    }
  }

  private async owned(caller: Caller, id: string): Promise<WebhookSubscription> {
    const found = await this.store.getSubscription(id);
    if (!found || found.organisation !== this.organisations.of(caller)) {
      throw new NotFoundError('webhook subscription', id);
    }
    return found;
  }

  private async checkUrl(url: string): Promise<void> {
    try {
      await this.http.check(url, this.delivery.policy);
    } catch (e) {
      if (e instanceof ReceiverRefusedError) {
        throw new ValidationFailedError([{ field: 'url', message: e.message }]);
      }
      throw e;
    }
  }

  private nowIso(): string {
    return new Date(this.clock.now()).toISOString();
  }
}
