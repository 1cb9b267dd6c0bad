import {
  signSnsMessage,
  snsSigningKey,
  type SnsSigningKey,
  type UnsignedSnsMessage,
} from '../../sandbox/notifications/sns-signer';
import type { UpstreamHttp } from '../../upstreams/http/upstream-http.service';
import type { SnsEnvelope } from './sns-envelope';
import { AWS_CERT_URL, AWS_SUBSCRIBE_URL, SnsRefusal, SnsVerifier } from './sns-verifier';

const TOPIC = 'arn:aws:sns:eu-west-2:000000000000:street-manager-7374';
const SANDBOX_CERT =
  'http://127.0.0.1:4000/__sns/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem';
const AWS_CERT =
  'https://sns.eu-west-2.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem';

describe('SnsVerifier', () => {
  let key: SnsSigningKey;
  let fetched: string[];
  let clock: number;
  let served: () => { status: number; body: string };
  const http = {
    request: (call: { origin: string; path: string }) => {
      fetched.push(call.origin + call.path);
      const { status, body } = served();
      return Promise.resolve({ status, headers: {}, body: Buffer.from(body) });
    },
  } as unknown as UpstreamHttp;
  const message = (overrides: Partial<UnsignedSnsMessage> = {}): UnsignedSnsMessage => ({
    Type: 'Notification',
    MessageId: 'b7b9c8f0-0000-4000-8000-000000000001',
    TopicArn: TOPIC,
    Message: '{"event_reference":1}',
    Timestamp: new Date(clock).toISOString(),
    ...overrides,
  });
  const verifier = (pattern?: RegExp) =>
    new SnsVerifier(http, { extraUrlPattern: pattern, maxMessageAgeMs: 3_600_000 }, () => clock);
  const sandboxPattern = /^http:\/\/127\.0\.0\.1:4000\/__sns\/SimpleNotificationService-[a-f0-9]{32}\.pem$/;

  beforeAll(async () => {
    key = await snsSigningKey();
  });
  beforeEach(() => {
    fetched = [];
    clock = Date.parse('2026-12-05T10:00:00Z');
    served = () => ({ status: 200, body: key.certificate });
  });

  it.each(['1', '2'] as const)(
    'accepts signature version %s from a trusted certificate, fetched once',
    async (version) => {
      const v = verifier(sandboxPattern);
      await expect(
        v.verify(signSnsMessage(message(), key, SANDBOX_CERT, version) as SnsEnvelope, TOPIC),
      ).resolves.toBeUndefined();
      await expect(
        v.verify(
          signSnsMessage(message({ MessageId: 'other' }), key, SANDBOX_CERT, version) as SnsEnvelope,
          TOPIC,
        ),
      ).resolves.toBeUndefined();
      expect(fetched).toEqual([SANDBOX_CERT]);
    },
  );

  it('accepts a subscription confirmation, whose SubscribeURL and Token are signed too', async () => {
    const confirmation = message({
      Type: 'SubscriptionConfirmation',
      SubscribeURL: 'http://127.0.0.1:4000/__sns/confirm?Token=t',
      Token: 't',
      Message: 'confirm',
    });
    const signed = signSnsMessage(confirmation, key, SANDBOX_CERT, '2') as SnsEnvelope;
    await expect(verifier(sandboxPattern).verify(signed, TOPIC)).resolves.toBeUndefined();
    await expect(
      verifier(sandboxPattern).verify({ ...signed, SubscribeURL: 'http://127.0.0.1:4000/evil' }, TOPIC),
    ).rejects.toEqual(new SnsRefusal('bad-signature'));
  });

  /** `null`: no topic is pinned for the credential */
  const refusal = async (v: SnsVerifier, m: SnsEnvelope, topic: string | null = TOPIC) => {
    try {
      await v.verify(m, topic ?? undefined);
      return 'accepted';
    } catch (e) {
      return e instanceof SnsRefusal ? e.reason : String(e);
    }
  };

  it('refuses forged, unsigned, wrong-topic, stale and future messages', async () => {
    const v = verifier(sandboxPattern);
    const signed = signSnsMessage(message(), key, SANDBOX_CERT, '1') as SnsEnvelope;
    const { Signature: _s, ...unsigned } = signed;
    expect(
      await Promise.all([
        refusal(v, { ...signed, Message: '{"event_reference":2}' }),
        refusal(v, unsigned as SnsEnvelope),
        refusal(v, { ...signed, SignatureVersion: '3' }),
        refusal(v, signed, 'arn:aws:sns:eu-west-2:000000000000:someone-else'),
        refusal(v, signed, null),
        refusal(
          v,
          signSnsMessage(
            message({ TopicArn: 'arn:aws:sns:eu-west-2:000000000000:x' }),
            key,
            SANDBOX_CERT,
            '1',
          ) as SnsEnvelope,
          'arn:aws:sns:eu-west-2:000000000000:x'.replace('x', 'y'),
        ),
        refusal(
          v,
          signSnsMessage(
            message({ Timestamp: new Date(clock - 3_600_001).toISOString() }),
            key,
            SANDBOX_CERT,
            '2',
          ) as SnsEnvelope,
        ),
        refusal(
          v,
          signSnsMessage(
            message({ Timestamp: new Date(clock + 5 * 60_000 + 1).toISOString() }),
            key,
            SANDBOX_CERT,
            '2',
          ) as SnsEnvelope,
        ),
      ]),
    ).toEqual([
      'bad-signature',
      'unsigned',
      'unsigned',
      'wrong-topic',
      'wrong-topic',
      'wrong-topic',
      'stale',
      'stale',
    ]);
  });

  it('trusts only sns.<region>.amazonaws.com over HTTPS unless the sandbox pattern is configured', async () => {
    const v = verifier();
    const at = (url: string) => refusal(v, signSnsMessage(message(), key, url, '1'));
    expect(
      await Promise.all([
        at(SANDBOX_CERT),
        at('https://evil.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem'),
        at(
          'https://sns.eu-west-2.amazonaws.com.evil.io/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem',
        ),
        at(
          'https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem',
        ),
        at(
          'http://sns.eu-west-2.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem',
        ),
        at(
          'https://s3.eu-west-2.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem',
        ),
      ]),
    ).toEqual(Array(6).fill('untrusted-certificate'));
    expect(fetched).toEqual([]);
    // the AWS URL itself is trusted and fetched (here it serves our key, so the signature verifies)
    expect(await at(AWS_CERT)).toBe('accepted');
    expect(fetched).toEqual([AWS_CERT]);
  });

  it('does not ask again for a minute after a URL gave no certificate', async () => {
    served = () => ({ status: 404, body: 'no' });
    const v = verifier(sandboxPattern);
    const signed = signSnsMessage(message(), key, SANDBOX_CERT, '1') as SnsEnvelope;
    expect(await refusal(v, signed)).toBe('certificate-unavailable');
    served = () => ({ status: 200, body: 'not a certificate' });
    clock += 30_000;
    expect(await refusal(v, { ...signed, Timestamp: new Date(clock).toISOString() })).toBe(
      'certificate-unavailable',
    );
    expect(fetched).toHaveLength(1);
    clock += 31_000;
    expect(await refusal(v, signSnsMessage(message(), key, SANDBOX_CERT, '1') as SnsEnvelope)).toBe(
      'certificate-unavailable',
    );
    expect(fetched).toHaveLength(2);
  });

  it('has strict URL patterns', () => {
    expect(AWS_CERT_URL.test(AWS_CERT)).toBe(true);
    expect(
      AWS_SUBSCRIBE_URL.test(
        'https://sns.eu-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=a&Token=b',
      ),
    ).toBe(true);
    expect(
      AWS_SUBSCRIBE_URL.test('https://sns.eu-west-2.amazonaws.com.evil/?Action=ConfirmSubscription&Token=b'),
    ).toBe(false);
    expect(AWS_SUBSCRIBE_URL.test('https://sns.eu-west-2.amazonaws.com/?Action=Publish&Token=b')).toBe(false);
  });
});
