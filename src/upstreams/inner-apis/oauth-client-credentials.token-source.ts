import { type UpstreamBase, upstreamBase } from '../http/upstream-base';
import type { UpstreamHttp } from '../http/upstream-http.service';
import { UpstreamBadResponseError, UpstreamUnavailableError } from '../http/upstream-errors';
import type { InnerApiSettings } from '../../config/inner-apis.config';
import type { AccessToken, TokenSource } from './token-provider';

/**
 * The OAuth2 client-credentials grant as a plain form POST, for loopback issuers only (the sandbox, tests):
 * msal-node refuses non-https authorities. Goes through the guarded core like every other outbound call.
 */
export class OAuthClientCredentialsTokenSource implements TokenSource {
  private readonly tokenEndpoint: UpstreamBase;

  constructor(
    private readonly http: UpstreamHttp,
    private readonly upstream: string,
    private readonly api: InnerApiSettings,
    private readonly now: () => number = Date.now,
  ) {
    this.tokenEndpoint = upstreamBase(api.tokenUrl!);
  }

  async fetch(signal?: AbortSignal): Promise<AccessToken> {
    const response = await this.http.request({
      upstream: this.upstream,
      operation: 'acquireToken',
      method: 'POST',
      origin: this.tokenEndpoint.origin,
      path: this.tokenEndpoint.basePath || '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.api.clientId,
        client_secret: this.api.clientSecret,
        scope: this.api.scope,
      }).toString(),
      signal,
    });
    if (response.status !== 200) {
      // A refused client is a configuration problem of ours; the caller can only wait for it to be fixed.
      throw new UpstreamUnavailableError(this.upstream, 'credentials', 60);
    }
    let body: { access_token?: unknown; expires_in?: unknown };
    try {
      body = JSON.parse(response.body.toString('utf8')) as typeof body;
    } catch {
      throw new UpstreamBadResponseError(this.upstream, 'bad-body');
    }
    const expiresIn = Number(body.expires_in);
    if (typeof body.access_token !== 'string' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new UpstreamBadResponseError(this.upstream, 'bad-body');
    }
    return { token: body.access_token, expiresAt: this.now() + expiresIn * 1000 };
  }
}
