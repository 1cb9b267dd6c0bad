import type { OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

export type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Counter {
  hits: number;
  windowEndsAt: number;
  blockedUntil: number;
}

/**
 * One counter per key and window: O(1) per request whatever the limit, unlike the library's in-memory storage, which
 * keeps a timestamp per hit and rescans them (PERFORMANCE.md). Fixed windows can let up to twice the limit through
 * around a boundary; the headers stay exact, which clients value more. A Redis implementation can keep the same
 * semantics with INCR + PEXPIRE.
 *
 * `ttl` and `blockDuration` are milliseconds; the returned times are whole seconds, as the ThrottlerStorage contract says.
 * A key over its limit stays blocked until its window ends, or for `blockDuration` from the breach if that is longer.
 */
export class MemoryThrottlerStore implements ThrottlerStorage, OnModuleDestroy {
  private readonly counters = new Map<string, Counter>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly now: () => number = Date.now,
    sweepIntervalMs = 60_000,
  ) {
    this.sweeper = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweeper.unref();
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    _throttlerName?: string,
  ): Promise<ThrottlerStorageRecord> {
    return Promise.resolve(this.hit(key, ttl, limit, blockDuration));
  }

  /** Synchronous core, so the guard's hot path does not pay for a promise per window when it need not. */
  hit(key: string, ttl: number, limit: number, blockDuration: number): ThrottlerStorageRecord {
    const now = this.now();
    let counter = this.counters.get(key);
    if (!counter || (counter.windowEndsAt <= now && counter.blockedUntil <= now)) {
      counter = { hits: 0, windowEndsAt: now + ttl, blockedUntil: 0 };
      this.counters.set(key, counter);
    } else if (counter.windowEndsAt <= now) {
      // still blocked by a long blockDuration: a new window starts, the block stands
      counter.hits = 0;
      counter.windowEndsAt = now + ttl;
    }
    counter.hits++;
    if (counter.hits > limit && counter.blockedUntil <= now) {
      counter.blockedUntil = Math.max(counter.windowEndsAt, now + blockDuration);
    }
    const isBlocked = counter.blockedUntil > now;
    return {
      totalHits: counter.hits,
      timeToExpire: Math.max(1, Math.ceil((counter.windowEndsAt - now) / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.max(1, Math.ceil((counter.blockedUntil - now) / 1000)) : 0,
    };
  }

  get size(): number {
    return this.counters.size;
  }

  sweep(): void {
    const now = this.now();
    for (const [key, counter] of this.counters) {
      if (counter.windowEndsAt <= now && counter.blockedUntil <= now) {
        this.counters.delete(key);
      }
    }
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }
}
