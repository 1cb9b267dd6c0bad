import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import { links } from '../common/links/link';
import { resourcePath, V1 } from '../common/links/paths';
import type { WebhookDeliveryDto, WebhookSubscriptionDto } from './dto/webhook-subscription.dto';
import type { DeliveryRecord, WebhookSubscription } from './webhook.model';

export function subscriptionPath(id: string): string {
  return resourcePath(V1.webhookSubscriptions, id);
}

export function toSubscriptionDto(s: WebhookSubscription, caller: Caller): WebhookSubscriptionDto {
  const self = subscriptionPath(s.id);
  const [current, previous] = s.secrets;
  return {
    id: s.id,
    url: s.url,
    description: s.description ?? null,
    eventTypes: s.eventTypes,
    workReferenceNumbers: s.workReferenceNumbers ?? [],
    enabled: s.enabled,
    disabledReason: s.enabled ? null : (s.disabledReason ?? 'requested'),
    disabledAt: s.enabled ? null : (s.disabledAt ?? null),
    failingSince: s.failingSince ?? null,
    secretCreatedAt: current.createdAt,
    previousSecretExpiresAt: previous?.expiresAt ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    links: links(caller)
      .self(self)
      .related('deliveries', `${self}/deliveries`)
      .related('dead-letters', `${self}/dead-letters`)
      .action('update', self, 'PUT', Permission.READ)
      .action('delete', self, 'DELETE', Permission.READ)
      .action('rotate-secret', `${self}/secrets`, 'POST', Permission.READ)
      .action('test-delivery', `${self}/test-deliveries`, 'POST', Permission.READ)
      .action('redeliver', `${self}/redeliveries`, 'POST', Permission.READ)
      .action('replay', `${self}/replays`, 'POST', Permission.READ)
      .build(),
  };
}

export function toDeliveryDto(d: DeliveryRecord, caller: Caller): WebhookDeliveryDto {
  const subscription = subscriptionPath(d.subscriptionId);
  return {
    id: d.id,
    eventId: d.event.id,
    eventType: d.event.type,
    test: d.test,
    status: d.status,
    attempts: d.attempts.map((a) => ({
      at: a.at,
      responseStatus: a.responseStatus ?? null,
      latencyMs: a.latencyMs,
      outcome: a.outcome,
      error: a.error ?? null,
    })),
    createdAt: d.createdAt,
    nextAttemptAt: d.status === 'pending' || d.status === 'retrying' ? (d.nextAttemptAt ?? null) : null,
    deliveredAt: d.deliveredAt ?? null,
    deadAt: d.deadAt ?? null,
    links: links(caller)
      .self(resourcePath(`${subscription}/deliveries`, d.id))
      .related('webhook-subscription', subscription)
      .action('redeliver', `${subscription}/redeliveries`, 'POST', Permission.READ, !d.test)
      .build(),
  };
}
