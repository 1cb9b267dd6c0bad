import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UpdateRecord } from '../data/records';
import { API_BASES, type RouteConfig, type SandboxContext, smErrorBody } from '../sandbox-context';
import { eventNotifierMessage } from './event-notifier-message';
import { signSnsMessage, snsSigningKey, type SignedSnsMessage, type UnsignedSnsMessage } from './sns-signer';

/*
 * The sandbox plays Amazon SNS for Street Manager's API notifications:
 *   - a subscription made through POST /v6/event/api-notifications/subscribe gets a signed SubscriptionConfirmation;
 *     GET /__sns/confirm?Token=… (its SubscribeURL) confirms it; unsubscribing sends an UnsubscribeConfirmation
 *   - every change Street Manager notifies (permit and work start/stop events) is posted, signed, to each confirmed
 *     subscription whose organisation can see the work; every other change is on the Event API cursor only
 *   - GET /__sns/SimpleNotificationService-<hash>.pem serves the self-signed signing certificate
 * Admin (loopback, no token):
 *   POST /__admin/notifications        { drop?, duplicate?, delay?: n next notifications, delayMs?, signatureVersion?: '1'|'2' }
 *   GET  /__admin/notifications        { subscriptions, deliveries (newest last, at most 500), knobs }
 *   POST /__admin/notifications/change { workReferenceNumber | promoterSwaCode (its latest work), eventType (a Street
 *                                      Manager audit name), objectType?, objectReference? } records a change as if the
 *                                      promoter made it (default object: the work's latest permit); answers
 *                                      { updateId, workReferenceNumber }
 *   POST /__admin/notifications/forge  { kind: 'bad-signature'|'unsigned'|'wrong-topic'|'untrusted-certificate', organisation? }
 *                                      posts a forged notification (the latest notifiable change with a new update id
 *                                      and object reference) now; answers { deliveries }
 */

export const SANDBOX_SNS_PATH = '/__sns';

/** One topic per organisation; the gateway pins each credential to its organisation's topic. */
export function sandboxTopicArn(swaCode: string): string {
  return `arn:aws:sns:eu-west-2:000000000000:street-manager-sandbox-${swaCode}`;
}

/** The certificate and confirmation URLs of the sandbox at `origin`: what a gateway in front of it must trust. */
export function sandboxSnsUrlPattern(origin: string): RegExp {
  const escaped = origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    `^${escaped}${SANDBOX_SNS_PATH}/(?:SimpleNotificationService-[a-f0-9]{32}\\.pem|confirm\\?Token=[A-Za-z0-9-]{1,100}&TopicArn=[^&#\\s]{1,300})$`,
  );
}

export type ForgeKind = 'bad-signature' | 'unsigned' | 'wrong-topic' | 'untrusted-certificate';
const FORGE_KINDS: ForgeKind[] = ['bad-signature', 'unsigned', 'wrong-topic', 'untrusted-certificate'];

interface SnsSubscription {
  reference: string;
  organisationSwa: string;
  endpoint: string;
  topicArn: string;
  token: string;
  confirmed: boolean;
}

export interface SnsDelivery {
  messageId: string;
  type: SignedSnsMessage['Type'];
  subscription: string;
  /** the Street Manager update notified, for notifications */
  updateId?: number;
  /** the receiver's status; 0 = it could not be reached; -1 = dropped by the admin knob */
  status: number;
  forged?: ForgeKind;
  signatureVersion: '1' | '2';
  at: string;
}

interface Knobs {
  drop: number;
  duplicate: number;
  delay: number;
  delayMs: number;
  signatureVersion: '1' | '2';
}

const MAX_DELIVERIES = 500;
const LOOPBACK_ENDPOINT = /^https?:\/\/(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|\[::1\])(?::\d{1,5})?\//;
const RETRY_DELAYS_MS = [200, 1_000];

