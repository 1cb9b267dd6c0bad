import {
  type ArgumentsHost,
  type CanActivate,
  Catch,
  type ExceptionFilter,
  type ExecutionContext,
  Inject,
  Injectable,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RequestWithCaller } from '../auth/current-caller.decorator';
import { CHOSEN_REPRESENTATION, type RequestWithRepresentation } from '../common/negotiation/representation';
import { type CacheConfig, cacheConfig } from '../config/cache.config';
import { cacheKey, resourceOf } from './cache-key';
import { CACHE_STATE, cacheControl, type CacheState, type RawWithCacheState, VARY } from './cache-state';
import { BadRequestError } from '../common/errors/api-error';
import { ifNoneMatchHits, ifNoneMatchProblem } from './etag';
import { RESPONSE_CACHE, type CachedResponse, type ResponseCacheStore } from './response-cache.store';

/**
 * Thrown by the guard once it has sent a hit, so that Nest runs neither the pipes nor the handler; the filter below
 * lets it end there. One instance: nothing about it varies, and an Error made per hit would capture a stack each time.
 */
export class ServedFromCache extends Error {
  static readonly instance = new ServedFromCache('served from the response cache');
}

const alreadyRendered = (text: string): string => text;

/** Catches only ServedFromCache: the answer is already sent, and it is not an error. */
@Catch(ServedFromCache)
export class ServedFromCacheFilter implements ExceptionFilter {
  catch(_exception: ServedFromCache, _host: ArgumentsHost): void {
    // nothing to do: the guard has sent the stored answer
  }
}

/**
 * Serves authenticated GETs of cacheable resources (CACHE_TTL_SECONDS) from the cache, keyed by the caller's
 * organisation and permissions, the representation and the full URL, so one organisation never sees another's data.
 * A hit sends the stored bytes as they are: no upstream call, no mapping, no serialisation. Misses and every other
 * authenticated GET are finished by the onSend hook (ETag, 304, Cache-Control, storing). The last global guard (see
 * CacheModule): runs after authentication, throttling, permissions and content negotiation, so a hit is still
 * counted against the client's limit. A guard rather than an interceptor, because Nest runs every interceptor
 * through rxjs and an `AsyncResource.bind` per request.
 */
@Injectable()
export class ResponseCacheGuard implements CanActivate {
  private readonly ttlByRoute = new Map<string, number>();

  constructor(
    @Inject(cacheConfig.KEY) private readonly config: CacheConfig,
    @Inject(RESPONSE_CACHE) private readonly store: ResponseCacheStore,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const request = context.switchToHttp().getRequest<FastifyRequest & RequestWithCaller>();
    const caller = request.caller;
    if (request.method !== 'GET' || !caller) {
      return true;
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
      return true;
    }
    const resource = resourceOf(request.routeOptions.url)!;
    const key = cacheKey(resource, {
      organisation: caller.organisation,
      callerKind: caller.kind,
      permissions: caller.permissions,
      representation,
      url: request.url,
    });
    state.key = key;
    return this.store.get(key).then((hit) => {
      if (!hit) {
        return true;
      }
      state.hit = true;
      this.serve(request, context.switchToHttp().getResponse<FastifyReply>(), hit, ttl);
      throw ServedFromCache.instance;
    });
  }

  private serve(request: FastifyRequest, reply: FastifyReply, hit: CachedResponse, ttl: number): void {
    // A client may keep it for what is left of the gateway's own time, not a fresh TTL.
    const left = Math.max(0, Math.ceil(ttl - (Date.now() - hit.storedAt) / 1000));
    void reply.headers({ etag: hit.etag, 'cache-control': cacheControl(left), vary: VARY });
    if (ifNoneMatchHits(request.headers['if-none-match'], hit.etag)) {
      void reply.code(304).send();
      return;
    }
    // As text, the body goes out in one write with the headers (a Buffer takes a second one). It is already
    // rendered: a serializer negotiation set (XML) must pass it through, not render it again.
    void reply
      .code(200)
      .header('content-type', hit.contentType)
      .serializer(alreadyRendered)
      .send(hit.body.toString());
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
