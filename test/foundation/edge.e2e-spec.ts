import { type AddressInfo, connect } from 'node:net';
import { CORS_METHODS } from '../../src/app.setup';
import { RouteTable } from '../../src/common/route-table';
import { DEFAULT_SANDBOX_KEYS } from '../../src/config/auth.config';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { ProbesModule } from '../support/probes/probes.module';

describe('edge: versions, request ids, headers (e2e)', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ imports: [ProbesModule] });
  });
  afterAll(async () => {
    await booted.close();
  });

  describe('versioning', () => {
    it('serves /v1/... and the same resource without a version (latest)', async () => {
      const versioned = await booted.http.get('/v1/probes/p-1').expect(200);
      const unversioned = await booted.http.get('/probes/p-1').expect(200);
      expect(unversioned.body).toEqual(versioned.body);
    });

    it.each(['/v9/probes', '/v9/probes/p-1', '/v0/status', '/v2/docs'])(
      '404 with the error body for %s',
      async (path) => {
        const res = await booted.http.get(path).expect(404);
        expect(res.body).toEqual({
          error: {
            code: 'NOT_FOUND',
            message: 'no resource matches this path',
            requestId: res.headers['x-request-id'],
          },
        });
      },
    );

    it('keeps /status and /healthcheck outside the versions', async () => {
      await booted.http.get('/status').expect(200);
      await booted.http.get('/v1/status').expect(404);
    });

    it('ignores a trailing slash', async () => {
      await booted.http.get('/v1/probes/').expect(200);
    });
  });

  describe('request ids', () => {
    it('echoes a safe X-Request-Id on success and error alike', async () => {
      const ok = await booted.http.get('/status').set('x-request-id', 'client-123_abc.DEF').expect(200);
      expect(ok.headers['x-request-id']).toBe('client-123_abc.DEF');
      const missing = await booted.http.get('/v1/nothing-here').set('x-request-id', 'trace-42').expect(404);
      expect(missing.headers['x-request-id']).toBe('trace-42');
      expect(missing.body.error.requestId).toBe('trace-42');
    });

    it('generates one when none is given', async () => {
      const res = await booted.http.get('/status').expect(200);
      expect(res.headers['x-request-id']).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
    });

    it.each([
      ['too long', 'a'.repeat(65)],
      ['with spaces', 'a b'],
      ['with a slash', 'a/b'],
      ['with markup', '<script>'],
      ['with a colon', 'id:1'],
    ])('replaces an unsafe id (%s)', async (_name, id) => {
      const res = await booted.http.get('/status').set('x-request-id', id).expect(200);
      expect(res.headers['x-request-id']).not.toBe(id);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('never echoes CR/LF smuggled into the id, encoded or raw (response splitting)', async () => {
      const server = booted.app.getHttpServer();
      if (!server.listening) {
        await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      }
      const { port } = server.address() as AddressInfo;
      const raw = (id: string): Promise<string> =>
        new Promise((done, fail) => {
          const socket = connect(port, '127.0.0.1', () =>
            socket.end(`GET /status HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Request-Id: ${id}\r\n\r\n`),
          );
          let text = '';
          socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
          socket.on('end', () => done(text));
          socket.on('error', fail);
        });
      for (const id of ['abc%0d%0aSet-Cookie:%20x=1', 'abc\rSet-Cookie: x=1', 'abc\tdef']) {
        const response = await raw(id);
        expect(response).not.toMatch(/set-cookie/i);
        const echoed = /^x-request-id: (.*)$/im.exec(response)?.[1];
        if (echoed !== undefined) {
          expect(echoed.trim()).toMatch(/^[0-9a-f-]{36}$/);
        }
      }
      await new Promise<void>((done) => server.close(() => done()));
    });

    it('accepts an id of exactly 64 characters', async () => {
      const id = 'b'.repeat(64);
      const res = await booted.http.get('/status').set('x-request-id', id).expect(200);
      expect(res.headers['x-request-id']).toBe(id);
    });
  });

  describe('headers', () => {
    it('sends helmet headers and no X-Powered-By', async () => {
      const res = await booted.http.get('/v1/probes').expect(200);
      expect(res.headers).toEqual(
        expect.objectContaining({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringContaining('max-age='),
          'referrer-policy': 'no-referrer',
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-resource-policy': 'same-origin',
          'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
        }),
      );
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('sends no CORS headers when no origins are configured', async () => {
      const res = await booted.http.get('/v1/probes').set('origin', 'https://elsewhere.example').expect(200);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    });
  });
});

const HEADER = 'Ocp-Apim-Subscription-Key';
const SANDBOX_PROMOTER_KEY = DEFAULT_SANDBOX_KEYS.promoter;

describe('edge: CORS when origins are configured (e2e)', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({ imports: [ProbesModule], app: { corsOrigins: ['https://portal.example'] } });
  });
  afterAll(async () => {
    await booted.close();
  });

  it('allows a configured origin and exposes the request id', async () => {
    const res = await booted.http.get('/v1/probes').set('origin', 'https://portal.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBe('https://portal.example');
    expect(res.headers['access-control-expose-headers']).toContain('X-Request-Id');
  });

  it('does not allow another origin', async () => {
    const res = await booted.http.get('/v1/probes').set('origin', 'https://elsewhere.example').expect(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  const preflight = (path: string, method: string, headers: string) =>
    booted.http
      .options(path)
      .set('origin', 'https://portal.example')
      .set('access-control-request-method', method)
      .set('access-control-request-headers', headers)
      .expect(204);

  it('lets a browser send a PUT: the preflight allows every method the API has', async () => {
    const res = await preflight('/v1/permits/TSR1591199404915-01/assessment', 'PUT', 'content-type');
    expect(res.headers['access-control-allow-methods']).toBe('GET, HEAD, POST, PUT, DELETE');
    const routeMethods = booted.app
      .get(RouteTable)
      .methods()
      .filter((m) => m !== 'OPTIONS');
    expect(new Set(routeMethods)).toEqual(new Set(CORS_METHODS));
  });

  it('allows the request headers the API reads, listed, never an echo of what was asked', async () => {
    const res = await preflight('/v1/works', 'POST', 'x-evil, content-type');
    expect(res.headers['access-control-allow-headers']).toBe(
      'Authorization, Ocp-Apim-Subscription-Key, Content-Type, Accept, Idempotency-Key, If-None-Match, X-Request-Id',
    );
  });

  it('exposes the headers callers need and varies cacheable answers by Origin', async () => {
    const res = await booted.http
      .get('/v1/works?limit=1')
      .set(HEADER, SANDBOX_PROMOTER_KEY)
      .set('origin', 'https://portal.example')
      .expect(200);
    expect(res.headers['access-control-expose-headers']).toBe(
      'X-Request-Id, Location, Retry-After, ETag, Idempotent-Replayed, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset',
    );
    expect(res.headers.vary?.split(/,\s*/)).toEqual(expect.arrayContaining(['Accept', 'Origin']));
    // without an Origin too: a shared cache must not hand this answer to a browser of another origin
    const plain = await booted.http.get('/v1/works?limit=1').set(HEADER, SANDBOX_PROMOTER_KEY).expect(200);
    expect(plain.headers.vary?.split(/,\s*/)).toEqual(expect.arrayContaining(['Origin']));
  });
});
