import type { BeginResult, IdempotencyStore, StoredResponse } from './idempotency.store';

type Entry =
  | { state: 'in-flight'; fingerprint: string; expiresAt: number }
  | { state: 'completed'; fingerprint: string; response: StoredResponse; expiresAt: number };

/** One process's records. Fine for a single instance; several instances need the Redis store. */
export class MemoryIdempotencyStore implements IdempotencyStore {
  private readonly entries = new Map<string, Entry>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly ttlMs: number,
    private readonly lockMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), Math.min(ttlMs, 60_000));
    this.sweeper.unref();
  }

  begin(key: string, fingerprint: string): Promise<BeginResult> {
    const entry = this.live(key);
    if (entry === undefined) {
      this.entries.set(key, { state: 'in-flight', fingerprint, expiresAt: this.now() + this.lockMs });
      return Promise.resolve({ state: 'acquired' });
    }
    if (entry.state === 'in-flight') {
      return Promise.resolve({ state: 'in-flight', fingerprint: entry.fingerprint });
    }
    // A copy, so a replay can never be altered by whoever serialises it.
    return Promise.resolve({
      state: 'completed',
      fingerprint: entry.fingerprint,
      response: structuredClone(entry.response),
    });
  }

  complete(key: string, fingerprint: string, response: StoredResponse): Promise<void> {
    this.entries.set(key, {
      state: 'completed',
      fingerprint,
      response: structuredClone(response),
      expiresAt: this.now() + this.ttlMs,
    });
    return Promise.resolve();
  }

  release(key: string): Promise<void> {
    if (this.entries.get(key)?.state === 'in-flight') {
      this.entries.delete(key);
    }
    return Promise.resolve();
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry !== undefined && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt <= now) {
        this.entries.delete(key);
      }
    }
  }
}
