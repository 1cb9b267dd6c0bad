import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DEFAULT_SANDBOX_KEYS, authConfig } from '../../src/config/auth.config';
import { throttlingConfig } from '../../src/config/throttling.config';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { ProbeModule } from '../support/probes/probe.controller';
import { authSettings, SANDBOX_KEYS, throttlingSettings } from '../support';

const HEADER = 'Ocp-Apim-Subscription-Key';
const KEY = SANDBOX_KEYS.demoKey;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const badRequest = (message: string) => ({
  error: { code: 'BAD_REQUEST', message, requestId: expect.any(String) },
});

function nested(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 1; i < depth; i++) {
    value = { next: value };
  }
  return value;
}

/** Sends bytes no well-behaved client library would, and returns the raw answer. */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

describe('hardening', () => {
  let booted: BootedApp;
  let port: number;

  beforeAll(async () => {
    booted = await bootApp({
      imports: [ProbeModule],
      overrides: [
        { provide: authConfig.KEY, useValue: authSettings({ sandbox: SANDBOX_KEYS, bodyMaxDepth: 32 }) },
        { provide: throttlingConfig.KEY, useValue: throttlingSettings() },
      ],
    });
    await booted.app.listen(0, '127.0.0.1');
    port = (booted.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => booted?.close());

  const post = (body: string) =>
    booted.http
      .post('/v1/security-probes')
      .set(HEADER, KEY)
      .set('content-type', 'application/json')
      .send(body);

  describe('request ids', () => {
    it('never lets CR or LF in a request id split the response', async () => {
      // CRLF ends the header: "Injected" arrives as a header of its own and must not come back.
      const split = await rawRequest(
        port,
        'GET /status HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: abc\r\nInjected: yes\r\nConnection: close\r\n\r\n',
      );
      expect(split).toMatch(/^HTTP\/1\.1 200 /);
      expect(split.toLowerCase()).not.toContain('injected');
      // A bare CR or LF inside the value is refused by the HTTP parser, in our error body.
      for (const id of ['abc\nInjected: yes', 'abc\rInjected: yes']) {
        const answer = await rawRequest(
          port,
          `GET /status HTTP/1.1\r\nHost: localhost\r\nX-Request-Id: ${id}\r\nConnection: close\r\n\r\n`,
        );
        expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
        expect(answer.toLowerCase()).not.toContain('injected');
        const body = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
        expect(body).toEqual({
          error: {
            code: 'BAD_REQUEST',
            message: 'the request is not valid HTTP',
            requestId: expect.stringMatching(UUID),
          },
        });
      }
    });

    it.each(['%0d%0aInjected:%20yes', '<script>alert(1)</script>', 'a'.repeat(65), 'ünïcödé'])(
      'replaces an unsafe request id (%s) with its own',
      async (id) => {
        const res = await booted.http
          .get('/status')
          .set('X-Request-Id', Buffer.from(id, 'utf8').toString('latin1'));
        expect(res.status).toBe(200);
        expect(res.headers['x-request-id']).toMatch(UUID);
      },
    );

    it('does not reflect a refused credential anywhere in the answer', async () => {
      const key = 'attacker-chosen-<b>key</b>';
      const res = await booted.http.get('/v1/me').set(HEADER, key).expect(401);
      expect(JSON.stringify(res.headers) + res.text).not.toContain('attacker-chosen');
    });
  });

  describe('bodies', () => {
    it('accepts a well-formed body', async () => {
      await post(JSON.stringify({ name: 'ok', nested: nested(30) })).expect(201);
    });

    it('refuses a body nested deeper than the limit', async () => {
      const res = await post(JSON.stringify({ name: 'x', nested: nested(40) })).expect(400);
      expect(res.body).toEqual(badRequest('the request body is nested more than 32 levels deep'));
    });

    it('refuses a pathologically deep body cheaply and without crashing', async () => {
      const depth = 200_000;
      const res = await post(`{"name":"x","nested":${'['.repeat(depth)}${']'.repeat(depth)}}`).expect(400);
      expect(res.body).toEqual(badRequest('the request body is nested more than 32 levels deep'));
    });

    it.each([
      ['__proto__ at the top', '{"name":"x","__proto__":{"polluted":true}}'],
      ['constructor.prototype', '{"name":"x","nested":{"constructor":{"prototype":{"polluted":true}}}}'],
    ])('refuses prototype-pollution keys: %s', async (_case, body) => {
      const res = await post(body).expect(400);
      expect(['MALFORMED_JSON', 'BAD_REQUEST']).toContain(res.body.error.code);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it.each([
      ['constructor', '{"name":"x","nested":[{"constructor":1}]}'],
      ['prototype', '{"name":"x","nested":{"a":{"prototype":{}}}}'],
    ])('refuses a bare %s key wherever it is', async (key, body) => {
      const res = await post(body).expect(400);
      expect(res.body).toEqual(badRequest(`the request body may not contain a property named ${key}`));
    });

    it('refuses unknown properties', async () => {
      const res = await post(JSON.stringify({ name: 'x', isAdmin: true })).expect(400);
      expect(res.body.error).toMatchObject({
        code: 'BAD_REQUEST',
        details: [expect.objectContaining({ field: 'isAdmin' })],
      });
    });

    it('refuses over-long strings', async () => {
      const res = await post(JSON.stringify({ name: 'x'.repeat(51) })).expect(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'name' })]);
    });

    it('refuses a body over the size limit with 413', async () => {
      const res = await post(JSON.stringify({ name: 'x', nested: 'y'.repeat(1024 * 1024 + 10) })).expect(413);
      expect(res.body).toEqual({
        error: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String), requestId: expect.any(String) },
      });
    });
  });

  describe('query parameters', () => {
    it.each([
      'limit=1000000',
      'limit=0',
      'limit=-1',
      'limit=1e3',
      'offset=99999999999999999999',
      'offset=-5',
      'limit=abc',
      'page=1000000000',
    ])('refuses an out-of-range or odd %s with 400', async (query) => {
      const res = await booted.http.get(`/v1/security-probes?${query}`).set(HEADER, KEY).expect(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      expect(res.body.error.details[0].field).toBe(query.split('=')[0]);
    });

    it('accepts values within bounds', async () => {
      const res = await booted.http
        .get('/v1/security-probes?limit=100&offset=100000')
        .set(HEADER, KEY)
        .expect(200);
      expect(res.body.query).toMatchObject({ limit: 100, offset: 100000 });
    });
  });

  describe('references in paths', () => {
    it.each([
      '/v1/security-probes/../../status',
      '/v1/me/../status',
      '/v1/security-probes/..%2F..%2Fstatus/extra',
    ])('does not resolve dot segments (%s) to another route', async (path) => {
      const res = await booted.http.get(path).set(HEADER, KEY);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    });

    it('hands an encoded traversal to the resource as an opaque reference, never as a path', async () => {
      const res = await booted.http
        .get('/v1/security-probes/..%2F..%2Fetc%2Fpasswd')
        .set(HEADER, KEY)
        .expect(200);
      expect(res.body).toEqual({ reference: '../../etc/passwd' });
    });

    it.each([
      ['right-to-left override and emoji', '%E2%80%AEfdp.exe%F0%9F%92%A5', '\u202efdp.exe\u{1f4a5}'],
      ['a NUL byte', 'ABC%00DEF', 'ABC\u0000DEF'],
    ])('hands %s to the resource as an opaque string', async (_case, encoded, decoded) => {
      const res = await booted.http.get(`/v1/security-probes/${encoded}`).set(HEADER, KEY).expect(200);
      expect(res.body).toEqual({ reference: decoded });
    });

    it.each([
      ['an overlong UTF-8 dot', '%C0%AE%C0%AE', 400, 'MALFORMED_URL'],
      ['a lone surrogate', '%ED%A0%80', 400, 'MALFORMED_URL'],
      ['broken percent-encoding', 'ABC%ZZ', 400, 'MALFORMED_URL'],
      ['a reference over the parameter length limit', 'A'.repeat(201), 414, 'URI_TOO_LONG'],
    ])('refuses %s in our error body, without repeating the URL', async (_case, reference, status, code) => {
      const res = await booted.http.get(`/v1/security-probes/${reference}`).set(HEADER, KEY).expect(status);
      expect(res.body).toEqual({
        error: { code, message: expect.any(String), requestId: res.headers['x-request-id'] },
      });
      expect(res.text).not.toContain(reference);
    });
  });

  describe('CORS', () => {
    it('grants no cross-origin access unless CORS_ORIGINS is configured', async () => {
      const simple = await booted.http
        .get('/v1/me')
        .set(HEADER, KEY)
        .set('Origin', 'https://evil.example')
        .expect(200);
      expect(simple.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await booted.http
        .options('/v1/me')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'GET')
        .set('Access-Control-Request-Headers', HEADER);
      expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
      expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    });
  });

  it('documents the sandbox demo key the README names', () => {
    expect(DEFAULT_SANDBOX_KEYS.demo).toBe('sandbox-demo-key');
  });
});
