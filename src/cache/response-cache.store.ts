/** A GET answer as sent: the serialised bytes and what is needed to send them again without re-mapping anything. */
export interface CachedResponse {
  body: Buffer;
  contentType: string;
  etag: string;
  /** epoch ms */
  storedAt: number;
}

/** Where cached answers live: this process's memory, or Redis so that every instance sees every other's. */
export interface ResponseCacheStore {
  /** undefined on a miss, and when the store cannot be reached (the cache is bypassed, never an error) */
  get(key: string): Promise<CachedResponse | undefined>;
  /** best effort: a failure is logged by the store and otherwise ignored */
  set(key: string, value: CachedResponse, ttlSeconds: number): Promise<void>;
}

export const RESPONSE_CACHE = Symbol('RESPONSE_CACHE');
