import { createHmac } from 'node:crypto';
import { exportSPKI, generateKeyPair } from 'jose';
import { authConfig } from '../../src/config/auth.config';
import { throttlingConfig } from '../../src/config/throttling.config';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { LogCapture } from '../helpers/log-capture';
import {
  APP_ID,
  authSettings,
  azureAdSettings,
  b64url,
  LocalIssuer,
  TENANT,
  throttlingSettings,
} from '../support';
import { ProbeModule } from '../support/probes/probe.controller';

const INVALID_TOKEN = {
  error: { code: 'UNAUTHORIZED', message: 'the bearer token is not valid', requestId: expect.any(String) },
};
const INVALID_CHALLENGE = 'Bearer error="invalid_token", ApiKey header="Ocp-Apim-Subscription-Key"';
const now = () => Math.floor(Date.now() / 1000);

async function boot(issuer: LocalIssuer, cooldownMs: number, logs?: LogCapture): Promise<BootedApp> {
  return bootApp({
    imports: [ProbeModule],
    logs,
    overrides: [
      {
        provide: authConfig.KEY,
        useValue: authSettings({ azureAd: azureAdSettings(issuer.jwksUri, { jwksCooldownMs: cooldownMs }) }),
      },
      { provide: throttlingConfig.KEY, useValue: throttlingSettings() },
    ],
  });
}

describe('Azure AD bearer tokens', () => {
  const issuer = new LocalIssuer();
  const logs = new LogCapture();
  let booted: BootedApp;

  beforeAll(async () => {
    await issuer.start();
    booted = await boot(issuer, 60_000, logs);
  });
  afterAll(async () => {
    await booted?.close();
    await issuer.close();
  });

  const me = (token: string) => booted.http.get('/v1/me').set('Authorization', `Bearer ${token}`);

  async function refused(token: string): Promise<void> {
    const res = await me(token).expect(401);
    expect(res.headers['www-authenticate']).toBe(INVALID_CHALLENGE);
    expect(res.body).toEqual(INVALID_TOKEN);
  }

  it('accepts a valid client-credentials token and maps the app to its product and organisation', async () => {
    const res = await me(await issuer.token()).expect(200);
    expect(res.body).toEqual({
      clientId: APP_ID,
      credentialKind: 'azure-ad',
      name: 'Works register',
      product: 'internal',
      permissions: ['streetworks.read'],
      organisation: '4720',
      rateLimits: [expect.objectContaining({ name: 'per-second' })],
      links: [{ rel: 'self', href: '/v1/me', type: 'GET' }],
    });
  });

  it('takes the app id from appid (v1 tokens) when azp is absent, with the default product for unknown apps', async () => {
    const res = await me(
      await issuer.token({
        azp: undefined,
        appid: 'some-other-app',
        roles: ['streetworks.read', 'not.ours'],
      }),
    ).expect(200);
    expect(res.body).toMatchObject({
      clientId: 'some-other-app',
      name: 'some-other-app',
      product: 'internal',
      permissions: ['streetworks.read'],
    });
    expect(res.body.organisation).toBeUndefined();
  });

  it('passes the token subject to the resources as the user identifier', async () => {
    const token = await issuer.token({ roles: ['streetworks.promoter.write'] });
    const res = await booted.http
      .post('/v1/security-probes')
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'n' })
      .expect(201);
    expect(res.body).toEqual({
      name: 'n',
      userIdentifier: 'bbbbbbbb-0000-0000-0000-000000000002',
      organisation: '4720',
    });
  });

  it('refuses alg none', async () => {
    const header = b64url(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = b64url(
      JSON.stringify({
        iss: 'x',
        aud: 'y',
        tid: TENANT,
        azp: APP_ID,
        roles: ['streetworks.read'],
        exp: now() + 600,
      }),
    );
    await refused(`${header}.${payload}.`);
  });

  it('refuses HS256 signed with the public key (algorithm confusion)', async () => {
    const pem = await exportSPKI(issuer.key().publicKey);
    const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid: 'key-1' }));
    const valid = (await issuer.token()).split('.')[1];
    const signature = createHmac('sha256', pem).update(`${header}.${valid}`).digest('base64url');
    await refused(`${header}.${valid}.${signature}`);
  });

  it('refuses RS384 and PS256 even when signed by a key in the set', async () => {
    await refused(await issuer.token({}, { alg: 'RS384' }));
    await refused(await issuer.token({}, { alg: 'PS256' }));
  });

  it('refuses a wrong issuer, audience or tenant', async () => {
    await refused(
      await issuer.token({
        iss: 'https://login.microsoftonline.com/99999999-0000-0000-0000-000000000000/v2.0',
      }),
    );
    await refused(await issuer.token({ iss: `https://sts.windows.net/${TENANT}/` }));
    await refused(await issuer.token({ aud: 'api://someone-else' }));
    await refused(await issuer.token({ tid: '99999999-0000-0000-0000-000000000000' }));
    await refused(await issuer.token({ tid: undefined }));
  });

  it('refuses an expired token, and one not yet valid, beyond the clock skew', async () => {
    await refused(await issuer.token({ iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }));
    await refused(await issuer.token({ nbf: now() + 3600, exp: now() + 7200 }));
    await refused(await issuer.token({ exp: undefined }));
  });

  it('allows a small clock skew', async () => {
    await me(await issuer.token({ nbf: now() + 10 })).expect(200);
  });

  it('refuses a token without an app id', async () => {
    await refused(await issuer.token({ azp: undefined, appid: undefined }));
  });

  it('refuses a tampered payload', async () => {
    const [header, , signature] = (await issuer.token()).split('.');
    const forged = b64url(
      JSON.stringify({
        ...JSON.parse(Buffer.from((await issuer.token()).split('.')[1], 'base64url').toString()),
        roles: ['streetworks.read', 'streetworks.authority.write'],
      }),
    );
    await refused(`${header}.${forged}.${signature}`);
  });

  it('refuses a token signed by a key the tenant never published', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    await refused(await issuer.token({}, { kid: 'unknown', privateKey }));
    await refused(await issuer.token({}, { kid: 'key-1', privateKey }));
  });

  it('does not let a flood of unknown kids hammer the key endpoint', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    await me(await issuer.token()).expect(200); // the key set is loaded, whichever test ran before
    const before = issuer.fetches;
    const tokens = await Promise.all(
      Array.from({ length: 25 }, (_, i) => issuer.token({}, { kid: `made-up-${i}`, privateKey })),
    );
    for (const token of tokens) {
      await me(token).expect(401);
    }
    expect(issuer.fetches - before).toBe(0);
  });

  it('refuses garbage and other schemes in the Authorization header', async () => {
    await refused('not-a-jwt');
    const spaced = await booted.http.get('/v1/me').set('Authorization', 'Bearer a b').expect(401);
    expect(spaced.body.error.message).toBe('the Authorization header must carry a Bearer token');
    await booted.http.get('/v1/me').set('Authorization', 'Basic dXNlcjpwYXNz').expect(401);
  });

  it('answers 403 when the app role is missing', async () => {
    const token = await issuer.token({ roles: [] });
    await me(token).expect(200);
    const res = await booted.http
      .get('/v1/security-probes')
      .set('Authorization', `Bearer ${token}`)
      .expect(403);
    expect(res.body).toEqual({
      error: {
        code: 'FORBIDDEN',
        message: 'you are not allowed to do this: it needs the streetworks.read permission',
        requestId: expect.any(String),
      },
    });
  });

  it('ignores delegated scopes unless delegated tokens are allowed', async () => {
    const token = await issuer.token({ roles: undefined, scp: 'streetworks.read' });
    await booted.http.get('/v1/security-probes').set('Authorization', `Bearer ${token}`).expect(403);
  });

  it('names the no-credentials challenge with both schemes', async () => {
    const res = await booted.http.get('/v1/me').expect(401);
    expect(res.headers['www-authenticate']).toBe('Bearer, ApiKey header="Ocp-Apim-Subscription-Key"');
    expect(res.body.error.message).toBe(
      'credentials are missing: send a subscription key in the Ocp-Apim-Subscription-Key header or an Azure AD bearer token',
    );
  });

  it('logs why a token was refused, never the token', async () => {
    const token = await issuer.token({ aud: 'api://someone-else' });
    await me(token).set('X-Request-Id', 'aud-check').expect(401);
    await logs.waitFor((l) => l.requestId === 'aud-check' && typeof l.responseTime === 'number');
    expect(
      logs.lines.some(
        (l) =>
          l.msg === 'bearer token refused' &&
          l.reason === 'ERR_JWT_CLAIM_VALIDATION_FAILED' &&
          l.claim === 'aud',
      ),
    ).toBe(true);
    expect(logs.text()).not.toContain(token);
  });
});

