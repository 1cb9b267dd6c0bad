import { randomBytes } from 'node:crypto';
import type { Clock } from '../common/clock';
import { ORGANISATIONS, type OrganisationRecord } from './data/organisations';
import { signJwt, verifyJwt } from './sandbox-jwt';

const LOCKOUT_WINDOW_MS = 5 * 60_000;
const LOCKOUT_MS = 5 * 60_000;
const MAX_FAILURES = 5;

export interface SessionUser {
  email: string;
  organisation: OrganisationRecord;
}

export interface VerifiedToken {
  user: SessionUser;
  /** issue sequence number, so a fault can treat tokens issued before a point in time as revoked */
  seq: number;
}

export type AuthFailure = { status: 401 | 423; message: string };

/**
 * Street Manager's session rules: ID/access tokens with a short life, a day-long refresh token that is not renewed,
 * logout kills every token of the user, five bad logins in five minutes lock the account for five minutes.
 */
export class SandboxAuth {
  private readonly secret = randomBytes(32).toString('hex');
  private readonly failures = new Map<string, number[]>();
  private readonly lockedUntil = new Map<string, number>();
  /** bumped on logout; tokens carry the generation they were issued in */
  private readonly generation = new Map<string, number>();
  private sequence = 0;

  constructor(
    private readonly tokenLifetimeSeconds: number,
    private readonly refreshLifetimeSeconds: number,
    private readonly issuer: string,
    private readonly clock: Clock,
  ) {}

  get currentSequence(): number {
    return this.sequence;
  }

  authenticate(
    email: string,
    password: string,
  ): { idToken: string; accessToken: string; refreshToken: string; user: SessionUser } | AuthFailure {
    const key = email.toLowerCase();
    const now = this.clock.now();
    const locked = this.lockedUntil.get(key);
    if (locked !== undefined && locked > now) {
      return { status: 423, message: 'User account is locked. Try again later' };
    }
    const org = ORGANISATIONS.find((o) => o.email.toLowerCase() === key);
    if (!org || org.password !== password) {
      const recent = (this.failures.get(key) ?? []).filter((t) => t > now - LOCKOUT_WINDOW_MS);
      recent.push(now);
      this.failures.set(key, recent);
      if (recent.length >= MAX_FAILURES) {
        this.lockedUntil.set(key, now + LOCKOUT_MS);
        this.failures.delete(key);
      }
      return { status: 401, message: 'Incorrect username or password' };
    }
    this.failures.delete(key);
    const user = { email: org.email, organisation: org };
    return { ...this.issue(user, true), user } as {
      idToken: string;
      accessToken: string;
      refreshToken: string;
      user: SessionUser;
    };
  }

  refresh(refreshToken: string): { idToken: string; accessToken: string } | undefined {
    const user = this.verifyAs(refreshToken, ['refresh'])?.user;
    return user ? this.issue(user, false) : undefined;
  }

  /** true when the access token was valid; all of that user's tokens stop working */
  logout(accessToken: string): boolean {
    const verified = this.verifyAs(accessToken, ['access', 'id']);
    if (!verified) {
      return false;
    }
    const key = verified.user.email.toLowerCase();
    this.generation.set(key, (this.generation.get(key) ?? 0) + 1);
    return true;
  }

  /** the `token` header of a data call: Street Manager takes the ID token; the access token works too */
  verify(token: string): VerifiedToken | undefined {
    return this.verifyAs(token, ['id', 'access']);
  }

  private verifyAs(token: string, uses: string[]): VerifiedToken | undefined {
    const claims = verifyJwt(token, this.secret, Math.floor(this.clock.now() / 1000));
    if (!claims || !uses.includes(String(claims.token_use))) {
      return undefined;
    }
    const email = String(claims.email).toLowerCase();
    const org = ORGANISATIONS.find((o) => o.email.toLowerCase() === email);
    if (!org || claims.gen !== (this.generation.get(email) ?? 0)) {
      return undefined;
    }
    return { user: { email: org.email, organisation: org }, seq: Number(claims.seq) };
  }

  private issue(
    user: SessionUser,
    withRefresh: boolean,
  ): { idToken: string; accessToken: string; refreshToken?: string } {
    const iat = Math.floor(this.clock.now() / 1000);
    const seq = ++this.sequence;
    const base = {
      iss: this.issuer,
      sub: user.email,
      email: user.email,
      'custom:swa_code': user.organisation.swaCode,
      'custom:organisation_type': user.organisation.type,
      gen: this.generation.get(user.email.toLowerCase()) ?? 0,
      seq,
      iat,
    };
    const exp = iat + this.tokenLifetimeSeconds;
    return {
      idToken: signJwt({ ...base, token_use: 'id', exp, jti: `${seq}-id` }, this.secret),
      accessToken: signJwt({ ...base, token_use: 'access', exp, jti: `${seq}-access` }, this.secret),
      ...(withRefresh
        ? {
            refreshToken: signJwt(
              {
                ...base,
                token_use: 'refresh',
                exp: iat + this.refreshLifetimeSeconds,
                jti: `${seq}-refresh`,
              },
              this.secret,
            ),
          }
        : {}),
    };
  }
}
