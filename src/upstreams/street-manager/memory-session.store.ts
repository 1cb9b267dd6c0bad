import type { SessionStore, SessionTokens, StoredRefusal } from './session.store';

/** Sessions of this instance only: the default without REDIS_URL, and RedisSessionStore's local fallback. */
export class MemorySessionStore implements SessionStore {
  readonly shared = false;
  private readonly sessions = new Map<string, SessionTokens>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly refusals = new Map<string, StoredRefusal>();

  constructor(private readonly now: () => number = Date.now) {}

  get(credentialId: string): Promise<SessionTokens | undefined> {
    return Promise.resolve(this.sessions.get(credentialId));
  }

  set(credentialId: string, tokens: SessionTokens | undefined): Promise<void> {
    if (tokens) {
      this.sessions.set(credentialId, tokens);
    } else {
      this.sessions.delete(credentialId);
    }
    return Promise.resolve();
  }

  async withLock<T>(credentialId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(credentialId) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(fn);
    const tail = run.catch(() => undefined);
    this.locks.set(credentialId, tail);
    try {
      return await run;
    } finally {
      if (this.locks.get(credentialId) === tail) {
        this.locks.delete(credentialId);
      }
    }
  }

  credentialIds(): Promise<string[]> {
    return Promise.resolve([...this.sessions.keys()]);
  }

  getRefusal(credentialId: string): Promise<StoredRefusal | undefined> {
    const refusal = this.refusals.get(credentialId);
    return Promise.resolve(refusal && refusal.blockedUntil > this.now() ? refusal : undefined);
  }

  setRefusal(credentialId: string, refusal: StoredRefusal): Promise<void> {
    this.refusals.set(credentialId, refusal);
    return Promise.resolve();
  }
}
