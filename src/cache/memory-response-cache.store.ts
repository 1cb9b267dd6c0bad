import type { CachedResponse, ResponseCacheStore } from './response-cache.store';

interface Entry {
  value: CachedResponse;
  expiresAt: number;
}

/** One instance's cache: a Map in insertion order doubles as the LRU list (a hit moves its entry to the end). */
export class MemoryResponseCacheStore implements ResponseCacheStore {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): Promise<CachedResponse | undefined> {
    const entry = this.entries.get(key);
    if (entry === undefined) {
      return Promise.resolve(undefined);
    }
    this.entries.delete(key);
    if (entry.expiresAt <= this.now()) {
      return Promise.resolve(undefined);
    }
    this.entries.set(key, entry);
    return Promise.resolve(entry.value);
  }

  set(key: string, value: CachedResponse, ttlSeconds: number): Promise<void> {
    if (this.maxEntries === 0) {
      return Promise.resolve();
    }
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + ttlSeconds * 1000 });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    return Promise.resolve();
  }

  get size(): number {
    return this.entries.size;
  }
}
