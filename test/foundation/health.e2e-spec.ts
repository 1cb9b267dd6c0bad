import { HealthRegistry } from '../../src/health/health-registry';
import { throttlingConfig } from '../../src/config/throttling.config';
import { OperatorServer } from '../../src/metrics/operator-server';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { sandboxStats, throttlingSettings } from '../support';

const SANDBOX_APIS = [
  'street-manager-geojson',
  'street-manager-lookup',
  'street-manager-party',
  'street-manager-reporting',
  'street-manager-work',
];

async function upstreamCalls(booted: BootedApp): Promise<number> {
  const stats = await sandboxStats(booted);
  return Object.values(stats.requests).reduce((a, b) => a + b, 0);
}

describe('health (e2e)', () => {
  let booted: BootedApp;
  let operator: string;

  beforeAll(async () => {
    booted = await bootApp({ app: { healthCheckTimeoutMs: 100, healthCheckCacheMs: 0 } });
    operator = await booted.app.get(OperatorServer).listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await booted.close();
  });

  const withChecks = async (
    checks: Record<string, Parameters<HealthRegistry['register']>[1]>,
    run: () => Promise<void>,
  ) => {
    const registry = booted.app.get(HealthRegistry);
    Object.entries(checks).forEach(([name, check]) => registry.register(name, check));
    try {
      await run();
    } finally {
      Object.keys(checks).forEach((name) => registry.unregister(name));
    }
  };

  it('GET /status answers 200 {"status":"ok"} without credentials', async () => {
    const res = await booted.http.get('/status').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
  });

  it("public GET /healthcheck: 200 with each dependency up, and none of the checks' detail", async () => {
    await withChecks(
      { 'test-up': () => Promise.resolve({ version: '1', organisations: ['7374'] }) },
      async () => {
        const res = await booted.http.get('/healthcheck').expect(200);
        const details = Object.fromEntries(
          [...SANDBOX_APIS, 'street-manager-session', 'test-up'].map((n) => [n, { status: 'up' }]),
        );
        expect(res.body).toEqual({ status: 'ok', details: expect.objectContaining(details) });
        expect(
          Object.values(res.body.details as Record<string, object>).every(
            (d) => Object.keys(d).join() === 'status',
          ),
        ).toBe(true);
        expect(res.headers['cache-control']).toBe('no-store');
      },
    );
  });

  it('public GET /healthcheck: 503 naming the dependency down, never why', async () => {
    await withChecks(
      { 'test-down': () => Promise.reject(new Error('connection refused to 10.0.0.7:6379')) },
      async () => {
        const res = await booted.http.get('/healthcheck').expect(503);
        expect(res.body.status).toBe('error');
        expect(res.body.details['test-down']).toEqual({ status: 'down' });
        expect(res.text).not.toContain('refused');
        expect(res.headers['cache-control']).toBe('no-store');
      },
    );
  });

  it('the operator port has the detail: messages, and a dependency that does not answer in time', async () => {
    let abandoned = false;
    const silent = (signal: AbortSignal) => {
      signal.addEventListener('abort', () => (abandoned = true));
      return new Promise<void>(() => undefined);
    };
    await withChecks(
      { 'test-down': () => Promise.reject(new Error('connection refused')), 'test-silent': silent },
      async () => {
        const res = await fetch(`${operator}/healthcheck`);
        expect(res.status).toBe(503);
        const body = (await res.json()) as { status: string; error: Record<string, unknown> };
        expect(body.status).toBe('error');
        expect(body.error).toEqual({
          'test-down': { status: 'down', message: 'connection refused' },
          'test-silent': { status: 'down', message: 'no answer within 100 ms' },
        });
        expect(abandoned).toBe(true);
      },
    );
  });

  it('/metrics is served on the operator port only', async () => {
    await booted.http.get('/status').expect(200);
    await booted.http.get('/metrics').expect(404);
    const res = await fetch(`${operator}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toMatch(
      /gateway_http_requests_total\{client="anonymous",route="\/status",method="GET",status="200"\} \d+/,
    );
  });
});

describe('health: checks cached (e2e)', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({
      app: { healthCheckCacheMs: 60_000 },
      overrides: [{ provide: throttlingConfig.KEY, useValue: throttlingSettings() }],
    });
  });
  afterAll(async () => {
    await booted.close();
  });

  it('20 probes of /healthcheck make one round of upstream checks, not 20', async () => {
    const before = await upstreamCalls(booted);
    await booted.http.get('/healthcheck').expect(200);
    const afterFirst = await upstreamCalls(booted);
    // one call per Street Manager API (plus the session's sign-in, the first time)
    expect(afterFirst - before).toBeGreaterThanOrEqual(SANDBOX_APIS.length);
    await Promise.all(Array.from({ length: 19 }, () => booted.http.get('/healthcheck').expect(200)));
    expect((await upstreamCalls(booted)) - afterFirst).toBe(0);
  });
});

describe('docs: throttled (e2e)', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    const anonymous = [{ name: 'per-minute', limit: 3, windowSeconds: 60 }];
    booted = await bootApp({
      overrides: [{ provide: throttlingConfig.KEY, useValue: throttlingSettings({ anonymous }) }],
    });
  });
  afterAll(async () => {
    await booted.close();
  });

  it('throttles the OpenAPI documents and Swagger UI per IP, in the anonymous tier', async () => {
    await booted.http.get('/v1/openapi.json').expect(200);
    await booted.http.get('/v1/openapi.yaml').expect(200);
    const third = await booted.http.get('/v1/docs').expect(200);
    expect(third.headers['x-ratelimit-remaining']).toBe('0');
    const refused = await booted.http.get('/v1/openapi.json').expect(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body).toEqual({
      error: { code: 'TOO_MANY_REQUESTS', message: expect.any(String), requestId: expect.any(String) },
    });
  });
});
