import { Registry } from 'prom-client';
import {
  signSnsMessage,
  snsSigningKey,
  type SnsSigningKey,
  type UnsignedSnsMessage,
} from '../../sandbox/notifications/sns-signer';
import type { UpstreamHttp } from '../../upstreams/http/upstream-http.service';
import { MemoryEventLog } from '../memory-event-log';
import { IntakeMetrics } from './intake-metrics';
import type { IntakeSettings } from './intake-settings';
import { MemoryIntakeState } from './intake-state';
import { NotificationReceiver } from './notification-receiver';
import { SnsVerifier } from './sns-verifier';

const TOPIC = 'arn:aws:sns:eu-west-2:000000000000:street-manager-sandbox-7374';
const CERT = 'http://127.0.0.1:4000/__sns/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem';
const settings: IntakeSettings = {
  enabled: true,
  credentials: [{ id: '7374', organisation: '7374', topicArn: TOPIC }],
  defaultCredentialId: '7374',
  reconcileIntervalMs: 60_000,
  backfillMs: 0,
  retentionMs: 86_400_000,
  maxMessageAgeMs: 3_600_000,
  extraUrlPattern: /^http:\/\/127\.0\.0\.1:4000\/__sns\/.+$/,
};

describe('NotificationReceiver', () => {
  let key: SnsSigningKey;
  let confirmStatus: number;
  let fetched: string[];
  let state: MemoryIntakeState;
  let log: MemoryEventLog;
  let receiver: NotificationReceiver;
  const http = {
    request: (call: { operation: string }) => {
      fetched.push(call.operation);
      const status = call.operation === 'confirmSubscription' ? confirmStatus : 200;
      return Promise.resolve({
        status,
        headers: {},
        body: Buffer.from(call.operation === 'confirmSubscription' ? '<ok/>' : key.certificate),
      });
    },
  } as unknown as UpstreamHttp;
  const signed = (m: Partial<UnsignedSnsMessage>) =>
    JSON.stringify(
      signSnsMessage(
        {
          Type: 'Notification',
          MessageId: 'm1',
          TopicArn: TOPIC,
          Message: '{}',
          Timestamp: new Date().toISOString(),
          ...m,
        },
        key,
        CERT,
        '2',
      ),
    );

  beforeAll(async () => {
    key = await snsSigningKey();
  });
  beforeEach(() => {
    confirmStatus = 200;
    fetched = [];
    state = new MemoryIntakeState();
    log = new MemoryEventLog(settings.retentionMs, 1_000);
    receiver = new NotificationReceiver(
      settings,
      state,
      new SnsVerifier(http, settings),
      log,
      http,
      new IntakeMetrics(new Registry()),
    );
  });

  it('answers 200 to a signed message it cannot read, and stores nothing (the reconciler reads the change)', async () => {
    expect(await receiver.receive('7374', signed({ Message: '{"event_type":"SOMETHING_NEW"}' }))).toEqual({
      status: 200,
      body: { outcome: 'ignored' },
    });
    expect(await log.readAfter('7374', undefined, 10)).toEqual([]);
  });

  it('acknowledges an UnsubscribeConfirmation', async () => {
    const message = signed({
      Type: 'UnsubscribeConfirmation',
      SubscribeURL: 'http://127.0.0.1:4000/__sns/confirm?Token=t',
      Token: 't',
    });
    expect(await receiver.receive('7374', message)).toEqual({
      status: 200,
      body: { outcome: 'unsubscribed' },
    });
    expect(fetched).toEqual(['getSigningCertificate']);
  });

  it('confirms a pending subscription only through a trusted link, and keeps it pending when SNS refuses', async () => {
    await state.saveSubscription('7374', { reference: 'SUB1', endpoint: 'e', state: 'pending', since: 0 });
    const confirmation = (url: string) =>
      signed({ Type: 'SubscriptionConfirmation', SubscribeURL: url, Token: 't', MessageId: url });
    expect(
      await receiver.receive(
        '7374',
        confirmation('https://evil.example/?Action=ConfirmSubscription&Token=t'),
      ),
    ).toEqual({ status: 403, body: { outcome: 'refused' } });
    confirmStatus = 404;
    expect(
      await receiver.receive('7374', confirmation('http://127.0.0.1:4000/__sns/confirm?Token=t')),
    ).toEqual({ status: 502, body: { outcome: 'confirmation-failed' } });
    expect((await state.subscription('7374'))?.state).toBe('pending');
    confirmStatus = 200;
    expect(
      await receiver.receive('7374', confirmation('http://127.0.0.1:4000/__sns/confirm?Token=u')),
    ).toEqual({ status: 200, body: { outcome: 'confirmed' } });
    expect((await state.subscription('7374'))?.state).toBe('confirmed');
    expect(fetched.filter((f) => f === 'confirmSubscription')).toHaveLength(2);
  });
});
