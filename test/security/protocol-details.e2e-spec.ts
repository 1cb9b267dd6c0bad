import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { KEY, sandboxStats } from '../support';

const DEMO_KEY = KEY.demo['Ocp-Apim-Subscription-Key'];

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Sends bytes no client library would send, and parses the one answer. */
function raw(port: number, text: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('end', () => {
      const [head, ...rest] = answer.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      const text = rest.join('\r\n\r\n');
      const body = headers['transfer-encoding'] === 'chunked' ? unchunk(text) : text;
      resolve({
        status: Number(statusLine.split(' ')[1]),
        headers,
        body: body ? JSON.parse(body) : undefined,
      });
    });
  });
}

function unchunk(text: string): string {
  let out = '';
  let rest = text;
  for (;;) {
    const size = parseInt(rest.slice(0, rest.indexOf('\r\n')), 16);
    if (!size) {
      return out;
    }
    rest = rest.slice(rest.indexOf('\r\n') + 2);
    out += rest.slice(0, size);
    rest = rest.slice(size + 2);
  }
}

const error = (code: string, message: unknown = expect.any(String)) => ({
  error: { code, message, requestId: expect.any(String) },
});

/** The headers every other error carries (helmet), checked on the answers written before the hooks run. */
const SECURITY = {
  'content-security-policy': expect.stringContaining("frame-ancestors 'none'"),
  'strict-transport-security': expect.stringContaining('max-age='),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

describe('protocol details (issue 13, point 7)', () => {
  let booted: BootedApp;
  let port: number;

  beforeAll(async () => {
    booted = await bootApp();
    await booted.app.listen(0, '127.0.0.1');
    port = (booted.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => booted?.close());

  const get = (target: string, headers: string) =>
    raw(
      port,
      `GET ${target} HTTP/1.1\r\n${headers}Ocp-Apim-Subscription-Key: ${DEMO_KEY}\r\nConnection: close\r\n\r\n`,
    );

  describe('Host (RFC 9112 §3.2)', () => {
    it('refuses two Host headers with 400 in the error body', async () => {
      const answer = await get('/v1/me', 'Host: localhost\r\nHost: evil.example\r\n');
      expect(answer).toMatchObject({ status: 400, headers: SECURITY });
      expect(answer.body).toEqual(error('BAD_REQUEST', 'the request has more than one Host header'));
    });

    it('refuses an HTTP/1.1 request without Host with 400 in the error body', async () => {
      const answer = await get('/v1/me', '');
      expect(answer).toMatchObject({ status: 400, headers: SECURITY });
      expect(answer.body).toEqual(error('BAD_REQUEST', 'an HTTP/1.1 request must have a Host header'));
    });

    it('refuses a Host that is not a host', async () => {
      const answer = await get('/v1/me', 'Host: <script>\r\n');
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(error('BAD_REQUEST', 'the Host header is not a valid host'));
    });

    it('serves HTTP/1.0 without Host, and one Host with a port', async () => {
      expect((await raw(port, 'GET /status HTTP/1.0\r\n\r\n')).status).toBe(200);
      expect((await get('/v1/me', 'Host: api.example.org:8443\r\n')).status).toBe(200);
    });
  });

  describe('refusals written before any hook runs carry a code of their own and the security headers', () => {
    it('414 URI_TOO_LONG for a path segment over the parameter limit', async () => {
      const answer = await get(`/v1/works/${'A'.repeat(201)}`, 'Host: localhost\r\n');
      expect(answer).toMatchObject({ status: 414, headers: SECURITY });
      expect(answer.body).toEqual(error('URI_TOO_LONG'));
    });

    it.each([
      ['over 8 KiB, within the header limit', 9_000],
      ['over the header limit (the parser refuses it)', 20_000],
    ])('414 URI_TOO_LONG for a URL %s', async (_case, length) => {
      const answer = await get(`/v1/works?street=${'a'.repeat(length)}`, 'Host: localhost\r\n');
      expect(answer).toMatchObject({ status: 414, headers: SECURITY });
      expect(answer.body).toEqual(error('URI_TOO_LONG', 'the URL is longer than 8192 bytes'));
    });

    it('431 HEADERS_TOO_LARGE for headers over the limit', async () => {
      const answer = await get('/v1/me', `Host: localhost\r\nX-Padding: ${'a'.repeat(20_000)}\r\n`);
      expect(answer).toMatchObject({ status: 431, headers: SECURITY });
      expect(answer.body).toEqual(error('HEADERS_TOO_LARGE', 'the request headers are too large'));
    });

    it.each(['%C0%AE%C0%AE', 'ABC%ZZ'])(
      '400 MALFORMED_URL for an undecodable URL (%s)',
      async (reference) => {
        const answer = await get(`/v1/works/${reference}`, 'Host: localhost\r\n');
        expect(answer).toMatchObject({ status: 400, headers: SECURITY });
        expect(answer.body).toEqual(error('MALFORMED_URL'));
      },
    );

    it('400 for what is not HTTP, with the security headers too', async () => {
      const answer = await raw(port, 'GET /status HTTP/1.1\r\nHost: localhost\r\nX-Bad: a\rb\r\n\r\n');
      expect(answer).toMatchObject({ status: 400, headers: SECURITY });
      expect(answer.body).toEqual(error('BAD_REQUEST', 'the request is not valid HTTP'));
    });
  });

  describe('absolute-form request targets (RFC 9112 §3.2.2)', () => {
    it('serves GET http://host/v1/me as /v1/me', async () => {
      const answer = await get('http://localhost/v1/me', 'Host: localhost\r\n');
      const direct = await get('/v1/me', 'Host: localhost\r\n');
      expect(answer.status).toBe(200);
      // the same caller, as /v1/me describes it (its remaining rate limits aside)
      const withoutLimits = (body: unknown) => ({ ...(body as object), rateLimits: undefined });
      expect(withoutLimits(answer.body)).toEqual(withoutLimits(direct.body));
    });

    it('serves an unversioned absolute-form target like its path', async () => {
      expect((await get('https://api.example.org/status', 'Host: localhost\r\n')).status).toBe(200);
    });

    it('refuses a target that is neither a path nor an http(s) URL with a clear 400', async () => {
      const answer = await get('ftp://localhost/v1/me', 'Host: localhost\r\n');
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(
        error(
          'BAD_REQUEST',
          'the request target must be a path such as /v1/works, or an absolute http(s) URL',
        ),
      );
    });
  });

  describe('query values', () => {
    it('gives ?limit=1e1 the one message that is true', async () => {
      const res = await booted.http.get('/v1/works?limit=1e1').set(KEY.demo).expect(400);
      expect(res.body).toEqual({
        error: {
          code: 'BAD_REQUEST',
          message: 'limit must be an integer number',
          details: [{ field: 'limit', message: 'must be an integer number' }],
          requestId: expect.any(String),
        },
      });
    });

    it('still names the bound for a number out of range', async () => {
      const res = await booted.http.get('/v1/works?limit=101').set(KEY.demo).expect(400);
      expect(res.body.error.details).toEqual([{ field: 'limit', message: 'must not be greater than 100' }]);
    });

    it.each(['dateTo=2026-11-31', 'dateFrom=2026-02-29', 'dateTo=2026-04-31'])(
      'refuses an impossible date (%s) with 400',
      async (query) => {
        const res = await booted.http.get(`/v1/works?${query}`).set(KEY.demo).expect(400);
        expect(res.body.error.details).toEqual([
          { field: query.split('=')[0], message: 'must be a date as YYYY-MM-DD' },
        ]);
      },
    );

    it('refuses the same impossible date in a body with 400, not 422', async () => {
      const res = await booted.http
        .post('/v1/works')
        .set(KEY.promoter)
        .send({ proposedStartDate: '2026-11-31', proposedEndDate: '2026-12-02' })
        .expect(400);
      expect(res.body.error.details).toContainEqual({
        field: 'proposedStartDate',
        message: 'must be a date as YYYY-MM-DD',
      });
      expect(res.body.error.details).not.toContainEqual(
        expect.objectContaining({ field: 'proposedEndDate' }),
      );
    });

    it('takes a leap day in a leap year', async () => {
      await booted.http.get('/v1/works?dateFrom=2028-02-29').set(KEY.demo).expect(200);
    });
  });

  describe('bbox outside Great Britain', () => {
    const GB = '-8.8,49.8,1.9,60.9';

    it('treats a box larger than Great Britain as Great Britain: the same 422 for too many works', async () => {
      const world = await booted.http.get('/v1/works?bbox=-180,-90,180,90').set(KEY.demo).expect(422);
      const gb = await booted.http.get(`/v1/works?bbox=${GB}`).set(KEY.demo).expect(422);
      expect({ ...world.body.error, requestId: undefined }).toEqual({
        ...gb.body.error,
        requestId: undefined,
      });
    });

    it('clips a box reaching outside Great Britain and finds the same works as the part inside', async () => {
      const reaching = await booted.http
        .get('/v1/works?bbox=-20,53.79,-1.52,53.81&limit=100')
        .set(KEY.demo)
        .expect(200);
      const inside = await booted.http
        .get('/v1/works?bbox=-8.8,53.79,-1.52,53.81&limit=100')
        .set(KEY.demo)
        .expect(200);
      expect(reaching.body.results.length).toBeGreaterThan(0);
      expect(reaching.body.results).toEqual(inside.body.results);
    });

    it('answers an empty list for a box wholly outside Great Britain, without asking Street Manager', async () => {
      const geojsonCalls = async () => (await sandboxStats(booted)).requests.geojson;
      const before = await geojsonCalls();
      const res = await booted.http.get('/v1/works?bbox=2.2,48.8,2.5,48.9').set(KEY.demo).expect(200);
      expect(await geojsonCalls()).toBe(before);
      expect(res.body.results).toEqual([]);
      expect(res.body.metadata.resultset.count).toBe(0);
    });

    it('does the same for activities', async () => {
      const world = await booted.http
        .get('/v1/activities?bbox=-180,-90,180,90&limit=100')
        .set(KEY.demo)
        .expect(200);
      const gb = await booted.http.get(`/v1/activities?bbox=${GB}&limit=100`).set(KEY.demo).expect(200);
      expect(world.body.results.length).toBeGreaterThan(0);
      expect(world.body.results).toEqual(gb.body.results);
      const outside = await booted.http
        .get('/v1/activities?bbox=2.2,48.8,2.5,48.9')
        .set(KEY.demo)
        .expect(200);
      expect(outside.body.results).toEqual([]);
    });
  });
});
