import type { FastifyReply, FastifyRequest } from 'fastify';
import { CACHE_STATE, cacheControl, DEGRADED_HEADER, type RawWithCacheState, VARY } from './cache-state';
import { ifNoneMatchHits, strongEtag } from './etag';
import type { ResponseCacheStore } from './response-cache.store';

/**
 * Fastify onSend hook: finishes every authenticated GET the ResponseCacheGuard saw (hits are already finished).
 * Works on the serialised payload, so the ETag is the hash of exactly the bytes sent, for JSON, XML and GeoJSON alike,
 * and the cache stores those bytes.
 */
export function cacheHeadersHook(store: ResponseCacheStore, maxBodyBytes: number) {
  return (
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (err: null, payload: unknown) => void,
  ): void => {
    const state = (request.raw as RawWithCacheState)[CACHE_STATE];
    if (state === undefined || state.hit) {
      done(null, payload);
      return;
    }
    void reply.header('vary', VARY);
    if (reply.statusCode !== 200 || (typeof payload !== 'string' && !Buffer.isBuffer(payload))) {
      void reply.header('cache-control', 'no-store');
      done(null, payload);
      return;
    }
    // The payload goes on as it came: a string is written with the headers in one write, a Buffer would need two.
    const etag = strongEtag(payload);
    // A degraded answer (an enrichment source was down) must not outlive the outage in anyone's cache.
    const degraded = reply.hasHeader(DEGRADED_HEADER);
    void reply.header('etag', etag).header('cache-control', cacheControl(degraded ? 0 : state.ttl));
    if (state.key !== undefined && !degraded && Buffer.byteLength(payload) <= maxBodyBytes) {
      const contentType = String(reply.getHeader('content-type') ?? 'application/json; charset=utf-8');
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      void store.set(state.key, { body, contentType, etag, storedAt: Date.now() }, state.ttl);
    }
    if (ifNoneMatchHits(request.headers['if-none-match'], etag)) {
      void reply.code(304).removeHeader('content-type').removeHeader('content-length');
      done(null, null);
      return;
    }
    done(null, payload);
  };
}
