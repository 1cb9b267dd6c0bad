import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnModuleInit,
} from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import { Clock } from '../../common/clock';
import {
  type StreetManagerConfig,
  type StreetManagerCredential,
  streetManagerConfig,
} from '../../config/street-manager.config';
import { HealthRegistry } from '../../health/health-registry';
import { MetricsService } from '../../metrics/metrics.service';
import { fullJitterDelayMs } from '../http/backoff';
import { TokenBucket } from '../http/token-bucket';
import {
  UpstreamBadResponseError,
  UpstreamForbiddenError,
  UpstreamUnavailableError,
  isBusyFailure,
} from '../http/upstream-errors';
import type { UpstreamBase } from '../http/upstream-base';
import { UpstreamHttp, type UpstreamResponse } from '../http/upstream-http.service';
import { jwtTimes } from './jwt-expiry';
import { SESSION_STORE, type SessionStore, type SessionTokens } from './session.store';
import { STREET_MANAGER_ENDPOINTS, type StreetManagerEndpoints } from './street-manager-endpoints';
import {
  registerStreetManagerUpstreams,
  streetManagerBases,
  streetManagerUpstream,
} from './street-manager-upstreams';

/** What one data call needs from its session: the id token to send and the credential's pacer. */
export interface SessionContext {
  credentialId: string;
  token: string;
  pacer: TokenBucket;
}

type Refusal = 'bad-credentials' | 'locked' | 'suspended' | 'password-change-required';

interface CredentialState {
  refusal?: Refusal;
  /** no sign-in is tried before this (epoch ms): each failed sign-in brings the account closer to a lock */
  blockedUntil?: number;
  lastProblem?: string;
}

const REFUSALS: Record<number, Refusal> = {
  401: 'bad-credentials',
  423: 'locked',
  412: 'suspended',
  307: 'password-change-required',
};
const REFUSAL_TEXT: Record<Refusal, string> = {
  'bad-credentials': 'Street Manager rejected the email or password (401)',
  locked: 'the Street Manager account is locked after too many failed sign-ins (423)',
  suspended: "the organisation's Street Manager account is suspended (412)",
  'password-change-required':
    'the Street Manager account still has a temporary password that must be changed (307)',
};
/** a token refreshed this close to the refresh token's own end would outlive it; sign in afresh instead */
const REFRESH_TOKEN_MARGIN_MS = 60_000;
/** a 401 this soon after a re-authentication is a permission refusal, not a stale token */
const REAUTH_MIN_INTERVAL_MS = 10_000;
const DAY_MS = 86_400_000;

/**
 * Street Manager sessions, one per credential, as its integration guide asks: sign in once, reuse the id token until
 * shortly before it expires, refresh with the refresh token, sign in again when refreshing fails, back off only on
 * busy answers and never retry a refused sign-in (five failures in five minutes lock the organisation's account).
 * Concurrent callers share one in-flight sign-in or refresh.
 */
