import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller';
import { Clock } from '../common/clock';
import { IS_PUBLIC } from '../auth/public.decorator';
import { RouteMetadata } from '../common/route-metadata';
import {
  ANONYMOUS_PRODUCT,
  DEFAULT_PRODUCT,
  type ThrottlingConfig,
  throttlingConfig,
} from '../config/throttling.config';
import {
  rateLimitHeaders,
  type RateLimitState,
  type RequestWithRateLimits,
  tightest,
  TooManyRequestsError,
} from './rate-limit-state';

/** @SkipThrottle() sets this key (the library's THROTTLER_SKIP + the default throttler's name). */
const SKIP_THROTTLE = 'THROTTLER:SKIPdefault';

/**
 * Throttles per client, not per route: one counter per client and window, whatever route it calls, with the windows
 * of the client's product. Authenticated clients are keyed by identity (subscription id, azp/appid), so clients behind
 * one NAT do not share a budget; public routes are keyed by IP. Runs after CredentialsGuard, which sets the caller.
 */
@Injectable()
export class ClientThrottlerGuard extends ThrottlerGuard {
  private readonly skipped: RouteMetadata<boolean>;
  private readonly isPublic: RouteMetadata<boolean>;

  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(throttlingConfig.KEY) private readonly config: ThrottlingConfig,
    private readonly clock: Clock,
  ) {
    super(options, storage, reflector);
    this.skipped = new RouteMetadata(reflector, SKIP_THROTTLE);
    this.isPublic = new RouteMetadata(reflector, IS_PUBLIC);
  }

  // The windows come from the caller's product (THROTTLE_PRODUCTS), not from the module's named throttlers.
  override onModuleInit(): Promise<void> {
    return Promise.resolve();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    if (!this.config.enabled || this.skipped.of(context)) {
      return true;
    }
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & { caller?: Caller } & RequestWithRateLimits>();
    const caller = this.isPublic.of(context) ? undefined : request.caller;
    const tracker = caller ? `${caller.kind}:${caller.clientId}` : `ip:${request.ip}`;
    const { states, retryAfter } = await this.consume(tracker, caller?.product ?? ANONYMOUS_PRODUCT);
    request.rateLimits = states;
    void http.getResponse<FastifyReply>().headers(limitOrThrow(states, retryAfter));
    return true;
  }

  /**
   * Throttles a route Nest's guards never see (the OpenAPI documents and Swagger UI, plain Fastify routes) in the
   * anonymous tier, per IP. Use as an onRequest hook.
   */
  readonly throttleAnonymous = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!this.config.enabled) {
      return;
    }
    const { states, retryAfter } = await this.consume(`ip:${request.ip}`, ANONYMOUS_PRODUCT);
    void reply.headers(limitOrThrow(states, retryAfter));
  };

  private async consume(
    tracker: string,
    product: string,
  ): Promise<{ states: RateLimitState[]; retryAfter: number }> {
    const windows = this.config.products[product] ?? this.config.products[DEFAULT_PRODUCT] ?? [];
    const now = this.clock.now();
    const states: RateLimitState[] = [];
    let retryAfter = 0;
    for (const w of windows) {
      const record = await this.storageService.increment(
        `${tracker}|${w.name}|${w.windowSeconds}`,
        w.windowSeconds * 1000,
        w.limit,
        0,
        w.name,
      );
      if (record.isBlocked) {
        retryAfter = Math.max(retryAfter, record.timeToBlockExpire);
      }
      states.push({
        name: w.name,
        limit: w.limit,
        windowSeconds: w.windowSeconds,
        remaining: Math.max(0, w.limit - record.totalHits),
        resetSeconds: record.timeToExpire,
        resetsAt: new Date(now + record.timeToExpire * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      });
    }
    return { states, retryAfter };
  }
}

/** The headers to send with an allowed request; throws the 429 for a refused one. */
function limitOrThrow(states: RateLimitState[], retryAfter: number): Record<string, string> {
  const shown = tightest(states);
  const headers = shown ? rateLimitHeaders(shown) : {};
  if (retryAfter > 0) {
    throw new TooManyRequestsError(retryAfter, headers);
  }
  return headers;
}
