import Redis from 'ioredis';
import { describeWithRedis, type RedisServer, startRedisServer } from '../../../test/helpers/redis-server';
import { TestClock } from '../../../test/support/test-clock';
import { RedisAlarm } from '../../redis/redis-alarm';
import { RedisSessionStore } from './redis-session.store';
import type { SessionTokens } from './session.store';

describeWithRedis('RedisSessionStore (real redis-server)', () => {
  let server: RedisServer;
  let a: Redis;
  let b: Redis;
  let alarm: RedisAlarm;
  const client = () =>
    new Redis(server.url, {
      keyPrefix: 's:',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
      commandTimeout: 500,
    });
  const now = Date.now();
  const tokens = (idToken: string): SessionTokens => ({
    idToken,
    accessToken: 'a',
    refreshToken: 'r',
    idTokenExpiresAt: now + 3_600_000,
    refreshTokenExpiresAt: now + 86_400_000,
    obtainedAt: now,
    via: 'authenticate',
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
  });
  afterEach(() => {
    a.disconnect();
    b.disconnect();
  });
  afterAll(() => server.stop());

  it('shares tokens between instances and expires them with the refresh token', async () => {
    const one = new RedisSessionStore(a, alarm);
    const two = new RedisSessionStore(b, alarm);
    expect(one.shared).toBe(true);
    await one.set('0001', tokens('t1'));
    expect(await two.get('0001')).toEqual(tokens('t1'));
    const ttl = await a.pttl('sm:session:0001');
    expect(ttl).toBeGreaterThan(86_000_000);
    await two.set('0001', undefined);
    expect(await one.get('0001')).toBeUndefined();
  });

  it('lets one instance sign in while the others wait and read its result', async () => {
    const clock = new TestClock();
    const instances = [
      new RedisSessionStore(a, alarm, clock),
      new RedisSessionStore(b, alarm, clock),
      new RedisSessionStore(a, alarm, clock),
    ];
    let signIns = 0;
    let concurrent = 0;
    let maxConcurrent = 0;
    // what StreetManagerSessions.renew does inside the lock: re-read, sign in only if nobody has
    const renew = (store: RedisSessionStore) =>
      store.withLock('0001', async () => {
        concurrent++;
        maxConcurrent = Math.max(maxConcurrent, concurrent);
        try {
          const current = await store.get('0001');
          if (current) {
            return current;
          }
          signIns++;
          await clock.sleepingTogether(2); // the other two instances are polling for the lock
          const fresh = tokens(`signed-in-${signIns}`);
          await store.set('0001', fresh);
          return fresh;
        } finally {
          concurrent--;
        }
      });
    const results = await Promise.all(instances.flatMap((s) => [renew(s), renew(s)]));
    expect(signIns).toBe(1);
    expect(maxConcurrent).toBe(1);
    expect(new Set(results.map((r) => r.idToken))).toEqual(new Set(['signed-in-1']));
    // the lock is released by its holder (compare-and-delete), not left to expire
    expect(await a.exists('sm:session:0001:lock')).toBe(0);
  });

  it('never frees a lock that another holder has taken since', async () => {
    await a.set('sm:session:0002:lock', 'someone-else', 'PX', 10_000);
    const store = new RedisSessionStore(b, alarm);
    // the lock is held elsewhere: without the lease ending, this waits; here we only check release semantics
    await b.del('sm:session:0002:lock');
    await store.withLock('0002', async () => {
      await a.set('sm:session:0002:lock', 'taken-over', 'PX', 10_000);
    });
    expect(await a.get('sm:session:0002:lock')).toBe('taken-over');
  });

  it('falls back to per-instance sessions and locks when Redis is down', async () => {
    const store = new RedisSessionStore(a, alarm);
    a.disconnect();
    await store.set('0001', tokens('local'));
    expect(await store.get('0001')).toEqual(tokens('local'));
    expect(await store.withLock('0001', () => Promise.resolve('ran'))).toBe('ran');
    expect(await store.credentialIds()).toEqual(['0001']);
    const [metric] = (await alarm.failures.get()).values;
    expect(metric).toMatchObject({ labels: { store: 'session' } });
    expect(metric.value).toBeGreaterThanOrEqual(3);
  });
});
