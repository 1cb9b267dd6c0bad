export interface AccessToken {
  token: string;
  /** epoch ms */
  expiresAt: number;
}

/** Where an access token comes from: msal-node for Entra ID, a plain OAuth2 POST for a loopback test issuer. */
export interface TokenSource {
  fetch(signal?: AbortSignal): Promise<AccessToken>;
}

/** A bearer token for one inner API, cached and renewed before it expires. */
export interface TokenProvider {
  getToken(signal?: AbortSignal): Promise<string>;
  /** forgets `token` (after a 401), so the next getToken fetches a new one */
  invalidate(token: string): void;
}

/**
 * Caches the token until shortly before expiry (a fifth of its lifetime, at most five minutes) and shares one
 * in-flight fetch between concurrent callers, so a burst at expiry costs the issuer one request.
 */
export class CachedTokenProvider implements TokenProvider {
  private current?: AccessToken & { renewAt: number };
  private inflight?: Promise<string>;

  constructor(
    private readonly source: TokenSource,
    private readonly maxRenewBeforeMs = 300_000,
    private readonly now: () => number = Date.now,
  ) {}

  getToken(signal?: AbortSignal): Promise<string> {
    if (this.current && this.now() < this.current.renewAt) {
      return Promise.resolve(this.current.token);
    }
    this.inflight ??= this.source
      .fetch(signal)
      .then((fresh) => {
        const lifetime = Math.max(0, fresh.expiresAt - this.now());
        this.current = { ...fresh, renewAt: fresh.expiresAt - Math.min(this.maxRenewBeforeMs, lifetime / 5) };
        return fresh.token;
      })
      .finally(() => {
        this.inflight = undefined;
      });
    return this.inflight;
  }

  invalidate(token: string): void {
    if (this.current?.token === token) {
      this.current = undefined;
    }
  }
}
