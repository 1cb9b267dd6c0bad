import { Logger } from '@nestjs/common';
import { type IntakeCredential, type IntakeSettings, receiverEndpoint } from './intake-settings';
import type { IntakeState, SubscriptionRecord } from './intake-state';
import type { StreetManagerEventApi } from './street-manager-event-api';

/** A subscription whose confirmation never came is asked for again after this. */
const PENDING_RETRY_MS = 10 * 60_000;
const SUBSCRIBE_LEASE_MS = 60_000;

/**
 * Subscribes the receiver to each credential's notifications, once across all instances (a lease in the shared
 * state), and unsubscribes on an operator's request. SNS then sends a SubscriptionConfirmation, which the receiver
 * confirms only while our record says `pending`.
 */
export class Subscriptions {
  private readonly logger = new Logger('EventIntake');

  constructor(
    private readonly settings: IntakeSettings,
    private readonly state: IntakeState,
    private readonly api: StreetManagerEventApi,
    private readonly now: () => number = Date.now,
  ) {}

  /** Subscribes every credential that has a pinned topic and no live subscription; resolves with what it did per credential. */
  async ensureAll(): Promise<Record<string, string>> {
    const done: Record<string, string> = {};
    const base = this.settings.publicBaseUrl;
    if (!base) {
      return done;
    }
    for (const credential of this.settings.credentials) {
      try {
        done[credential.id] = await this.ensure(credential, receiverEndpoint(base, credential.id));
      } catch (e) {
        done[credential.id] = 'failed';
        this.logger.warn(
          { credential: credential.id, reason: e instanceof Error ? e.message : 'unknown' },
          'could not subscribe to Street Manager notifications; the reconciler keeps the log complete',
        );
      }
    }
    return done;
  }

  private async ensure(credential: IntakeCredential, endpoint: string): Promise<string> {
    if (!credential.topicArn) {
      return 'no-topic';
    }
    const current = await this.state.subscription(credential.id);
    if (
      current &&
      current.endpoint === endpoint &&
      (current.state === 'confirmed' || this.now() - current.since < PENDING_RETRY_MS)
    ) {
      return current.state;
    }
    return this.state.withLease(credential.id, 'subscribe', SUBSCRIBE_LEASE_MS, async () => {
      // Another instance may have subscribed while we waited for the lease.
      const again = await this.state.subscription(credential.id);
      if (
        again &&
        again.endpoint === endpoint &&
        (again.state === 'confirmed' || this.now() - again.since < PENDING_RETRY_MS)
      ) {
        return again.state;
      }
      if (again?.reference) {
        // An endpoint that moved (PUBLIC_BASE_URL changed) or a confirmation that never came: end the old one first,
        // so Street Manager does not notify twice.
        await this.api.unsubscribe(credential.organisation, again.reference).catch((e: unknown) =>
          this.logger.warn(
            {
              credential: credential.id,
              reference: again.reference,
              reason: e instanceof Error ? e.message : 'unknown',
            },
            'could not end the previous subscription',
          ),
        );
      }
      // The record is written before Street Manager is asked: SNS may post the confirmation before the call returns.
      const record: SubscriptionRecord = { reference: '', endpoint, state: 'pending', since: this.now() };
      await this.state.saveSubscription(credential.id, record);
      const reference = await this.api.subscribe(credential.organisation, endpoint);
      const latest = await this.state.subscription(credential.id);
      await this.state.saveSubscription(credential.id, { ...(latest ?? record), reference });
      this.logger.log(
        { credential: credential.id, reference },
        'asked Street Manager for notifications; waiting for the SNS confirmation',
      );
      return 'subscribed';
    });
  }

  async unsubscribe(credentialId: string): Promise<'unsubscribed' | 'not-subscribed' | 'unknown-credential'> {
    const credential = this.settings.credentials.find((c) => c.id === credentialId);
    if (!credential) {
      return 'unknown-credential';
    }
    const current = await this.state.subscription(credential.id);
    if (!current) {
      return 'not-subscribed';
    }
    await this.api.unsubscribe(credential.organisation, current.reference);
    await this.state.saveSubscription(credential.id, undefined);
    this.logger.log(
      { credential: credential.id, reference: current.reference },
      'unsubscribed from Street Manager notifications',
    );
    return 'unsubscribed';
  }

  async states(): Promise<Record<string, string>> {
    const states: Record<string, string> = {};
    for (const credential of this.settings.credentials) {
      states[credential.id] = (await this.state.subscription(credential.id))?.state ?? 'none';
    }
    return states;
  }
}
