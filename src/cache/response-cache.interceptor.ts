import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, mergeMap, type Observable, of } from 'rxjs';
import type { RequestWithCaller } from '../auth/current-caller.decorator';
import { CHOSEN_REPRESENTATION, type RequestWithRepresentation } from '../common/negotiation/representation';
import { type CacheConfig, cacheConfig } from '../config/cache.config';
import { cacheKey, resourceOf } from './cache-key';
import { CACHE_STATE, cacheControl, type CacheState, type RawWithCacheState, VARY } from './cache-state';
import { BadRequestError } from '../common/errors/api-error';
import { ifNoneMatchHits, ifNoneMatchProblem } from './etag';
import { RESPONSE_CACHE, type CachedResponse, type ResponseCacheStore } from './response-cache.store';

/**
 * Serves authenticated GETs of cacheable resources (CACHE_TTL_SECONDS) from the cache, keyed by the caller's
 * organisation and permissions, the representation and the full URL, so one organisation never sees another's data.
 * A hit sends the stored bytes as they are: no upstream call, no mapping, no serialisation. Misses and every other
 * authenticated GET are finished by the onSend hook (ETag, 304, Cache-Control, storing). Runs after authentication,
 * throttling and content negotiation, so a hit is still counted against the client's limit.
 */
@Injectable()
export class ResponseCacheInterceptor implements NestInterceptor {
  private readonly ttlByRoute = new Map<string, number>();

  constructor(
    @Inject(cacheConfig.KEY) private readonly config: CacheConfig,
    @Inject(RESPONSE_CACHE) private readonly store: ResponseCacheStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithCaller>();
    const caller = request.caller;
    if (context.getType() !== 'http' || request.method !== 'GET' || !caller) {
      return next.handle();
    }
    const problem = ifNoneMatchProblem(request.headers['if-none-match']);
    if (problem) {
      throw new BadRequestError(`If-None-Match ${problem}`, [{ field: 'If-None-Match', message: problem }]);
    }
    const raw = request.raw as RawWithCacheState & RequestWithRepresentation;
    const ttl = this.ttlOf(request.routeOptions.url);
    const representation = raw[CHOSEN_REPRESENTATION];
    const state: CacheState = { ttl: representation ? ttl : 0 };
    raw[CACHE_STATE] = state;
    if (state.ttl === 0 || representation === undefined) {
      return next.handle();
    }
    const resource = resourceOf(request.routeOptions.url)!;
    state.key = cacheKey(resource, { organisation: caller.organisation, callerKind: caller.kind, permissions: caller.permissions, representation, url: request.url });
    return from(this.store.get(state.key)).pipe(
      mergeMap((hit) => {
        if (!hit) {
          return next.handle();
        }
        state.hit = true;
        return of(this.serve(request, context.switchToHttp().getResponse<FastifyReply>(), hit, ttl));
      }),
    );
  }

  private serve(request: FastifyRequest, reply: FastifyReply, hit: CachedResponse, ttl: number): Buffer | undefined {
    // A client may keep it for what is left of the gateway's own time, not a fresh TTL.
    const left = Math.max(0, Math.ceil(ttl - (Date.now() - hit.storedAt) / 1000));
    void reply.headers({ etag: hit.etag, 'cache-control': cacheControl(left), vary: VARY });
    if (ifNoneMatchHits(request.headers['if-none-match'], hit.etag)) {
      void reply.status(304);
      return undefined;
    }
    void reply.header('content-type', hit.contentType);
    return hit.body;
  }

  private ttlOf(routePattern: string | undefined): number {
    const route = routePattern ?? '';
    let ttl = this.ttlByRoute.get(route);
    if (ttl === undefined) {
      const resource = resourceOf(routePattern);
      ttl = resource ? (this.config.ttls[resource] ?? 0) : 0;
      this.ttlByRoute.set(route, ttl);
    }
    return ttl;
  }
}
