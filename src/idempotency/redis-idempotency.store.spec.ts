import Redis from 'ioredis';
import { describeWithRedis, type RedisServer, startRedisServer } from '../../test/helpers/redis-server';
import { RedisAlarm } from '../redis/redis-alarm';
import { RedisIdempotencyStore } from './redis-idempotency.store';

describeWithRedis('RedisIdempotencyStore (real redis-server)', () => {
  let server: RedisServer;
  let a: Redis;
  let b: Redis;
  let alarm: RedisAlarm;
  let first: RedisIdempotencyStore;
  let second: RedisIdempotencyStore;
  const response = {
    status: 201,
    body: { id: 'W1', nested: { n: 1 } },
    headers: { location: '/v1/works/W1' },
  };
  const client = () =>
    new Redis(server.url, {
      keyPrefix: 'i:',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      commandTimeout: 500,
    });

  beforeAll(async () => {
    server = await startRedisServer();
  });
  beforeEach(async () => {
    alarm = new RedisAlarm();
    a = client();
    b = client();
    await Promise.all([a.connect(), b.connect()]);
    await a.flushall();
    // two instances, each with its own connection
    first = new RedisIdempotencyStore(a, alarm, 60_000, 1_000);
    second = new RedisIdempotencyStore(b, alarm, 60_000, 1_000);
  });
  afterEach(() => {
    a.disconnect();
    b.disconnect();
  });
  afterAll(() => server.stop());

  it('lets exactly one of many concurrent begins acquire a key, across instances', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? first : second).begin('c\nk', 'fp')),
    );
    expect(results.filter((r) => r.state === 'acquired')).toHaveLength(1);
    expect(results.filter((r) => r.state === 'in-flight')).toHaveLength(49);
    expect(results.find((r) => r.state === 'in-flight')).toEqual({ state: 'in-flight', fingerprint: 'fp' });
  });

  it('replays a completed response on the other instance, with its fingerprint', async () => {
    await first.begin('c\nk', 'fp');
    await first.complete('c\nk', 'fp', response);
    expect(await second.begin('c\nk', 'fp')).toEqual({ state: 'completed', fingerprint: 'fp', response });
    expect(await second.begin('c\nk', 'other')).toEqual({ state: 'completed', fingerprint: 'fp', response });
  });

  it('keeps completed records for the TTL and in-flight locks for the lock time only', async () => {
    await first.begin('c\nlocked', 'fp');
    const lockTtl = await a.pttl(`idem:${Buffer.from('c\nlocked').toString('base64url')}`);
    expect(lockTtl).toBeGreaterThan(0);
    expect(lockTtl).toBeLessThanOrEqual(1_000);
    await first.complete('c\nlocked', 'fp', response);
    expect(await a.pttl(`idem:${Buffer.from('c\nlocked').toString('base64url')}`)).toBeGreaterThan(59_000);
  });

  it('releases a failed request so it can be retried, but never a completed one', async () => {
    await first.begin('c\nk', 'fp');
    await second.release('c\nk');
    expect(await second.begin('c\nk', 'fp')).toEqual({ state: 'acquired' });
    await second.complete('c\nk', 'fp', response);
    await first.release('c\nk');
    expect(await first.begin('c\nk', 'fp')).toMatchObject({ state: 'completed' });
  });

  it('fails closed with a 503 and Retry-After when Redis is unreachable', async () => {
    a.disconnect();
    await expect(first.begin('c\nk', 'fp')).rejects.toMatchObject({
      status: 503,
      code: 'SERVICE_UNAVAILABLE',
      headers: { 'Retry-After': '5' },
    });
    // completing and releasing degrade quietly (the alarm is raised): the POST itself has already happened
    await expect(first.complete('c\nk', 'fp', response)).resolves.toBeUndefined();
    await expect(first.release('c\nk')).resolves.toBeUndefined();
    expect((await alarm.failures.get()).values).toEqual([
      expect.objectContaining({ labels: { store: 'idempotency' }, value: 3 }),
    ]);
  });
});
