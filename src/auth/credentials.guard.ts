import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import passport from 'passport';
import type { AccessLogFields } from '../common/logging';
import { RouteMetadata } from '../common/route-metadata';
import { type AuthConfig, authConfig } from '../config/auth.config';
import { challenge, SUBSCRIPTION_KEY_HEADER, UnauthorizedError } from './auth-errors';
import { AzureAdStrategy, bearerToken } from './azure-ad/azure-ad.strategy';
import type { Caller } from './caller';
import type { RequestWithCaller } from './current-caller.decorator';
import { IS_PUBLIC } from './public.decorator';
import { SubscriptionKeyStrategy } from './subscriptions/subscription-key.strategy';

type Strategy = passport.Strategy;

/** Query parameters that would carry a subscription key (APIM accepts `subscription-key`; we never do). */
const KEY_QUERY_PARAMETERS = new Set([
  'subscription-key',
  'subscription_key',
  'ocp-apim-subscription-key',
  'api-key',
  'api_key',
  'apikey',
]);

/**
 * Authenticates every route not marked @Public(): picks the passport strategy by the credential sent, sets
 * `request.caller` and the access log's client id. Permissions are checked later (PermissionsGuard), after throttling,
 * so refused attempts still count against the client.
 */
@Injectable()
export class CredentialsGuard implements CanActivate {
  private readonly bearerEnabled: boolean;
  private readonly isPublic: RouteMetadata<boolean>;

  constructor(
    reflector: Reflector,
    private readonly azureAd: AzureAdStrategy,
    private readonly subscriptionKey: SubscriptionKeyStrategy,
    @Inject(authConfig.KEY) config: AuthConfig,
  ) {
    this.bearerEnabled = config.azureAd !== undefined;
    this.isPublic = new RouteMetadata(reflector, IS_PUBLIC);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.isPublic.of(context)) {
      return true;
    }
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & RequestWithCaller>();
    this.refuseKeyInQuery(request);
    const strategy = this.strategyFor(request);
    // The key strategy's check is synchronous lookups: asked directly, it answers (or refuses) exactly as through
    // passport, without passport's per-request middleware and strategy copy. Bearer tokens go through passport.
    const caller =
      strategy === this.subscriptionKey
        ? await this.subscriptionKey.validate(request)
        : await this.authenticate(strategy, request, http.getResponse<FastifyReply>());
    request.caller = caller;
    (request.raw as AccessLogFields).clientId = caller.clientId;
    return true;
  }

  private strategyFor(request: FastifyRequest): Strategy {
    const authorization = request.headers.authorization;
    const key = request.headers['ocp-apim-subscription-key'];
    if (authorization !== undefined && key !== undefined) {
      throw this.unauthorized(`send either a bearer token or a subscription key, not both`);
    }
    if (key !== undefined) {
      return this.subscriptionKey;
    }
    if (authorization !== undefined) {
      if (!this.bearerEnabled) {
        throw this.unauthorized(
          `this gateway does not accept bearer tokens; send your subscription key in the ${SUBSCRIPTION_KEY_HEADER} header`,
        );
      }
      if (bearerToken(authorization) === undefined) {
        throw new UnauthorizedError(
          'the Authorization header must carry a Bearer token',
          challenge(true, 'invalid_token'),
        );
      }
      return this.azureAd;
    }
    throw this.unauthorized(
      this.bearerEnabled
        ? `credentials are missing: send a subscription key in the ${SUBSCRIPTION_KEY_HEADER} header or an Azure AD bearer token`
        : `credentials are missing: send a subscription key in the ${SUBSCRIPTION_KEY_HEADER} header`,
    );
  }

  private refuseKeyInQuery(request: FastifyRequest): void {
    const query = request.query;
    if (
      query &&
      typeof query === 'object' &&
      Object.keys(query).some((k) => KEY_QUERY_PARAMETERS.has(k.toLowerCase()))
    ) {
      // URLs end up in proxy logs and browser history; a key sent there must be treated as leaked, so say so plainly.
      throw this.unauthorized(
        `subscription keys are accepted only in the ${SUBSCRIPTION_KEY_HEADER} header, never in the query string; treat a key sent in a URL as leaked and rotate it`,
      );
    }
  }

  private unauthorized(message: string): UnauthorizedError {
    return new UnauthorizedError(message, challenge(this.bearerEnabled));
  }

  /** Runs one strategy through passport, on a per-request object so concurrent requests never share its action functions. */
  private authenticate(strategy: Strategy, request: FastifyRequest, reply: FastifyReply): Promise<Caller> {
    return new Promise<Caller>((resolve, reject) => {
      const perRequest = Object.create(strategy) as Strategy;
      const middleware = passport.authenticate(
        perRequest,
        { session: false },
        (err: unknown, user: Caller | false) => {
          if (err) {
            reject(err instanceof Error ? err : new Error('authentication failed'));
          } else if (!user) {
            reject(this.unauthorized('credentials are missing or not valid'));
          } else {
            resolve(user);
          }
        },
      ) as (req: unknown, res: unknown, next: (err?: unknown) => void) => void;
      middleware(request, reply, (err?: unknown) =>
        reject(err instanceof Error ? err : new Error('authentication failed')),
      );
    });
  }
}
