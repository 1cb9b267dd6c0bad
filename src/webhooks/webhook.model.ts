import type { GatewayEvent } from '../events/gateway-event';

/** Why a subscription stopped receiving: its receiver answered 410, it kept failing, or its owner paused it. */
export type DisabledReason = 'receiver-gone' | 'failing' | 'requested';

export interface SigningSecret {
  /** `whsec_` + base64, as Standard Webhooks defines it */
  secret: string;
  createdAt: string;
  /** set on the previous secret at a rotation: it keeps signing until then */
  expiresAt?: string;
}

export interface WebhookSubscription {
  id: string;
  /** SWA code of the owning organisation; another organisation's callers never see it */
  organisation: string;
  url: string;
  description?: string;
  /** exact types (`permit.granted`), a family (`permit.*`) or everything (`*`) */
  eventTypes: string[];
  /** only events of these works, when set */
  workReferenceNumbers?: string[];
  enabled: boolean;
  disabledReason?: DisabledReason;
  disabledAt?: string;
  /** the first failure since the last success; cleared by a success */
  failingSince?: string;
  /** newest first; at most two (the current one and, for a grace period, the previous one) */
  secrets: SigningSecret[];
  createdAt: string;
  updatedAt: string;
}

export type DeliveryStatus = 'pending' | 'retrying' | 'delivered' | 'dead';

export interface DeliveryAttempt {
  at: string;
  /** the receiver's HTTP status; absent when there was no answer */
  responseStatus?: number;
  latencyMs: number;
  outcome: 'delivered' | 'failed' | 'timeout' | 'unreachable' | 'refused';
  /** ours, safe to show: why it failed */
  error?: string;
}

/** One event for one subscription: one `webhook-id`, however many attempts and redeliveries it takes. */
export interface DeliveryRecord {
  /** the `webhook-id` header */
  id: string;
  subscriptionId: string;
  organisation: string;
  event: GatewayEvent;
  test: boolean;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  createdAt: string;
  /** start of the current retry window (the first attempt, or the latest redelivery) */
  windowStartedAt: string;
  nextAttemptAt?: string;
  deliveredAt?: string;
  deadAt?: string;
}

/** Attempts kept per delivery: a day of retries is about a dozen; redeliveries add more. */
export const MAX_ATTEMPTS_KEPT = 30;
export const MAX_SUBSCRIPTIONS_PER_ORGANISATION = 50;
