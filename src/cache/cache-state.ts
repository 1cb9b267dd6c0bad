import type { IncomingMessage } from 'node:http';

/** What the ResponseCacheGuard decided about one GET, read by the onSend hook that finishes the answer. */
export interface CacheState {
  /** seconds clients and the gateway may keep the answer; 0 = `no-store` */
  ttl: number;
  /** where a 200 is stored; undefined = not cached by the gateway */
  key?: string;
  /** the answer came from the cache and is already complete */
  hit?: boolean;
}

export const CACHE_STATE = Symbol('cacheState');
export type RawWithCacheState = IncomingMessage & { [CACHE_STATE]?: CacheState };

/**
 * Answers differ by representation and by credentials, so shared caches must key on both (and never store an
 * authenticated answer: `private`).
 */
// Origin too: with CORS on, the answer's Access-Control-* headers depend on it (Fetch standard, CORS and HTTP caches).
export const VARY = 'Accept, Authorization, Ocp-Apim-Subscription-Key, Origin';

/** Set by a resource whose answer lacks data from a source that failed (e.g. the works register). */
export const DEGRADED_HEADER = 'x-enrichment-unavailable';

export function cacheControl(ttlSeconds: number): string {
  return ttlSeconds > 0 ? `private, max-age=${ttlSeconds}` : 'no-store';
}