@Injectable()
export class StreetManagerSessions implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('StreetManagerSession');
  private readonly byId = new Map<string, StreetManagerCredential>();
  private readonly byOrganisation = new Map<string, StreetManagerCredential>();
  private readonly pacers = new Map<string, TokenBucket>();
  private readonly states = new Map<string, CredentialState>();
  private readonly inflight = new Map<string, Promise<SessionTokens | undefined>>();
  private readonly bases: Record<'work' | 'party', UpstreamBase>;

  constructor(
    @Inject(streetManagerConfig.KEY) private readonly config: StreetManagerConfig,
    @Inject(STREET_MANAGER_ENDPOINTS) private readonly endpoints: StreetManagerEndpoints,
    @Inject(SESSION_STORE) private readonly store: SessionStore,
    private readonly http: UpstreamHttp,
    private readonly health: HealthRegistry,
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {
    registerStreetManagerUpstreams(http, config);
    this.bases = streetManagerBases(endpoints.baseUrls);
    for (const c of endpoints.credentials) {
      this.byId.set(c.id, c);
      if (c.organisation && !this.byOrganisation.has(c.organisation)) {
        this.byOrganisation.set(c.organisation, c);
      }
      this.pacers.set(
        c.id,
        new TokenBucket(
          config.pacer.ratePerSecond,
          config.pacer.burst,
          () => clock.now(),
          config.pacer.maxWaitMs,
        ),
      );
      this.states.set(c.id, {});
    }
  }

  onModuleInit(): void {
    this.health.register('street-manager-session', () => this.healthOfAll());
  }

  /**
   * Runs one data call with the caller's session. After a 401 it signs in again once and repeats the call; a second
   * 401, or one just after a sign-in, is Street Manager refusing this call (it uses 401 for both), so a 403.
   */
  async withSession(
    caller: Pick<Caller, 'organisation'> | undefined,
    send: (session: SessionContext) => Promise<UpstreamResponse>,
  ): Promise<UpstreamResponse> {
    const credential = this.credentialFor(caller);
    const pacer = this.pacers.get(credential.id)!;
    const session = await this.session(credential);
    const response = await send({ credentialId: credential.id, token: session.idToken, pacer });
    if (response.status !== 401) {
      return response;
    }
    const renewed = await this.reauthenticate(credential, session.idToken);
    if (!renewed) {
      throw streetManagerForbidden();
    }
    const retried = await send({ credentialId: credential.id, token: renewed.idToken, pacer });
    if (retried.status === 401) {
      throw streetManagerForbidden();
    }
    return retried;
  }

  /** The credential a caller's calls use: its organisation's, else the default. */
  private credentialFor(caller?: Pick<Caller, 'organisation'>): StreetManagerCredential {
    const organisation = caller?.organisation?.padStart(4, '0');
    if (organisation) {
      const bound = this.byOrganisation.get(organisation);
      if (!bound) {
        throw new UpstreamForbiddenError(
          `the gateway is not set up to act in Street Manager for organisation ${organisation}`,
        );
      }
      return bound;
    }
    const fallback = this.byId.get(this.endpoints.defaultCredentialId);
    if (!fallback) {
      throw new UpstreamUnavailableError('street-manager', 'credentials', 60);
    }
    return fallback;
  }

  /** A session whose id token Street Manager will still accept for a while. */
  private async session(credential: StreetManagerCredential): Promise<SessionTokens> {
    const current = await this.store.get(credential.id);
    if (current && this.clock.now() < this.renewAt(current)) {
      return current;
    }
    return this.singleFlight(`${credential.id}:renew`, () => this.renew(credential));
  }

  /**
   * After a data call got 401 with `staleIdToken`: signs in again once and returns the new session, or undefined
   * when the gateway has only just signed in, so the 401 is a refusal of this call.
   */
  private reauthenticate(
    credential: StreetManagerCredential,
    staleIdToken: string,
  ): Promise<SessionTokens | undefined> {
    return this.singleFlight(`${credential.id}:401:${staleIdToken.slice(-16)}`, () =>
      this.store.withLock(credential.id, async () => {
        const current = await this.store.get(credential.id);
        if (current && current.idToken !== staleIdToken) {
          return current;
        }
        if (
          current?.via === 'reauthenticate' &&
          this.clock.now() - current.obtainedAt < REAUTH_MIN_INTERVAL_MS
        ) {
          return undefined;
        }
        this.logger.log(
          { credential: credential.id },
          'Street Manager answered 401 to a data call: signing in again once',
        );
        const fresh = await this.authenticate(credential, 'reauthenticate');
        await this.store.set(credential.id, fresh);
        return fresh;
      }),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    // Logout kills every token of the user; with a shared store other instances still use them.
    if (this.store.shared) {
      return;
    }
    const ids = await this.store.credentialIds();
    await Promise.all(
      ids.map(async (id) => {
        const tokens = await this.store.get(id);
        if (!tokens) {
          return;
        }
        try {
          const response = await this.post(
            this.byId.get(id)!,
            'party',
            '/logout',
            'logout',
            { access_token: tokens.accessToken },
            tokens.idToken,
          );
          this.logger.log({ credential: id, status: response.status }, 'signed out of Street Manager');
        } catch (e) {
          this.logger.warn(
            { credential: id, reason: (e as { reason?: string }).reason },
            'could not sign out of Street Manager',
          );
        }
        await this.store.set(id, undefined);
      }),
    );
  }

  private renewAt(tokens: SessionTokens): number {
    const lifetime = tokens.idTokenExpiresAt - tokens.obtainedAt;
    return tokens.idTokenExpiresAt - Math.min(this.config.session.renewBeforeSeconds * 1000, lifetime / 5);
  }

  private singleFlight<T extends SessionTokens | undefined>(key: string, work: () => Promise<T>): Promise<T> {
    const existing = this.inflight.get(key);
    if (existing) {
      return existing as Promise<T>;
    }
    const running = work().finally(() => this.inflight.delete(key));
    this.inflight.set(key, running);
    return running;
  }

  private renew(credential: StreetManagerCredential): Promise<SessionTokens> {
    return this.store.withLock(credential.id, async () => {
      const current = await this.store.get(credential.id);
      if (current && this.clock.now() < this.renewAt(current)) {
        return current;
      }
      let renewed: SessionTokens | undefined;
      if (current && this.clock.now() < current.refreshTokenExpiresAt - REFRESH_TOKEN_MARGIN_MS) {
        renewed = await this.refresh(credential, current).catch((e: unknown) => {
          this.logger.log(
            { credential: credential.id, reason: (e as { reason?: string }).reason },
            'token refresh failed: signing in again',
          );
          return undefined;
        });
      }
      try {
        renewed ??= await this.authenticate(credential, 'authenticate');
      } catch (e) {
        // Riding out a sign-in outage on a token that Street Manager still accepts beats failing every caller.
        if (current && this.clock.now() < current.idTokenExpiresAt - 5_000) {
          this.logger.warn(
            { credential: credential.id },
            'could not renew the Street Manager session; using the current token until it expires',
          );
          return current;
        }
        throw e;
      }
      await this.store.set(credential.id, renewed);
      return renewed;
    });
  }

  private async refresh(credential: StreetManagerCredential, current: SessionTokens): Promise<SessionTokens> {
    const response = await this.post(
      credential,
      'party',
      '/refresh',
      'refreshToken',
      { refresh_token: current.refreshToken },
      current.idToken,
    );
    const body = response.status === 200 ? parseObject(response.body) : undefined;
    const idToken = body?.id_token;
    const accessToken = body?.access_token;
    if (typeof idToken !== 'string' || typeof accessToken !== 'string') {
      this.metrics.upstreamAuthentications.inc({
        credential: credential.id,
        kind: 'refresh',
        result: `status_${response.status}`,
      });
      throw new UpstreamBadResponseError('street-manager-party', 'bad-status');
    }
    this.metrics.upstreamAuthentications.inc({ credential: credential.id, kind: 'refresh', result: 'ok' });
    this.logger.debug({ credential: credential.id }, 'Street Manager session refreshed');
    return { ...current, ...this.lifetimes(idToken), idToken, accessToken, via: 'refresh' };
  }

  private async authenticate(
    credential: StreetManagerCredential,
    via: 'authenticate' | 'reauthenticate',
  ): Promise<SessionTokens> {
    await this.assertMaySignIn(credential);
    const { authAttempts, authBaseDelayMs, authMaxDelayMs } = this.config.session;
    for (let attempt = 1; ; attempt++) {
      let response: UpstreamResponse;
      try {
        response = await this.post(credential, 'work', '/authenticate', 'authenticate', {
          emailAddress: credential.email,
          password: credential.password,
        });
      } catch (e) {
        // Only "busy" answers are worth another try; each try is one sign-in against the lockout count otherwise.
        if (!isBusyFailure(e) || attempt >= authAttempts) {
          this.metrics.upstreamAuthentications.inc({
            credential: credential.id,
            kind: 'authenticate',
            result: 'unavailable',
          });
          this.state(credential).lastProblem = 'Street Manager did not answer the sign-in';
          throw e;
        }
        const retryAfterMs =
          e instanceof UpstreamUnavailableError && e.reason === 'throttled' ? e.retryAfterSeconds * 1000 : 0;
        await this.clock.sleep(
          Math.max(retryAfterMs, fullJitterDelayMs(attempt - 1, authBaseDelayMs, authMaxDelayMs)),
        );
        continue;
      }
      const refusal = REFUSALS[response.status];
      if (refusal) {
        await this.refuse(credential, refusal);
      }
      const body = response.status === 200 ? parseObject(response.body) : undefined;
      const { idToken, accessToken, refreshToken } = body ?? {};
      if (
        typeof idToken !== 'string' ||
        typeof accessToken !== 'string' ||
        typeof refreshToken !== 'string'
      ) {
        this.metrics.upstreamAuthentications.inc({
          credential: credential.id,
          kind: 'authenticate',
          result: `status_${response.status}`,
        });
        throw new UpstreamBadResponseError('street-manager-work', 'bad-status');
      }
      this.metrics.upstreamAuthentications.inc({
        credential: credential.id,
        kind: 'authenticate',
        result: 'ok',
      });
      const state = this.state(credential);
      state.refusal = undefined;
      state.blockedUntil = undefined;
      state.lastProblem = undefined;
      this.logger.log({ credential: credential.id }, 'signed in to Street Manager');
      const now = this.clock.now();
      const refreshExp = jwtTimes(refreshToken).exp;
      return {
        idToken,
        accessToken,
        refreshToken,
        ...this.lifetimes(idToken),
        refreshTokenExpiresAt: refreshExp ?? now + DAY_MS,
        via,
      };
    }
  }

  private lifetimes(idToken: string): { idTokenExpiresAt: number; obtainedAt: number } {
    const now = this.clock.now();
    const { exp } = jwtTimes(idToken);
    // No readable exp: assume Street Manager's documented hour rather than reusing the token forever.
    return { idTokenExpiresAt: exp ?? now + 3_600_000, obtainedAt: now };
  }

  private async refuse(credential: StreetManagerCredential, refusal: Refusal): Promise<never> {
    const state = this.state(credential);
    const cooldownMs = this.config.session.credentialsFailureCooldownSeconds * 1000;
    state.refusal = refusal;
    state.blockedUntil = this.clock.now() + cooldownMs;
    await this.store.setRefusal(credential.id, { reason: refusal, blockedUntil: state.blockedUntil });
    state.lastProblem = REFUSAL_TEXT[refusal];
    this.metrics.upstreamAuthentications.inc({
      credential: credential.id,
      kind: 'authenticate',
      result: refusal,
    });
    this.logger.error(
      { credential: credential.id, refusal, retryNotBefore: new Date(state.blockedUntil).toISOString() },
      `Street Manager refused the gateway's sign-in: ${REFUSAL_TEXT[refusal]}. No further sign-in is tried for this credential until the cool-down ends; check the credentials.`,
    );
    throw new UpstreamUnavailableError('street-manager', 'credentials', cooldownMs / 1000);
  }

  /** Refusals are shared through the store, so another instance's refused sign-in blocks this one too. */
  private async assertMaySignIn(credential: StreetManagerCredential): Promise<void> {
    const state = this.state(credential);
    const shared = await this.store.getRefusal(credential.id);
    if (shared && (!state.blockedUntil || state.blockedUntil < shared.blockedUntil)) {
      state.refusal = (shared.reason in REFUSAL_TEXT ? shared.reason : 'bad-credentials') as Refusal;
      state.blockedUntil = shared.blockedUntil;
      state.lastProblem = REFUSAL_TEXT[state.refusal];
    }
    if (state.blockedUntil && this.clock.now() < state.blockedUntil) {
      throw new UpstreamUnavailableError(
        'street-manager',
        'credentials',
        (state.blockedUntil - this.clock.now()) / 1000,
      );
    }
  }

  private state(credential: StreetManagerCredential): CredentialState {
    let state = this.states.get(credential.id);
    if (!state) {
      state = {};
      this.states.set(credential.id, state);
    }
    return state;
  }

  /** One entry for every credential: down, naming each refused credential and why, when any sign-in was refused. */
  private async healthOfAll(): Promise<Record<string, unknown>> {
    const credentials: Record<string, string> = {};
    const refused: string[] = [];
    for (const id of this.byId.keys()) {
      const state = this.states.get(id) ?? {};
      if (state.refusal && state.blockedUntil && this.clock.now() < state.blockedUntil) {
        refused.push(
          `credential ${id}: ${REFUSAL_TEXT[state.refusal]}; next sign-in not before ${new Date(state.blockedUntil).toISOString()}`,
        );
        continue;
      }
      credentials[id] = (await this.store.get(id)) ? 'signed in' : (state.lastProblem ?? 'not signed in yet');
    }
    if (refused.length > 0) {
      throw new Error(refused.join('; '));
    }
    return { credentials };
  }

  private post(
    credential: StreetManagerCredential,
    api: 'work' | 'party',
    path: string,
    operation: string,
    body: object,
    token?: string,
  ): Promise<UpstreamResponse> {
    return this.http.request({
      upstream: streetManagerUpstream(api),
      operation,
      method: 'POST',
      origin: this.bases[api].origin,
      path: this.bases[api].basePath + path,
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(token ? { token } : {}),
      },
      body: JSON.stringify(body),
      pacer: this.pacers.get(credential.id),
    });
  }
}

export function streetManagerForbidden(): UpstreamForbiddenError {
  return new UpstreamForbiddenError('Street Manager does not allow this for your organisation');
}

function parseObject(body: Buffer): Record<string, unknown> | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}