export function registerSnsNotifications(ctx: SandboxContext): void {
  const { app, state, clock } = ctx;
  const nowIso = () => new Date(clock.now()).toISOString();
  const subscriptions = new Map<string, SnsSubscription>();
  const deliveries: SnsDelivery[] = [];
  const knobs: Knobs = { drop: 0, duplicate: 0, delay: 0, delayMs: 0, signatureVersion: '1' };
  const admin = (template: string): RouteConfig => ({ api: 'admin', kind: 'admin', template });
  let lastNotifiable: { update: UpdateRecord; message: Record<string, unknown> } | undefined;
  let forgeries = 0;

  let closed = false;
  app.addHook('onClose', (_instance, done) => {
    closed = true;
    done();
  });
  let listeningOrigin: string | undefined;
  /** The sandbox's own origin, for the certificate and confirmation URLs (known once it listens). */
  const origin = (): string => {
    if (listeningOrigin === undefined) {
      const address = app.server.address() as AddressInfo | null;
      if (!address) {
        throw new Error('the sandbox is not listening');
      }
      listeningOrigin = `http://127.0.0.1:${address.port}`;
    }
    return listeningOrigin;
  };
  /** Fire and forget, as SNS is to Street Manager: a post that fails (or outlives the sandbox) is only a delivery record. */
  const postLater = (...args: Parameters<typeof post>): void => {
    void post(...args).catch(() => undefined);
  };

  async function post(
    subscription: SnsSubscription,
    unsigned: UnsignedSnsMessage,
    extra: Partial<SnsDelivery> = {},
    forge?: ForgeKind,
    forgedMessage?: string,
  ): Promise<SnsDelivery> {
    const key = await snsSigningKey();
    const version = knobs.signatureVersion;
    let message: Partial<SignedSnsMessage> = signSnsMessage(
      unsigned,
      key,
      `${origin()}${SANDBOX_SNS_PATH}/${key.fileName}`,
      version,
    );
    if (forge === 'bad-signature') {
      // Signed, then changed: what a man in the middle would send.
      message = { ...message, Message: forgedMessage };
    } else if (forge === 'unsigned') {
      const { Signature: _s, SignatureVersion: _v, SigningCertURL: _c, ...rest } = message;
      message = rest;
    } else if (forge === 'untrusted-certificate') {
      message = { ...message, SigningCertURL: `https://attacker.example${SANDBOX_SNS_PATH}/${key.fileName}` };
    }
    const delivery: SnsDelivery = {
      messageId: unsigned.MessageId,
      type: unsigned.Type,
      subscription: subscription.reference,
      status: 0,
      signatureVersion: version,
      at: nowIso(),
      ...extra,
      ...(forge ? { forged: forge } : {}),
    };
    for (let attempt = 0; !closed; attempt++) {
      try {
        // eslint-disable-next-line no-restricted-globals -- the sandbox plays Amazon SNS, a third party posting to the gateway: not the gateway's outbound call
        const response = await fetch(subscription.endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'text/plain; charset=UTF-8',
            'x-amz-sns-message-type': unsigned.Type,
            'x-amz-sns-message-id': unsigned.MessageId,
            'x-amz-sns-topic-arn': unsigned.TopicArn,
          },
          body: JSON.stringify(message),
          signal: AbortSignal.timeout(5_000),
        });
        await response.arrayBuffer().catch(() => undefined);
        delivery.status = response.status;
      } catch {
        delivery.status = 0;
      }
      // SNS retries what failed on the receiver's side or never arrived; a refusal (4xx) is final.
      if ((delivery.status !== 0 && delivery.status < 500) || attempt >= RETRY_DELAYS_MS.length) {
        break;
      }
      // unref: a retry pending when the sandbox closes never keeps the process alive.
      await new Promise((resolve) => setTimeout(resolve, RETRY_DELAYS_MS[attempt]).unref());
    }
    deliveries.push(delivery);
    deliveries.splice(0, Math.max(0, deliveries.length - MAX_DELIVERIES));
    return delivery;
  }

  function envelope(
    subscription: SnsSubscription,
    type: SignedSnsMessage['Type'],
    message: string,
    topicArn = subscription.topicArn,
  ): UnsignedSnsMessage {
    const base = {
      MessageId: randomUUID(),
      TopicArn: topicArn,
      Message: message,
      Timestamp: nowIso(),
    };
    if (type === 'Notification') {
      return { Type: type, ...base };
    }
    const query = `Token=${subscription.token}&TopicArn=${encodeURIComponent(subscription.topicArn)}`;
    return {
      Type: type,
      ...base,
      SubscribeURL: `${origin()}${SANDBOX_SNS_PATH}/confirm?${query}`,
      Token: subscription.token,
    };
  }

  /** Brings our SNS subscriptions in line with Street Manager's: confirm new ones, say goodbye to removed ones. */
  function sync(): void {
    for (const s of state.subscriptions.values()) {
      // A test double posts to this machine only: an endpoint elsewhere is kept by the Event API and never called.
      if (!subscriptions.has(s.reference) && LOOPBACK_ENDPOINT.test(s.endpoint)) {
        const subscription: SnsSubscription = {
          reference: s.reference,
          organisationSwa: s.organisationSwa,
          endpoint: s.endpoint,
          topicArn: sandboxTopicArn(s.organisationSwa),
          token: randomUUID(),
          confirmed: false,
        };
        subscriptions.set(s.reference, subscription);
        const text = `You have chosen to subscribe to the topic ${subscription.topicArn}. To confirm the subscription, visit the SubscribeURL included in this message.`;
        postLater(subscription, envelope(subscription, 'SubscriptionConfirmation', text));
      }
    }
    for (const [reference, subscription] of subscriptions) {
      if (!state.subscriptions.has(reference)) {
        subscriptions.delete(reference);
        if (subscription.confirmed) {
          postLater(
            subscription,
            envelope(
              subscription,
              'UnsubscribeConfirmation',
              `You have unsubscribed from ${subscription.topicArn}.`,
            ),
          );
        }
      }
    }
  }

  function deliver(
    subscription: SnsSubscription,
    update: UpdateRecord,
    message: Record<string, unknown>,
  ): void {
    if (knobs.drop > 0) {
      knobs.drop--;
      deliveries.push({
        messageId: randomUUID(),
        type: 'Notification',
        subscription: subscription.reference,
        updateId: update.updateId,
        status: -1,
        signatureVersion: knobs.signatureVersion,
        at: nowIso(),
      });
      return;
    }
    const unsigned = envelope(subscription, 'Notification', JSON.stringify(message));
    const times = knobs.duplicate > 0 ? (knobs.duplicate--, 2) : 1;
    const send = () => {
      for (let i = 0; i < times; i++) {
        // A duplicate is SNS redelivering: the same message, the same MessageId.
        postLater(subscription, unsigned, { updateId: update.updateId });
      }
    };
    if (knobs.delay > 0) {
      knobs.delay--;
      setTimeout(send, knobs.delayMs).unref();
    } else {
      send();
    }
  }

  state.onChange((update) => {
    const work = state.works.get(update.workReference);
    const message = work && eventNotifierMessage(update, work);
    if (!work || !message) {
      return;
    }
    lastNotifiable = { update, message };
    for (const subscription of subscriptions.values()) {
      const organisation = state.organisations().find((o) => o.swaCode === subscription.organisationSwa);
      if (subscription.confirmed && organisation && state.canSee(organisation, work)) {
        deliver(subscription, update, message);
      }
    }
  });

  app.addHook('onResponse', (request, reply, done) => {
    if (
      request.method === 'POST' &&
      request.url.startsWith(`${API_BASES.event}/api-notifications/`) &&
      reply.statusCode < 300
    ) {
      sync();
    }
    done();
  });

  app.route({
    method: 'GET',
    url: `${SANDBOX_SNS_PATH}/:file`,
    config: admin('/sns/certificate'),
    handler: async (request: FastifyRequest<{ Params: { file: string } }>, reply: FastifyReply) => {
      if (request.params.file === 'confirm') {
        const { Token: token } = request.query as { Token?: string };
        const subscription = [...subscriptions.values()].find((s) => s.token === token);
        if (!subscription) {
          return reply.code(404).send('<ErrorResponse><Error><Code>NotFound</Code></Error></ErrorResponse>');
        }
        subscription.confirmed = true;
        return reply
          .code(200)
          .header('content-type', 'text/xml')
          .send(
            `<ConfirmSubscriptionResponse><ConfirmSubscriptionResult><SubscriptionArn>${subscription.topicArn}:${subscription.reference}</SubscriptionArn></ConfirmSubscriptionResult></ConfirmSubscriptionResponse>`,
          );
      }
      const key = await snsSigningKey();
      if (request.params.file !== key.fileName) {
        return reply.code(404).send('not found');
      }
      return reply.code(200).header('content-type', 'application/x-pem-file').send(key.certificate);
    },
  });

  app.route({
    method: 'GET',
    url: '/__admin/notifications',
    config: admin('/notifications'),
    handler: () => ({
      subscriptions: [...subscriptions.values()].map(({ token: _t, ...s }) => s),
      deliveries,
      knobs,
    }),
  });

  app.route({
    method: 'POST',
    url: '/__admin/notifications',
    config: admin('/notifications'),
    handler: (request: FastifyRequest, reply: FastifyReply) => {
      const body = (request.body ?? {}) as Partial<Knobs>;
      for (const name of ['drop', 'duplicate', 'delay', 'delayMs'] as const) {
        const value = body[name];
        if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 600_000)) {
          return reply.code(400).send(smErrorBody(400, `${name} must be an integer from 0`));
        }
      }
      if (
        body.signatureVersion !== undefined &&
        body.signatureVersion !== '1' &&
        body.signatureVersion !== '2'
      ) {
        return reply.code(400).send(smErrorBody(400, "signatureVersion must be '1' or '2'"));
      }
      Object.assign(knobs, Object.fromEntries(Object.entries(body).filter(([k]) => k in knobs)));
      return { knobs };
    },
  });

  app.route({
    method: 'POST',
    url: '/__admin/notifications/change',
    config: admin('/notifications/change'),
    handler: (request: FastifyRequest, reply: FastifyReply) => {
      const body = (request.body ?? {}) as {
        workReferenceNumber?: string;
        promoterSwaCode?: string;
        eventType?: string;
        objectType?: string;
        objectReference?: string;
      };
      const work =
        typeof body.workReferenceNumber === 'string'
          ? state.works.get(body.workReferenceNumber)
          : state.workList.findLast((w) => w.promoterSwa === body.promoterSwaCode && w.permits.length > 0);
      const promoter = work && state.organisations().find((o) => o.swaCode === work.promoterSwa);
      if (
        !work ||
        !promoter ||
        typeof body.eventType !== 'string' ||
        !/^[a-z0-9_]{1,100}$/.test(body.eventType)
      ) {
        return reply
          .code(400)
          .send(
            smErrorBody(
              400,
              'workReferenceNumber (a known work) and eventType (an audit event name) are required',
            ),
          );
      }
      const objectType = body.objectType ?? 'permit';
      const reference =
        body.objectReference ??
        (objectType === 'permit' ? (work.permits.at(-1)?.reference ?? null) : work.reference);
      const h = state.recordEvent(work, body.eventType, objectType, reference, {
        email: promoter.email,
        organisation: promoter,
      });
      return { updateId: h.updateId, workReferenceNumber: work.reference };
    },
  });

  app.route({
    method: 'POST',
    url: '/__admin/notifications/forge',
    config: admin('/notifications/forge'),
    handler: async (request: FastifyRequest, reply: FastifyReply) => {
      const body = (request.body ?? {}) as { kind?: ForgeKind; organisation?: string };
      if (!body.kind || !FORGE_KINDS.includes(body.kind)) {
        return reply.code(400).send(smErrorBody(400, `kind must be one of ${FORGE_KINDS.join(', ')}`));
      }
      if (!lastNotifiable) {
        return reply.code(409).send(smErrorBody(409, 'nothing notifiable has changed yet'));
      }
      const targets = [...subscriptions.values()].filter(
        (s) => s.confirmed && (!body.organisation || s.organisationSwa === body.organisation),
      );
      // A change Street Manager never made, so that accepting it would show: a new update id.
      const updateId = 900_000_000 + ++forgeries;
      const { message } = lastNotifiable;
      const forged = JSON.stringify({
        ...message,
        event_reference: updateId,
        object_reference: `${String(message.object_reference)}-FORGED`,
      });
      const kind = body.kind;
      const sent = await Promise.all(
        targets.map((s) => {
          const topic = kind === 'wrong-topic' ? sandboxTopicArn('0000') : s.topicArn;
          const signed = kind === 'bad-signature' ? JSON.stringify(message) : forged;
          return post(s, envelope(s, 'Notification', signed, topic), { updateId }, kind, forged);
        }),
      );
      return { deliveries: sent };
    },
  });
}
