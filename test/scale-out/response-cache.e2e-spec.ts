import { cacheConfig, type CacheConfig } from '../../src/config/cache.config';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { clearFaults, KEY, sandboxStats, setFault } from '../support';

const stats = sandboxStats;

const VARY = 'Accept, Authorization, Ocp-Apim-Subscription-Key, Origin';

describe('response cache, ETag and Cache-Control (memory store)', () => {
  let booted: BootedApp;
  let ref: string;

  beforeAll(async () => {
    booted = await bootApp({
      overrides: [
        {
          provide: cacheConfig.KEY,
          useValue: {
            ttls: { works: 30 },
            maxEntries: 1000,
            maxBodyBytes: 1024 * 1024,
          } satisfies CacheConfig,
        },
      ],
    });
    const list = await booted.http.get('/v1/works?limit=1').set(KEY.promoter).expect(200);
    ref = list.body.results[0].workReferenceNumber as string;
  });
  afterEach(() => clearFaults(booted));
  afterAll(() => booted.close());

  it('serves a second identical GET from the cache: same bytes, same ETag, no upstream call', async () => {
    const first = await booted.http.get(`/v1/works/${ref}?fields=status`).set(KEY.promoter).expect(200);
    expect(first.headers).toMatchObject({
      etag: expect.stringMatching(/^"[A-Za-z0-9_-]{32}"$/),
      'cache-control': 'private, max-age=30',
      vary: VARY,
      'content-type': 'application/json; charset=utf-8',
    });
    const before = await stats(booted);
    const second = await booted.http.get(`/v1/works/${ref}?fields=status`).set(KEY.promoter).expect(200);
    expect(second.text).toBe(first.text);
    expect(second.headers).toMatchObject({
      etag: first.headers.etag,
      vary: VARY,
      'content-type': 'application/json; charset=utf-8',
    });
    expect(second.headers['cache-control']).toMatch(/^private, max-age=(29|30)$/);
    expect((await stats(booted)).requests).toEqual(before.requests);
  });

  it('never keeps a degraded answer: once the works register is back, the next read has its record', async () => {
    const other = await booted.http.get('/v1/works?limit=1&offset=5').set(KEY.promoter).expect(200);
    const wrn = other.body.results[0].workReferenceNumber as string;
    await setFault(booted, { api: 'inner', errorRate: 1 });
    const degraded = await booted.http.get(`/v1/works/${wrn}`).set(KEY.promoter).expect(200);
    expect(degraded.headers['x-enrichment-unavailable']).toBe('works-register');
    expect(degraded.headers['cache-control']).toBe('no-store');
    await clearFaults(booted);
    const healed = await booted.http.get(`/v1/works/${wrn}`).set(KEY.promoter).expect(200);
    expect(healed.headers['x-enrichment-unavailable']).toBeUndefined();
    expect(healed.body.organisationRecord.available).toBe(true);
  });

  it('answers If-None-Match with 304 and no body, on a miss and on a hit', async () => {
    const first = await booted.http.get(`/v1/works/${ref}`).set(KEY.promoter).expect(200);
    const etag = first.headers.etag;
    for (let i = 0; i < 2; i++) {
      const res = await booted.http
        .get(`/v1/works/${ref}`)
        .set(KEY.promoter)
        .set('If-None-Match', etag)
        .expect(304);
      expect(res.text).toBe('');
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['content-length']).toBeUndefined();
    }
    await booted.http.get(`/v1/works/${ref}`).set(KEY.promoter).set('If-None-Match', '"stale"').expect(200);
  });

  it('puts ETag and Cache-Control on collections too', async () => {
    const res = await booted.http.get('/v1/works?limit=2').set(KEY.promoter).expect(200);
    expect(res.headers).toMatchObject({
      etag: expect.stringMatching(/^"/),
      'cache-control': 'private, max-age=30',
      vary: VARY,
    });
    await booted.http
      .get('/v1/works?limit=2')
      .set(KEY.promoter)
      .set('If-None-Match', res.headers.etag)
      .expect(304);
  });

  it('keeps representations apart: XML is cached under its own key with its own ETag', async () => {
    const json = await booted.http.get(`/v1/works/${ref}`).set(KEY.promoter).expect(200);
    const xml = await booted.http
      .get(`/v1/works/${ref}`)
      .set(KEY.promoter)
      .set('Accept', 'application/xml')
      .expect(200);
    expect(xml.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(xml.headers.etag).not.toBe(json.headers.etag);
    const again = await booted.http
      .get(`/v1/works/${ref}`)
      .set(KEY.promoter)
      .set('Accept', 'application/xml')
      .expect(200);
    expect(again.text).toBe(xml.text);
    expect(again.headers['content-type']).toBe('application/xml; charset=utf-8');
  });

  it('authenticates and counts a hit like any request: refused without a key, counted against the limit', async () => {
    const url = `/v1/works/${ref}?fields=workReferenceNumber`;
    await booted.http.get(url).set(KEY.promoter).expect(200);
    const before = await stats(booted);
    const first = await booted.http.get(url).set(KEY.promoter).expect(200);
    const second = await booted.http.get(url).set(KEY.promoter).expect(200);
    expect((await stats(booted)).requests).toEqual(before.requests);
    expect(first.headers['x-ratelimit-remaining']).toMatch(/^\d+$/);
    expect(Number(second.headers['x-ratelimit-remaining'])).toBe(
      Number(first.headers['x-ratelimit-remaining']) - 1,
    );
    expect(second.text).toBe(first.text);
    await booted.http.get(url).expect(401);
  });

  it('never serves one organisation an answer cached for another', async () => {
    await booted.http.get('/v1/works?limit=3').set(KEY.promoter).expect(200);
    const before = await stats(booted);
    const authority = await booted.http.get('/v1/works?limit=3').set(KEY.authority).expect(200);
    const after = await stats(booted);
    // the authority's first read goes upstream with its own credential (and sign-in), never to the promoter's entry
    expect(after.requests.reporting).toBeGreaterThan(before.requests.reporting);
    const promoter = await booted.http.get('/v1/works?limit=3').set(KEY.promoter).expect(200);
    expect(authority.text).not.toBe(promoter.text);
  });

  it('does not cache errors and marks them no-store', async () => {
    await setFault(booted, { api: 'work', errorNext: 1, errorStatus: 404 });
    const missing = await booted.http.get('/v1/works/NO-SUCH-WORK-1').set(KEY.promoter).expect(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.headers.etag).toBeUndefined();
  });

  it('marks resources without a TTL no-store (with an ETag) and leaves public routes alone', async () => {
    const res = await booted.http.get('/v1/organisations').set(KEY.promoter);
    if (res.status === 200) {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.etag).toMatch(/^"/);
    }
    const status = await booted.http.get('/status').expect(200);
    expect(status.headers.etag).toBeUndefined();
  });
});

describe('single-flight coalescing of identical upstream GETs', () => {
  let booted: BootedApp;
  let ref: string;

  beforeAll(async () => {
    booted = await bootApp({
      overrides: [
        {
          provide: cacheConfig.KEY,
          useValue: { ttls: {}, maxEntries: 0, maxBodyBytes: 1024 } satisfies CacheConfig,
        },
      ],
    });
    const list = await booted.http.get('/v1/works?limit=1').set(KEY.promoter).expect(200);
    ref = list.body.results[0].workReferenceNumber as string;
    await booted.http.get(`/v1/works/${ref}`).set(KEY.promoter).expect(200);
  });
  afterEach(() => clearFaults(booted));
  afterAll(() => booted.close());

  it('answers If-None-Match with 304 from a fresh upstream answer when the resource is not cached', async () => {
    const first = await booted.http.get(`/v1/works/${ref}`).set(KEY.promoter).expect(200);
    expect(first.headers['cache-control']).toBe('no-store');
    const before = await stats(booted);
    const res = await booted.http
      .get(`/v1/works/${ref}`)
      .set(KEY.promoter)
      .set('If-None-Match', first.headers.etag)
      .expect(304);
    expect(res.text).toBe('');
    expect(res.headers).toMatchObject({ etag: first.headers.etag, 'cache-control': 'no-store', vary: VARY });
    expect((await stats(booted)).requests.work).toBeGreaterThan(before.requests.work);
  });

  it('makes one upstream call for 200 simultaneous identical requests', async () => {
    // a slow upstream, so that all 200 arrive while the first call is still out (200 loopback requests take well under 3 s)
    await setFault(booted, { api: 'work', latencyMs: 3_000 });
    const before = await stats(booted);
    const server = booted.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as { port: number };
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        fetch(`http://127.0.0.1:${port}/v1/works/${ref}`, { headers: KEY.promoter }).then(async (r) => ({
          status: r.status,
          body: await r.text(),
        })),
      ),
    );
    const after = await stats(booted);
    expect(answers.every((a) => a.status === 200 && a.body === answers[0].body)).toBe(true);
    const upstreamCalls = after.requests.work - before.requests.work;
    process.stdout.write(
      `coalescing: ${upstreamCalls} upstream work-API call(s) for 200 identical concurrent GETs\n`,
    );
    expect(upstreamCalls).toBe(1);
  });

  it('shares an upstream error with every joined caller and keeps nothing', async () => {
    await setFault(booted, { api: 'work', latencyMs: 300, errorRate: 1, errorStatus: 503 });
    const before = await stats(booted);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => booted.http.get(`/v1/works/${ref}`).set(KEY.promoter)),
    );
    const during = await stats(booted);
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([503]));
    await clearFaults(booted);
    await booted.http.get(`/v1/works/${ref}`).set(KEY.promoter).expect(200);
    // retries of one shared call, not twenty calls
    expect(during.requests.work - before.requests.work).toBeLessThanOrEqual(3);
  });
});
