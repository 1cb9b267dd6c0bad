/** A Street Manager session for one credential, as kept between calls. */
export interface SessionTokens {
  /** sent as the `token` header on every data call */
  idToken: string;
  /** needed for logout */
  accessToken: string;
  refreshToken: string;
  /** epoch ms, from the id token's `exp` */
  idTokenExpiresAt: number;
  /** epoch ms; after this only a full sign-in helps */
  refreshTokenExpiresAt: number;
  obtainedAt: number;
  via: 'authenticate' | 'refresh' | 'reauthenticate';
}

/**
 * Where sessions live: MemorySessionStore for one instance, RedisSessionStore to let N instances share one sign-in
 * per credential (its `withLock` is a distributed lock).
 */
export interface SessionStore {
  /** true when other instances share these sessions: then one instance's shutdown must not log them out */
  readonly shared: boolean;
  get(credentialId: string): Promise<SessionTokens | undefined>;
  set(credentialId: string, tokens: SessionTokens | undefined): Promise<void>;
  /** runs `fn` while holding the credential's lock, so only one sign-in or refresh per credential runs at a time */
  withLock<T>(credentialId: string, fn: () => Promise<T>): Promise<T>;
  /** every credential that currently has a session, for logout at shutdown */
  credentialIds(): Promise<string[]>;
  /**
   * A refused sign-in, kept until its cool-down ends. Shared like the sessions: five failed sign-ins in five minutes
   * lock the organisation's account, so N instances must not each try a refused credential once.
   */
  getRefusal(credentialId: string): Promise<StoredRefusal | undefined>;
  setRefusal(credentialId: string, refusal: StoredRefusal): Promise<void>;
}

export interface StoredRefusal {
  /** why Street Manager refused the sign-in, e.g. 'bad-credentials' or 'locked' */
  reason: string;
  /** epoch ms; no sign-in is tried for this credential before then */
  blockedUntil: number;
}

export const SESSION_STORE = Symbol('SESSION_STORE');
