import { randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { type Clock, SYSTEM_CLOCK } from '../common/clock';

/** Deletes the lock only if it still holds our token: a holder that overran its lease must not free someone else's. */
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

type WithRelease = Redis & { lockRelease(key: string, token: string): Promise<number> };

export interface LockOptions {
  /** how long the lock holds if its holder dies without releasing it */
  leaseMs: number;
  /** how long a contender waits for the holder before giving up */
  waitMs: number;
  /** pause between attempts while waiting */
  pollMs?: number;
}

export class LockNotAcquiredError extends Error {
  constructor(key: string) {
    super(`lock ${key} still held by another instance`);
    this.name = 'LockNotAcquiredError';
  }
}

/** A single-Redis lock (SET NX PX with a random token, released by compare-and-delete), for work one instance should do. */
export class RedisLock {
  private readonly redis: WithRelease;

  constructor(
    redis: Redis,
    private readonly clock: Clock = SYSTEM_CLOCK,
  ) {
    if (!('lockRelease' in redis)) {
      redis.defineCommand('lockRelease', { numberOfKeys: 1, lua: RELEASE });
    }
    this.redis = redis as WithRelease;
  }

  /** Runs `fn` holding the lock. Redis errors propagate as they are; a lock still held after waitMs is a LockNotAcquiredError. */
  async withLock<T>(key: string, options: LockOptions, fn: () => Promise<T>): Promise<T> {
    const token = randomBytes(16).toString('base64url');
    const giveUpAt = this.clock.now() + options.waitMs;
    while ((await this.redis.set(key, token, 'PX', options.leaseMs, 'NX')) !== 'OK') {
      if (this.clock.now() >= giveUpAt) {
        throw new LockNotAcquiredError(key);
      }
      await this.clock.sleep(options.pollMs ?? 50);
    }
    try {
      return await fn();
    } finally {
      await this.redis.lockRelease(key, token).catch(() => undefined);
    }
  }
}
