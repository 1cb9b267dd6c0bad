import Redis from 'ioredis';
import { describeWithRedis, type RedisServer, startRedisServer } from '../../test/helpers/redis-server';
import { RedisAlarm } from '../redis/redis-alarm';
import { RedisResponseCacheStore } from './redis-response-cache.store';

describeWithRedis('RedisResponseCacheStore (real redis-server)', () => {
  let server: RedisServer;
  let redis: Redis;
  let alarm: RedisAlarm;

  beforeAll(async () => {
    server = await startRedisServer();
  });
  beforeEach(async () => {
    alarm = new RedisAlarm();
    redis = new Redis(server.url, {
      keyPrefix: 'c:',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      commandTimeout: 500,
    });
    await redis.connect();
    await redis.flushall();
  });
  afterEach(() => redis.disconnect());
  afterAll(() => server.stop());

  it('stores the bytes as sent (newlines and all) with their headers, for the TTL', async () => {
    const store = new RedisResponseCacheStore(redis, alarm);
    const body = Buffer.from('<?xml version="1.0"?>\n<work>\n  <a>é</a>\n</work>\n');
    const value = { body, contentType: 'application/xml; charset=utf-8', etag: '"abc"', storedAt: 1234 };
    await store.set('k', value, 30);
    expect(await store.get('k')).toEqual(value);
    expect(await redis.ttl('k')).toBe(30);
    expect(await store.get('missing')).toBeUndefined();
  });

  it('is bypassed, never an error, when Redis is down', async () => {
    const store = new RedisResponseCacheStore(redis, alarm);
    redis.disconnect();
    await expect(
      store.set('k', { body: Buffer.from('x'), contentType: 'a', etag: '"e"', storedAt: 1 }, 30),
    ).resolves.toBeUndefined();
    await expect(store.get('k')).resolves.toBeUndefined();
    expect((await alarm.failures.get()).values).toEqual([
      expect.objectContaining({ labels: { store: 'cache' }, value: 2 }),
    ]);
  });
});
