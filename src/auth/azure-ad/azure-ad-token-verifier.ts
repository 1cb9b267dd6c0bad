import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  createRemoteJWKSet,
  errors,
  type JWTHeaderParameters,
  jwtVerify,
  type FlattenedJWSInput,
  type JWTPayload,
  type KeyLike,
} from 'jose';
import { Clock } from '../../common/clock';
import { type AuthConfig, authConfig, type AzureAdSettings } from '../../config/auth.config';
import { challenge, KeysUnavailableError, UnauthorizedError } from '../auth-errors';
import type { Caller } from '../caller';
import { ALL_PERMISSIONS, type Permission } from '../permissions';

/** jose errors that say the token is bad; anything else (timeouts, a key endpoint down) says we could not check it. */
const TOKEN_FAULTS = new Set<string>([
  errors.JOSEAlgNotAllowed.code,
  errors.JOSENotSupported.code,
  errors.JWSInvalid.code,
  errors.JWTInvalid.code,
  errors.JWSSignatureVerificationFailed.code,
  errors.JWTClaimValidationFailed.code,
  errors.JWTExpired.code,
  errors.JWKSNoMatchingKey.code,
  errors.JWKSMultipleMatchingKeys.code,
]);

type AzureAdClaims = JWTPayload & {
  tid?: unknown;
  azp?: unknown;
  appid?: unknown;
  oid?: unknown;
  name?: unknown;
  roles?: unknown;
  scp?: unknown;
};

/** Verified tokens are remembered this long at most (and never past their exp), so a key withdrawn from the JWKS stops working soon. */
const REMEMBER_MS = 60_000;
const REMEMBER_MAX = 5_000;

const asString = (v: unknown): string | undefined =>
  typeof v === 'string' && v.length > 0 && v.length <= 200 ? v : undefined;

/**
 * Validates Entra ID access tokens with jose against the tenant's JWKS. The key set is cached and refetched when a
 * token names an unknown `kid`, but at most once per cooldown, so a flood of made-up kids cannot hammer the key
 * endpoint; a key rotated in at Entra ID is picked up without a restart.
 */
@Injectable()
export class AzureAdTokenVerifier {
  private readonly logger = new Logger('AzureAd');
  private readonly settings?: AzureAdSettings;
  private readonly jwks?: ReturnType<typeof createRemoteJWKSet>;
  /** when the key set was last fetched, on the injected clock */
  private keysFetchedAt = Number.NEGATIVE_INFINITY;
  /** An RS256 verification costs tens of microseconds; a client sends the same token for up to an hour. */
  private readonly verified = new Map<string, { caller: Caller; until: number }>();

  constructor(
    @Inject(authConfig.KEY) config: AuthConfig,
    private readonly clock: Clock,
  ) {
    this.settings = config.azureAd;
    if (this.settings) {
      this.jwks = createRemoteJWKSet(new URL(this.settings.jwksUri), {
        // jose's own cooldown reads Date.now(); `key` below keeps it on the injected clock instead.
        cooldownDuration: Number.MAX_SAFE_INTEGER,
        cacheMaxAge: this.settings.jwksCacheMaxAgeMs,
        timeoutDuration: 5_000,
      });
    }
  }

  get enabled(): boolean {
    return this.settings !== undefined;
  }

  async verify(token: string): Promise<Caller> {
    const settings = this.settings;
    if (!settings || !this.jwks) {
      throw new UnauthorizedError(
        'this gateway does not accept bearer tokens; send a subscription key',
        challenge(false),
      );
    }
    const now = this.clock.now();
    const remembered = this.verified.get(token);
    if (remembered && remembered.until > now) {
      return remembered.caller;
    }
    let payload: AzureAdClaims;
    try {
      ({ payload } = await jwtVerify<AzureAdClaims>(token, this.key, {
        currentDate: new Date(now),
        algorithms: ['RS256'],
        issuer: settings.issuer,
        audience: settings.audience,
        clockTolerance: settings.clockSkewSeconds,
        requiredClaims: ['exp', 'tid'],
      }));
    } catch (e) {
      throw this.refusal(e);
    }
    const clientId = asString(payload.azp) ?? asString(payload.appid);
    if (payload.tid !== settings.tenantId || !clientId) {
      this.logger.warn(
        { reason: payload.tid !== settings.tenantId ? 'tenant' : 'no azp/appid' },
        'bearer token refused',
      );
      throw invalidToken();
    }
    const caller = this.callerOf(payload, clientId, settings);
    this.remember(token, caller, Math.min((payload.exp ?? 0) * 1000, now + REMEMBER_MS), now);
    return caller;
  }

  /** The signing key; an unknown kid refetches the key set, at most once per cooldown. */
  private readonly key = async (header: JWTHeaderParameters, input: FlattenedJWSInput): Promise<KeyLike> => {
    const jwks = this.jwks!;
    const fetches = !jwks.fresh; // jose fetches on first use and once the cache is older than its max age
    try {
      return await jwks(header, input);
    } catch (e) {
      // a key set fetched by this very call is as fresh as it gets
      if (
        !(e instanceof errors.JWKSNoMatchingKey) ||
        fetches ||
        this.clock.now() < this.keysFetchedAt + this.settings!.jwksCooldownMs
      ) {
        throw e;
      }
      this.keysFetchedAt = this.clock.now();
      await jwks.reload();
      return await jwks(header, input);
    } finally {
      if (fetches) {
        this.keysFetchedAt = this.clock.now();
      }
    }
  };

  private remember(token: string, caller: Caller, until: number, now: number): void {
    if (until <= now) {
      return;
    }
    if (this.verified.size >= REMEMBER_MAX) {
      // Maps iterate in insertion order: drop the oldest entry, expired or not.
      const oldest = this.verified.keys().next();
      if (!oldest.done) {
        this.verified.delete(oldest.value);
      }
    }
    this.verified.set(token, { caller, until });
  }

  private callerOf(payload: AzureAdClaims, clientId: string, settings: AzureAdSettings): Caller {
    const client = settings.clients[clientId];
    const granted = new Set<string>(
      Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [],
    );
    if (settings.allowDelegated && typeof payload.scp === 'string') {
      payload.scp.split(' ').forEach((s) => granted.add(s));
    }
    const name = client?.name ?? clientId;
    // Frozen: the same caller object is handed to every request that presents this token.
    return Object.freeze({
      clientId,
      kind: 'azure-ad',
      name,
      product: client?.product ?? settings.defaultProduct,
      permissions: Object.freeze(ALL_PERMISSIONS.filter((p: Permission) => granted.has(p))) as Permission[],
      organisation: client?.organisation,
      userIdentifier: asString(payload.oid) ?? asString(payload.sub) ?? clientId,
      userName: asString(payload.name) ?? name,
    });
  }

  private refusal(e: unknown): Error {
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && TOKEN_FAULTS.has(code)) {
      // Which check failed is for operators; the caller learns only that the token was refused.
      this.logger.warn({ reason: code, claim: (e as { claim?: string }).claim }, 'bearer token refused');
      return invalidToken();
    }
    this.logger.error(
      { reason: typeof code === 'string' ? code : 'fetch failed' },
      'the tenant signing keys could not be fetched',
    );
    return new KeysUnavailableError();
  }
}

function invalidToken(): UnauthorizedError {
  return new UnauthorizedError('the bearer token is not valid', challenge(true, 'invalid_token'));
}
