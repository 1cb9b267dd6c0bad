import type Redis from 'ioredis';
import type { RedisAlarm } from '../../redis/redis-alarm';
import { LockNotAcquiredError, RedisLock } from '../../redis/redis-lock';
import { SharedStateUnavailableError } from '../../redis/shared-state-unavailable.error';

/** Our subscription to one credential's notifications, as Street Manager and SNS know it. */
export interface SubscriptionRecord {
  /** Street Manager's reference, needed to unsubscribe */
  reference: string;
  endpoint: string;
  /** pending: subscribed, the SNS SubscriptionConfirmation not yet confirmed */
  state: 'pending' | 'confirmed';
  /** ms since the epoch of the last change of state */
  since: number;
}

/** Where the reconciler reads on: after an update id, or (before it has seen any update) from a time. */
export type ReconcileCursor = { updateId: number } | { since: string };

/**
 * What the intake shares between instances, per credential: the SNS message ids already stored, the subscription,
 * the reconciler's cursor, and leases that let one instance at a time subscribe or reconcile.
 */
export abstract class IntakeState {
  abstract messageSeen(credential: string, messageId: string): Promise<boolean>;
  abstract rememberMessage(credential: string, messageId: string, ttlMs: number): Promise<void>;
  abstract subscription(credential: string): Promise<SubscriptionRecord | undefined>;
  abstract saveSubscription(credential: string, record: SubscriptionRecord | undefined): Promise<void>;
  abstract cursor(credential: string): Promise<ReconcileCursor | undefined>;
  abstract saveCursor(credential: string, cursor: ReconcileCursor): Promise<void>;
  /**
   * Runs `fn` unless another run of `name` for this credential holds the lease (on any instance): then resolves
   * 'elsewhere' at once. The lease lapses after `ms` if its holder dies.
   */
  abstract withLease<T>(
    credential: string,
    name: string,
    ms: number,
    fn: () => Promise<T>,
  ): Promise<T | 'elsewhere'>;
}

const MAX_SEEN = 100_000;

export class MemoryIntakeState extends IntakeState {
  private readonly seen = new Map<string, number>();
  private readonly subscriptions = new Map<string, SubscriptionRecord>();
  private readonly cursors = new Map<string, ReconcileCursor>();
  private readonly leases = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {
    super();
  }

  messageSeen(credential: string, messageId: string): Promise<boolean> {
    const until = this.seen.get(`${credential}\n${messageId}`);
    return Promise.resolve(until !== undefined && until > this.now());
  }

  rememberMessage(credential: string, messageId: string, ttlMs: number): Promise<void> {
    const now = this.now();
    for (const [key, until] of this.seen) {
      if (until > now && this.seen.size < MAX_SEEN) {
        break;
      }
      this.seen.delete(key);
    }
    this.seen.set(`${credential}\n${messageId}`, now + ttlMs);
    return Promise.resolve();
  }

  subscription(credential: string): Promise<SubscriptionRecord | undefined> {
    return Promise.resolve(this.subscriptions.get(credential));
  }

  saveSubscription(credential: string, record: SubscriptionRecord | undefined): Promise<void> {
    if (record) {
      this.subscriptions.set(credential, record);
    } else {
      this.subscriptions.delete(credential);
    }
    return Promise.resolve();
  }

  cursor(credential: string): Promise<ReconcileCursor | undefined> {
    return Promise.resolve(this.cursors.get(credential));
  }

  saveCursor(credential: string, cursor: ReconcileCursor): Promise<void> {
    this.cursors.set(credential, cursor);
    return Promise.resolve();
  }

  async withLease<T>(
    credential: string,
    name: string,
    ms: number,
    fn: () => Promise<T>,
  ): Promise<T | 'elsewhere'> {
    const key = `${credential}\n${name}`;
    const now = this.now();
    if ((this.leases.get(key) ?? 0) > now) {
      return 'elsewhere';
    }
    this.leases.set(key, now + ms);
    try {
      return await fn();
    } finally {
      this.leases.delete(key);
    }
  }
}

/** The same in Redis, under the organisation's hash tag like its event stream. Redis down: a 503 (SNS retries). */
export class RedisIntakeState extends IntakeState {
  private readonly lock: RedisLock;

  constructor(
    private readonly redis: Redis,
    private readonly alarm: RedisAlarm,
  ) {
    super();
    this.lock = new RedisLock(redis);
  }

  messageSeen(credential: string, messageId: string): Promise<boolean> {
    return this.run(async () => (await this.redis.exists(key(credential, `sns:${messageId}`))) === 1);
  }

  rememberMessage(credential: string, messageId: string, ttlMs: number): Promise<void> {
    return this.run(async () => {
      await this.redis.set(key(credential, `sns:${messageId}`), '1', 'PX', ttlMs);
    });
  }

  subscription(credential: string): Promise<SubscriptionRecord | undefined> {
    return this.run(async () => {
      const raw = await this.redis.get(key(credential, 'subscription'));
      return raw === null ? undefined : (JSON.parse(raw) as SubscriptionRecord);
    });
  }

  saveSubscription(credential: string, record: SubscriptionRecord | undefined): Promise<void> {
    return this.run(async () => {
      if (record) {
        await this.redis.set(key(credential, 'subscription'), JSON.stringify(record));
      } else {
        await this.redis.del(key(credential, 'subscription'));
      }
    });
  }

  cursor(credential: string): Promise<ReconcileCursor | undefined> {
    return this.run(async () => {
      const raw = await this.redis.get(key(credential, 'cursor'));
      return raw === null ? undefined : (JSON.parse(raw) as ReconcileCursor);
    });
  }

  saveCursor(credential: string, cursor: ReconcileCursor): Promise<void> {
    return this.run(async () => {
      await this.redis.set(key(credential, 'cursor'), JSON.stringify(cursor));
    });
  }

  async withLease<T>(
    credential: string,
    name: string,
    ms: number,
    fn: () => Promise<T>,
  ): Promise<T | 'elsewhere'> {
    try {
      return await this.lock.withLock(key(credential, `lease:${name}`), { leaseMs: ms, waitMs: 0 }, fn);
    } catch (e) {
      if (e instanceof LockNotAcquiredError) {
        return 'elsewhere';
      }
      throw e;
    }
  }

  private async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      this.alarm.raise(
        'events',
        e,
        'notifications are answered 503 (SNS retries them) and the reconciler waits',
      );
      throw new SharedStateUnavailableError();
    }
  }
}

function key(credential: string, name: string): string {
  return `events:{${credential}}:${name}`;
}
