import { cacheConfig, type CacheConfig } from '../../src/config/cache.config';
import Redis from 'ioredis';
import { redisConfig, type RedisConfig } from '../../src/config/redis.config';
import { OperatorServer } from '../../src/metrics/operator-server';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { LogCapture } from '../helpers/log-capture';
import { describeWithRedis, type RedisServer, startRedisServer } from '../helpers/redis-server';
import { KEY, sandboxStats } from '../support';

async function workRequests(booted: BootedApp): Promise<number> {
  return (await sandboxStats(booted)).requests.work;
}

describeWithRedis('Redis down: each shared store degrades as documented (README "Redis down")', () => {
  let redis: RedisServer;
  let booted: BootedApp;
  let operator: string;
  let inspect: Redis;
  let ref: string;
  let logs: LogCapture;
  const alarms = (store: string) =>
    logs.lines.filter((l) => l.alarm === 'redis-unavailable' && l.store === store);

  /** A gateway over a redis-server of its own: each phase starts from a known state, whichever ran before. */
  async function start(): Promise<void> {
    logs = new LogCapture();
    redis = await startRedisServer();
    inspect = new Redis(redis.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    inspect.on('error', () => undefined);
    await inspect.connect();
    const config: RedisConfig = {
      url: redis.url,
      keyPrefix: 'down:',
      commandTimeoutMs: 300,
      connectTimeoutMs: 500,
    };
    booted = await bootApp({
      // fresh health results: the test reads them before and after Redis goes away
      app: { healthCheckCacheMs: 0 },
      overrides: [
        { provide: redisConfig.KEY, useValue: config },
        // works are not cached by default (writes do not invalidate); this test needs a cached resource
        {
          provide: cacheConfig.KEY,
          useValue: {
            ttls: { works: 30 },
            maxEntries: 1000,
            maxBodyBytes: 1024 * 1024,
          } satisfies CacheConfig,
        },
      ],
      logs,
    });
    operator = await booted.app.get(OperatorServer).listen(0, '127.0.0.1');
    const list = await booted.http.get('/v1/works?limit=1').set(KEY.promoter).expect(200);
    ref = list.body.results[0].workReferenceNumber as string;
  }
  async function stop(): Promise<void> {
    inspect?.disconnect();
    await booted?.close();
    await redis?.stop();
  }

  describe('with Redis up', () => {
    beforeAll(start);
    afterAll(stop);

    it('with Redis up: shares counters, cached answers and the session in Redis, and /healthcheck names it', async () => {
      await booted.http.get(`/v1/works/${ref}`).set(KEY.promoter).expect(200);
      const keys = await inspect.keys('down:*');
      expect(keys.some((k) => k.startsWith('down:rl:{subscription-key:sandbox-promoter'))).toBe(true);
      expect(keys.some((k) => k.startsWith('down:cache:works:'))).toBe(true);
      expect(keys).toContain('down:sm:session:7374');
      const health = await booted.http.get('/healthcheck');
      expect(health.body.details.redis).toEqual({ status: 'up' });
      const detail = (await (await fetch(`${operator}/healthcheck`)).json()) as {
        details: Record<string, unknown>;
      };
      expect(detail.details.redis).toEqual({ status: 'up', latencyMs: expect.any(Number) });
    });
  });

  describe('after redis-server is killed', () => {
    beforeAll(async () => {
      await start();
      await redis.kill();
    });
    afterAll(stop);

    it('throttling fails open to per-instance counters, with the alarm in the log and the metric', async () => {
      const res = await booted.http.get(`/v1/works/${ref}?fields=status`).set(KEY.promoter).expect(200);
      expect(res.headers['x-ratelimit-limit']).toBeDefined();
      expect(Number(res.headers['x-ratelimit-remaining'])).toBeLessThan(
        Number(res.headers['x-ratelimit-limit']),
      );
      expect(alarms('throttling')[0]).toMatchObject({
        level: 50,
        msg: expect.stringContaining('per-instance counters'),
      });
      const metrics = await (await fetch(`${operator}/metrics`)).text();
      expect(metrics).toMatch(/gateway_redis_failures_total\{store="throttling"\} [1-9]/);
    });

    it('an idempotent POST fails closed: 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
      const res = await booted.http
        .post('/v1/works')
        .set(KEY.promoter)
        .set('Idempotency-Key', 'down-1')
        .send({})
        .expect(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.body).toEqual({
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: 'the gateway cannot reach its shared state store; retry shortly',
          requestId: expect.any(String),
        },
      });
      // a POST without the header does not need the store and is judged on its body as usual
      const plain = await booted.http.post('/v1/works').set(KEY.promoter).send({});
      expect(plain.status).not.toBe(503);
    });

    it('the response cache is bypassed: answers stay correct and come from upstream', async () => {
      const before = await workRequests(booted);
      const res = await booted.http.get(`/v1/works/${ref}`).set(KEY.promoter).expect(200);
      expect(res.body.workReferenceNumber).toBe(ref);
      expect(res.headers.etag).toMatch(/^"/);
      expect(await workRequests(booted)).toBeGreaterThan(before);
      expect(alarms('cache').length).toBeGreaterThan(0);
    });

    it('Street Manager sessions fall back to a per-instance sign-in', async () => {
      // the authority's credential has no session yet: it must sign in without the shared lock and store
      await booted.http.get('/v1/works?limit=1').set(KEY.authority).expect(200);
      expect(alarms('session').length).toBeGreaterThan(0);
    });

    it('/healthcheck answers 503 naming Redis', async () => {
      const res = await booted.http.get('/healthcheck').expect(503);
      expect(res.body.details.redis).toEqual({ status: 'down' });
    });
  });
});
