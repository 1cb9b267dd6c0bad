import { Logger } from '@nestjs/common';
import type { UpstreamHttp } from '../../upstreams/http/upstream-http.service';
import type { EventLog } from '../gateway-event';
import type { IntakeMetrics, RefusedReason } from './intake-metrics';
import type { IntakeSettings } from './intake-settings';
import type { IntakeState } from './intake-state';
import { parseSnsEnvelope, type SnsEnvelope, SnsEnvelopeError } from './sns-envelope';
import { originAndPath, SnsRefusal, type SnsVerifier } from './sns-verifier';
import { fromNotifierMessage, NotifierMessageError } from './street-manager-events';

export const SNS_UPSTREAM = 'sns';

export interface ReceiverAnswer {
  status: number;
  body: { outcome: string };
}

/**
 * Street Manager's notifications (SNS HTTP(S) messages) for one credential. Every message is verified before anything
 * else is done with it; a notification is stored in the log before the 2xx; a redelivery (same MessageId, or the
 * same Street Manager update) is answered 200 and stored once. Refusals are answered 4xx, logged and counted, and
 * leave no trace in the log or the shared state. The answers carry no detail: the sender is not told why.
 */
export class NotificationReceiver {
  private readonly logger = new Logger('EventIntake');

  constructor(
    private readonly settings: IntakeSettings,
    private readonly state: IntakeState,
    private readonly verifier: SnsVerifier,
    private readonly log: EventLog,
    private readonly http: UpstreamHttp,
    private readonly metrics: IntakeMetrics,
    private readonly now: () => number = Date.now,
  ) {}

  async receive(credentialId: string, body: string): Promise<ReceiverAnswer> {
    const credential = this.settings.credentials.find((c) => c.id === credentialId);
    if (!credential) {
      return this.refuse('unknown-credential', credentialId, undefined, 404);
    }
    let message: SnsEnvelope;
    try {
      message = parseSnsEnvelope(body);
    } catch (e) {
      return this.refuse(
        'malformed',
        credentialId,
        e instanceof SnsEnvelopeError ? e.message : undefined,
        400,
      );
    }
    try {
      await this.verifier.verify(message, credential.topicArn);
    } catch (e) {
      if (e instanceof SnsRefusal) {
        return this.refuse(e.reason, credentialId, `messageId ${message.MessageId.slice(0, 100)}`, 403);
      }
      throw e;
    }
    switch (message.Type) {
      case 'Notification':
        // SNS redelivers: a message already stored is answered at once (after its signature: a forgery that reuses
        // a MessageId is refused like any other).
        if (await this.state.messageSeen(credentialId, message.MessageId)) {
          this.metrics.received.inc({ outcome: 'duplicate' });
          return { status: 200, body: { outcome: 'duplicate' } };
        }
        return this.store(credentialId, message);
      case 'SubscriptionConfirmation':
        return this.confirm(credentialId, message);
      case 'UnsubscribeConfirmation':
        this.logger.log(
          { credential: credentialId, topicArn: message.TopicArn },
          'Street Manager confirmed an unsubscription',
        );
        this.metrics.received.inc({ outcome: 'unsubscribed' });
        return { status: 200, body: { outcome: 'unsubscribed' } };
    }
  }

  private async store(credentialId: string, message: SnsEnvelope): Promise<ReceiverAnswer> {
    let mapped;
    try {
      mapped = fromNotifierMessage(message.Message, credentialId);
    } catch (e) {
      // Signed by Street Manager but not a message we can read: a retry would not help; the reconciler reads the
      // same change from the Event API.
      this.logger.warn(
        {
          credential: credentialId,
          messageId: message.MessageId,
          reason: e instanceof NotifierMessageError ? e.message : 'unreadable',
        },
        'a verified notification could not be read; the reconciler will pick the change up',
      );
      this.metrics.received.inc({ outcome: 'ignored' });
      return { status: 200, body: { outcome: 'ignored' } };
    }
    const stored = await this.log.append(mapped.event, mapped.dedupeKey);
    await this.state.rememberMessage(credentialId, message.MessageId, this.settings.retentionMs);
    const outcome = stored ? 'stored' : 'duplicate';
    this.metrics.received.inc({ outcome });
    if (stored) {
      this.metrics.stored.inc({ source: 'notification' });
    }
    return { status: 200, body: { outcome } };
  }

  /** Only a confirmation we asked for: our subscribe call is pending for this credential, and the link is SNS's. */
  private async confirm(credentialId: string, message: SnsEnvelope): Promise<ReceiverAnswer> {
    const subscription = await this.state.subscription(credentialId);
    const url = message.SubscribeURL;
    if (
      !subscription ||
      subscription.state !== 'pending' ||
      !url ||
      !this.verifier.isTrustedSubscribeUrl(url)
    ) {
      return this.refuse(
        'unexpected-confirmation',
        credentialId,
        `subscription ${subscription?.state ?? 'none'}`,
        403,
      );
    }
    const response = await this.http.request({
      upstream: SNS_UPSTREAM,
      operation: 'confirmSubscription',
      method: 'GET',
      ...originAndPath(url),
    });
    if (response.status !== 200) {
      this.logger.warn(
        { credential: credentialId, status: response.status },
        'SNS refused the subscription confirmation',
      );
      return { status: 502, body: { outcome: 'confirmation-failed' } };
    }
    await this.state.saveSubscription(credentialId, {
      ...subscription,
      state: 'confirmed',
      since: this.now(),
    });
    this.logger.log(
      { credential: credentialId, topicArn: message.TopicArn },
      'subscribed to Street Manager notifications',
    );
    this.metrics.received.inc({ outcome: 'confirmed' });
    return { status: 200, body: { outcome: 'confirmed' } };
  }

  private refuse(
    reason: RefusedReason,
    credential: string,
    detail: string | undefined,
    status: number,
  ): ReceiverAnswer {
    this.metrics.refused.inc({ reason });
    this.logger.warn(
      { alarm: 'notification-refused', credential: credential.slice(0, 20), reason, detail },
      'refused a Street Manager notification',
    );
    return { status, body: { outcome: 'refused' } };
  }
}
