import { createHash, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { SigningSecret } from './webhook.model';

/** A new signing secret in the Standard Webhooks form: `whsec_` + base64 of 32 random bytes. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The `webhook-signature` header: one `v1,<base64>` per valid secret, space-separated, so a receiver that still has
 * the previous secret after a rotation verifies too (Standard Webhooks allows several signatures).
 */
export function signatureHeader(
  secrets: SigningSecret[],
  webhookId: string,
  timestamp: Date,
  body: string,
  now: number,
): string {
  const valid = secrets.filter((s) => !s.expiresAt || Date.parse(s.expiresAt) > now);
  return valid.map((s) => new Webhook(s.secret).sign(webhookId, timestamp, body)).join(' ');
}

/** Stable per event and subscription, so every retry and redelivery carries the same id and receivers can dedupe. */
export function webhookId(subscriptionId: string, eventId: string): string {
  return `msg_${createHash('sha256').update(`${subscriptionId}\n${eventId}`).digest('hex').slice(0, 32)}`;
}
