import type Redis from 'ioredis';
import { type Clock, SYSTEM_CLOCK } from '../../common/clock';
import type { RedisAlarm } from '../../redis/redis-alarm';
import { LockNotAcquiredError, RedisLock } from '../../redis/redis-lock';
import { MemorySessionStore } from './memory-session.store';
import type { SessionStore, SessionTokens, StoredRefusal } from './session.store';

/** A sign-in with its busy-answer retries can take a while; the lease outlives it so a second instance never overlaps. */
const LOCK_LEASE_MS = 30_000;
/** Contenders wait for the holder's result rather than signing in themselves. */
const LOCK_WAIT_MS = 35_000;

/**
 * Street Manager sessions shared by every instance: N instances hold one sign-in per credential instead of N. The
 * tokens live in Redis; a sign-in or refresh runs under a Redis lock, so exactly one instance talks to Street Manager
 * while the others wait and then read its result (StreetManagerSessions re-reads the session inside the lock).
 *
 * When Redis fails, each instance falls back to its own sessions (a per-instance sign-in, as without Redis): Street
 * Manager keeps working, at the cost of one login per instance, and the alarm is raised.
 */
export class RedisSessionStore implements SessionStore {
  readonly shared = true;
  private readonly local: MemorySessionStore;
  private readonly lock: RedisLock;

  constructor(
    private readonly redis: Redis,
    private readonly alarm: RedisAlarm,
    private readonly clock: Clock = SYSTEM_CLOCK,
  ) {
    this.local = new MemorySessionStore(() => clock.now());
    this.lock = new RedisLock(redis, clock);
  }

  async get(credentialId: string): Promise<SessionTokens | undefined> {
    try {
      const text = await this.redis.get(sessionKey(credentialId));
      return text ? (JSON.parse(text) as SessionTokens) : undefined;
    } catch (e) {
      this.alarm.raise('session', e, 'Street Manager sessions fall back to one sign-in per instance');
      return this.local.get(credentialId);
    }
  }

  async set(credentialId: string, tokens: SessionTokens | undefined): Promise<void> {
    await this.local.set(credentialId, tokens);
    try {
      if (tokens) {
        // Kept no longer than a refresh could still help; after that only a new sign-in does.
        const keepMs = Math.max(1_000, tokens.refreshTokenExpiresAt - this.clock.now());
        await this.redis.set(sessionKey(credentialId), JSON.stringify(tokens), 'PX', keepMs);
      } else {
        await this.redis.del(sessionKey(credentialId));
      }
    } catch (e) {
      this.alarm.raise('session', e, 'Street Manager sessions fall back to one sign-in per instance');
    }
  }

  /** One contender per instance (the local lock) competes for the Redis lock, so waiting instances poll once each. */
  withLock<T>(credentialId: string, fn: () => Promise<T>): Promise<T> {
    return this.local.withLock(credentialId, async () => {
      let ran = false;
      try {
        return await this.lock.withLock(
          lockKey(credentialId),
          { leaseMs: LOCK_LEASE_MS, waitMs: LOCK_WAIT_MS },
          () => {
            ran = true;
            return fn();
          },
        );
      } catch (e) {
        if (ran) {
          throw e;
        }
        // Redis is down, or the holder has overrun its lease: doing the work here beats failing every caller.
        this.alarm.raise(
          'session',
          e instanceof LockNotAcquiredError ? new Error('lock wait timed out') : e,
          'signing in to Street Manager without the shared lock',
        );
        return fn();
      }
    });
  }

  credentialIds(): Promise<string[]> {
    return this.local.credentialIds();
  }

  async getRefusal(credentialId: string): Promise<StoredRefusal | undefined> {
    try {
      const text = await this.redis.get(refusalKey(credentialId));
      return text ? (JSON.parse(text) as StoredRefusal) : this.local.getRefusal(credentialId);
    } catch (e) {
      this.alarm.raise('session', e, 'refused sign-ins are remembered per instance only');
      return this.local.getRefusal(credentialId);
    }
  }

  async setRefusal(credentialId: string, refusal: StoredRefusal): Promise<void> {
    await this.local.setRefusal(credentialId, refusal);
    try {
      await this.redis.set(
        refusalKey(credentialId),
        JSON.stringify(refusal),
        'PX',
        Math.max(1, refusal.blockedUntil - this.clock.now()),
      );
    } catch (e) {
      this.alarm.raise('session', e, 'refused sign-ins are remembered per instance only');
    }
  }
}

function sessionKey(credentialId: string): string {
  return `sm:session:${credentialId}`;
}

function refusalKey(credentialId: string): string {
  return `sm:session:${credentialId}:refused`;
}

function lockKey(credentialId: string): string {
  return `sm:session:${credentialId}:lock`;
}
