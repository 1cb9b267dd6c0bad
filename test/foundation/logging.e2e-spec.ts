import { Logger } from 'nestjs-pino';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { LogCapture } from '../helpers/log-capture';
import { ProbesModule } from '../support/probes/probes.module';

describe('logging (e2e)', () => {
  let booted: BootedApp;
  const logs = new LogCapture();

  beforeAll(async () => {
    booted = await bootApp({ imports: [ProbesModule], logs, app: { logLevel: 'info' } });
  });
  afterAll(async () => {
    await booted.close();
  });

  it('writes one structured access line per request: method, route pattern, status, duration, ids', async () => {
    await booted.http
      .get('/v1/probes/p-1?secretFilter=alice@example.com')
      .set('x-request-id', 'log-access-1')
      .expect(200);
    await logs.waitFor((l) => l.requestId === 'log-access-1' && typeof l.responseTime === 'number');
    const lines = logs.accessLines('log-access-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual(
      expect.objectContaining({
        level: 30,
        requestId: 'log-access-1',
        req: { id: 'log-access-1', method: 'GET', route: '/v1/probes/:probeId' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
        msg: 'request completed',
      }),
    );
    // The query string can carry personal data: only the route pattern is logged.
    expect(logs.text()).not.toContain('alice@example.com');
  });

  it('carries no clientId for an anonymous call (authentication sets it on the raw request)', async () => {
    await booted.http.get('/status').set('x-request-id', 'log-anon').expect(200);
    await booted.http.get('/v1/probes').set('x-request-id', 'log-anon-2').expect(200);
    const line = await logs.waitFor(
      (l) => l.requestId === 'log-anon-2' && typeof l.responseTime === 'number',
    );
    expect(line).not.toHaveProperty('clientId');
    expect(Object.keys(line)).toEqual(expect.arrayContaining(['requestId', 'req', 'res', 'responseTime']));
  });

  it('logs 4xx at warn and 5xx at error, with the stack of a 500 in the log only', async () => {
    await booted.http.get('/v1/nothing').set('x-request-id', 'log-404').expect(404);
    const notFound = await logs.waitFor(
      (l) => l.requestId === 'log-404' && typeof l.responseTime === 'number',
    );
    expect(notFound.level).toBe(40);

    const res = await booted.http.get('/v1/probes/failures').set('x-request-id', 'log-500').expect(500);
    expect(res.text).not.toContain('/srv/secret/path.ts');
    const access = await logs.waitFor((l) => l.requestId === 'log-500' && typeof l.responseTime === 'number');
    expect(access.level).toBe(50);
    const cause = await logs.waitFor(
      (l) => l.msg === 'request failed with an internal error' && l.requestId === 'log-500',
    );
    expect(JSON.stringify(cause)).toContain('at ProbesController.fail');
  });

  it('redacts credentials, cookies and passwords wherever they appear', async () => {
    const secrets = [
      'Bearer eyJhbGciOiJSUzI1NiJ9.secret-token',
      'sub-key-0123456789',
      'tok-secret',
      'session=abc123',
      'correct-horse-battery',
    ];
    await booted.http
      .post('/v1/probes')
      .set('x-request-id', 'log-redact')
      .set('authorization', secrets[0])
      .set('ocp-apim-subscription-key', secrets[1])
      .set('token', secrets[2])
      .set('cookie', secrets[3])
      .send({ name: 'a', password: secrets[4] })
      .expect(201);
    // Access lines never carry headers or bodies; a line that does (as a debug line might) is redacted.
    booted.app.get(Logger).log(
      {
        req: {
          headers: {
            authorization: secrets[0],
            'ocp-apim-subscription-key': secrets[1],
            token: secrets[2],
            cookie: secrets[3],
          },
        },
        body: { password: secrets[4], nested: { password: secrets[4] } },
        password: secrets[4],
      },
      'probe',
    );
    await logs.waitFor((l) => l.requestId === 'log-redact' && typeof l.responseTime === 'number');
    await logs.waitFor((l) => l.context === 'probe');
    for (const secret of secrets) {
      expect(logs.text()).not.toContain(secret.split('=').pop());
    }
    expect(logs.text()).toContain('[redacted]');
  });
});
