import Redis from 'ioredis';
import { describeWithRedis, type RedisServer, startRedisServer } from '../../test/helpers/redis-server';
import { RedisAlarm } from '../redis/redis-alarm';
import { RedisThrottlerStore } from './redis-throttler.store';

describeWithRedis('RedisThrottlerStore (real redis-server)', () => {
  let server: RedisServer;
  let redis: Redis;
  let other: Redis;
  let alarm: RedisAlarm;
  let storage: RedisThrottlerStore;

  beforeAll(async () => {
    server = await startRedisServer();
  });
  beforeEach(async () => {
    alarm = new RedisAlarm();
    redis = new Redis(server.url, {
      keyPrefix: 't:',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      commandTimeout: 500,
    });
    await redis.connect();
    await redis.flushall();
    other = new Redis(server.url, { keyPrefix: 't:', lazyConnect: true });
    await other.connect();
    storage = new RedisThrottlerStore(redis, alarm);
  });
  afterEach(() => {
    storage.onModuleDestroy();
    redis.disconnect();
    other.disconnect();
  });
  afterAll(() => server.stop());
  // The windows' time is Redis's own (PEXPIRE): end one as its expiry would, rather than sleeping through it.
  const endWindow = (key: string) => other.pexpire(`rl:{${key}}`, 0);

  it('counts hits in one window and blocks past the limit until the window ends', async () => {
    expect(await storage.increment('c', 10_000, 2, 0, 'w')).toEqual({
      totalHits: 1,
      timeToExpire: 10,
      isBlocked: false,
      timeToBlockExpire: 0,
    });
    expect(await storage.increment('c', 10_000, 2, 0, 'w')).toMatchObject({ totalHits: 2, isBlocked: false });
    expect(await storage.increment('c', 10_000, 2, 0, 'w')).toEqual({
      totalHits: 3,
      timeToExpire: 10,
      isBlocked: true,
      timeToBlockExpire: 10,
    });
  });

  it('keeps one key per client and window, always with an expiry (O(1) per hit)', async () => {
    for (let i = 0; i < 500; i++) {
      await storage.increment('busy', 86_400_000, 1_000_000, 0, 'day');
    }
    expect(await other.keys('*')).toEqual(['t:rl:{busy}']);
    expect(await other.get('rl:{busy}')).toBe('500');
    const ttl = await other.pttl('rl:{busy}');
    expect(ttl).toBeGreaterThan(86_000_000);
    expect(ttl).toBeLessThanOrEqual(86_400_000);
  });

  it('is one limit for every instance counting in the same Redis', async () => {
    const second = new RedisThrottlerStore(other, alarm);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? storage : second).increment('shared', 60_000, 25, 0, 'w'),
      ),
    );
    expect(results.filter((r) => !r.isBlocked)).toHaveLength(25);
    expect(results.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    second.onModuleDestroy();
  });

  it('starts a fresh window once the old one expires', async () => {
    await storage.increment('short', 60_000, 1, 0, 'w');
    expect((await storage.increment('short', 60_000, 1, 0, 'w')).isBlocked).toBe(true);
    await endWindow('short');
    expect(await storage.increment('short', 60_000, 1, 0, 'w')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('keeps a block longer than the window across the window boundary', async () => {
    await storage.increment('b', 1_000, 1, 5_000, 'w');
    expect(await storage.increment('b', 1_000, 1, 5_000, 'w')).toMatchObject({
      isBlocked: true,
      timeToBlockExpire: 5,
    });
    await endWindow('b');
    expect(await storage.increment('b', 1_000, 1, 5_000, 'w')).toMatchObject({
      totalHits: 1,
      isBlocked: true,
    });
  });

  it('falls back to per-instance counters and raises the alarm when Redis fails', async () => {
    redis.disconnect();
    expect(await storage.increment('down', 10_000, 1, 0, 'w')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    expect(await storage.increment('down', 10_000, 1, 0, 'w')).toMatchObject({
      totalHits: 2,
      isBlocked: true,
    });
    expect((await alarm.failures.get()).values).toEqual([
      expect.objectContaining({ labels: { store: 'throttling' }, value: 2 }),
    ]);
  });
});