describe('Azure AD key rotation', () => {
  const issuer = new LocalIssuer();
  let booted: BootedApp;

  beforeAll(async () => {
    await issuer.start();
    booted = await boot(issuer, 500);
  });
  afterAll(async () => {
    await booted?.close();
    await issuer.close();
  });

  it('accepts tokens signed with a key that appears at the JWKS after start, without a restart', async () => {
    await booted.http
      .get('/v1/me')
      .set('Authorization', `Bearer ${await issuer.token()}`)
      .expect(200);
    await issuer.addKey('key-2');
    // Past the refetch cooldown (500 ms here), an unknown kid makes the gateway look at the key set again.
    booted.clock.advance(600);
    const fetches = issuer.fetches;
    await booted.http
      .get('/v1/me')
      .set('Authorization', `Bearer ${await issuer.token({}, { kid: 'key-2' })}`)
      .expect(200);
    expect(issuer.fetches).toBe(fetches + 1);
    await booted.http
      .get('/v1/me')
      .set('Authorization', `Bearer ${await issuer.token({}, { kid: 'key-1' })}`)
      .expect(200);
  });
});

describe('Azure AD with the key endpoint down', () => {
  const issuer = new LocalIssuer();
  let booted: BootedApp;

  beforeAll(async () => {
    await issuer.start();
    const token = await issuer.token();
    await issuer.close();
    booted = await boot(issuer, 0);
    tokenWhileDown = token;
  });
  let tokenWhileDown = '';
  afterAll(() => booted?.close());

  it('answers 503 with Retry-After, not 401: the token may well be good', async () => {
    const res = await booted.http.get('/v1/me').set('Authorization', `Bearer ${tokenWhileDown}`).expect(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.body).toEqual({
      error: {
        code: 'SERVICE_UNAVAILABLE',
        message: 'credentials cannot be checked at the moment',
        requestId: expect.any(String),
      },
    });
  });
});
