import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SubscriptionStore } from '../../src/auth/subscriptions/subscription-store';
import { createSubscription, rotateKey, setEnabled } from '../../src/auth/subscriptions-cli';
import { authConfig } from '../../src/config/auth.config';
import { throttlingConfig } from '../../src/config/throttling.config';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { LogCapture } from '../helpers/log-capture';
import { ProbeModule } from '../support/probes/probe.controller';
import { authSettings, SANDBOX_KEYS, throttlingSettings } from '../support';

const KEY_ONLY = 'ApiKey header="Ocp-Apim-Subscription-Key"';
const HEADER = 'Ocp-Apim-Subscription-Key';

const unauthorized = (message: string) => ({
  error: { code: 'UNAUTHORIZED', message, requestId: expect.any(String) },
});
const INVALID_KEY = unauthorized('the subscription key is not valid');

describe('subscription keys', () => {
  let dir: string;
  let file: string;
  let booted: BootedApp;
  let acme: { primaryKey: string; secondaryKey: string };
  let bound: { primaryKey: string; secondaryKey: string };
  let dormant: { primaryKey: string; secondaryKey: string };
  const logs = new LogCapture();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'subscriptions-'));
    file = join(dir, 'subscriptions.yaml');
    acme = createSubscription(file, {
      id: 'acme',
      name: 'Acme Utilities',
      product: 'default',
      roles: ['streetworks.read'],
    });
    bound = createSubscription(file, {
      id: 'ngn',
      name: 'Northern Gas Networks',
      product: 'default',
      roles: ['streetworks.read', 'streetworks.promoter.write'],
      organisation: '7374',
    });
    dormant = createSubscription(file, {
      id: 'dormant',
      name: 'Dormant',
      product: 'default',
      roles: ['streetworks.read'],
    });
    setEnabled(file, 'dormant', false);
    booted = await bootApp({
      imports: [ProbeModule],
      logs,
      overrides: [
        {
          provide: authConfig.KEY,
          useValue: authSettings({ subscriptionsFile: file, sandbox: SANDBOX_KEYS }),
        },
        { provide: throttlingConfig.KEY, useValue: throttlingSettings() },
      ],
    });
  });

  afterAll(async () => {
    await booted?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the primary key in and tells the caller how the gateway sees it', async () => {
    const res = await booted.http.get('/v1/me').set(HEADER, acme.primaryKey).expect(200);
    expect(res.body).toEqual({
      clientId: 'acme',
      credentialKind: 'subscription-key',
      name: 'Acme Utilities',
      product: 'default',
      permissions: ['streetworks.read'],
      rateLimits: [
        {
          name: 'per-second',
          limit: 10_000,
          windowSeconds: 1,
          remaining: expect.any(Number),
          resetsAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        },
      ],
      links: [{ rel: 'self', href: '/v1/me', type: 'GET' }],
    });
  });

  it('lets the secondary key in too', async () => {
    const res = await booted.http.get('/v1/me').set(HEADER, acme.secondaryKey).expect(200);
    expect(res.body.clientId).toBe('acme');
  });

  it('reports the organisation a bound subscription acts for, and passes it to the resources', async () => {
    const me = await booted.http.get('/v1/me').set(HEADER, bound.primaryKey).expect(200);
    expect(me.body).toMatchObject({
      clientId: 'ngn',
      organisation: '7374',
      permissions: ['streetworks.read', 'streetworks.promoter.write'],
    });
    const created = await booted.http
      .post('/v1/security-probes')
      .set(HEADER, bound.primaryKey)
      .send({ name: 'x' })
      .expect(201);
    expect(created.body).toEqual({ name: 'x', userIdentifier: 'ngn', organisation: '7374' });
  });

  it('refuses a wrong key with 401, a challenge and nothing more', async () => {
    const res = await booted.http.get('/v1/me').set(HEADER, 'not-a-key').expect(401);
    expect(res.headers['www-authenticate']).toBe(KEY_ONLY);
    expect(res.body).toEqual(INVALID_KEY);
  });

  it('refuses a disabled subscription exactly as a wrong key', async () => {
    const res = await booted.http.get('/v1/me').set(HEADER, dormant.primaryKey).expect(401);
    expect(res.body).toEqual(INVALID_KEY);
  });

  it('answers 401 with WWW-Authenticate when no credentials are sent', async () => {
    const res = await booted.http.get('/v1/me').expect(401);
    expect(res.headers['www-authenticate']).toBe(KEY_ONLY);
    expect(res.body).toEqual(
      unauthorized(
        'credentials are missing: send a subscription key in the Ocp-Apim-Subscription-Key header',
      ),
    );
  });

  it.each(['subscription-key', 'Subscription-Key', 'ocp-apim-subscription-key', 'api_key'])(
    'refuses a key in the query string (%s), even a valid one, and says where it goes',
    async (name) => {
      const res = await booted.http.get(`/v1/me?${name}=${acme.primaryKey}`).expect(401);
      expect(res.body).toEqual(
        unauthorized(
          'subscription keys are accepted only in the Ocp-Apim-Subscription-Key header, never in the query string; treat a key sent in a URL as leaked and rotate it',
        ),
      );
    },
  );

  it('refuses a bearer token when Azure AD is not configured, and a key sent with a token', async () => {
    const bearer = await booted.http.get('/v1/me').set('Authorization', 'Bearer abc.def.ghi').expect(401);
    expect(bearer.body).toEqual(
      unauthorized(
        'this gateway does not accept bearer tokens; send your subscription key in the Ocp-Apim-Subscription-Key header',
      ),
    );
    const both = await booted.http
      .get('/v1/me')
      .set(HEADER, acme.primaryKey)
      .set('Authorization', 'Bearer abc.def.ghi')
      .expect(401);
    expect(both.body).toEqual(unauthorized('send either a bearer token or a subscription key, not both'));
  });

  it('answers 403 when the permission is missing, naming only the permission', async () => {
    const res = await booted.http
      .post('/v1/security-probes')
      .set(HEADER, acme.primaryKey)
      .send({ name: 'x' })
      .expect(403);
    expect(res.body).toEqual({
      error: {
        code: 'FORBIDDEN',
        message: 'you are not allowed to do this: it needs the streetworks.promoter.write permission',
        requestId: expect.any(String),
      },
    });
  });

  it('keeps the sandbox demo subscriptions beside the file in sandbox mode', async () => {
    const demo = await booted.http.get('/v1/me').set(HEADER, SANDBOX_KEYS.demoKey).expect(200);
    expect(demo.body).toMatchObject({
      clientId: 'sandbox-demo',
      permissions: ['streetworks.read', 'streetworks.promoter.write', 'streetworks.authority.write'],
    });
    expect(demo.body.organisation).toBeUndefined();
    const authority = await booted.http.get('/v1/me').set(HEADER, SANDBOX_KEYS.authorityKey).expect(200);
    expect(authority.body).toMatchObject({
      clientId: 'sandbox-authority',
      organisation: '4720',
      permissions: ['streetworks.read', 'streetworks.authority.write'],
    });
    await booted.http
      .post('/v1/security-probes/assessments')
      .set(HEADER, SANDBOX_KEYS.promoterKey)
      .expect(403);
    await booted.http
      .post('/v1/security-probes/assessments')
      .set(HEADER, SANDBOX_KEYS.authorityKey)
      .expect(201);
  });

  it('puts the client id in the access log and never the key', async () => {
    const res = await booted.http
      .get('/v1/me')
      .set(HEADER, acme.primaryKey)
      .set('X-Request-Id', 'log-check-1')
      .expect(200);
    expect(res.headers['x-request-id']).toBe('log-check-1');
    const line = await logs.waitFor(
      (l) => l.requestId === 'log-check-1' && typeof l.responseTime === 'number',
    );
    expect(line.clientId).toBe('acme');
    expect(logs.text()).not.toContain(acme.primaryKey);
  });

  it('takes a rotated key without a restart: the new key works, the old one stops, the other slot carries on', async () => {
    // a subscription of its own: the other tests keep using acme's keys, whatever the order
    const rotating = createSubscription(file, {
      id: 'rotating',
      name: 'Rotating',
      product: 'default',
      roles: ['streetworks.read'],
    });
    const fresh = rotateKey(file, 'rotating', 'primary');
    booted.app.get(SubscriptionStore).reload();
    await booted.http.get('/v1/me').set(HEADER, fresh).expect(200);
    await booted.http.get('/v1/me').set(HEADER, rotating.primaryKey).expect(401);
    await booted.http.get('/v1/me').set(HEADER, rotating.secondaryKey).expect(200);
  });

  it('disables and re-enables a subscription without a restart', async () => {
    setEnabled(file, 'ngn', false);
    booted.app.get(SubscriptionStore).reload();
    await booted.http.get('/v1/me').set(HEADER, bound.secondaryKey).expect(401);
    setEnabled(file, 'ngn', true);
    booted.app.get(SubscriptionStore).reload();
    await booted.http.get('/v1/me').set(HEADER, bound.secondaryKey).expect(200);
  });

  it('leaves public routes open', async () => {
    const res = await booted.http.get('/v1/security-probes/public').expect(200);
    expect(res.body).toEqual({ caller: null });
    await booted.http.get('/status').expect(200);
  });
});

describe('subscription keys outside sandbox mode', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ overrides: [{ provide: authConfig.KEY, useValue: authSettings() }] });
  });
  afterAll(() => booted?.close());

  it('has no demo subscriptions', async () => {
    await booted.http.get('/v1/me').set(HEADER, SANDBOX_KEYS.demoKey).expect(401);
    await booted.http.get('/v1/me').set(HEADER, 'sandbox-demo-key').expect(401);
  });
});
