import { ConfidentialClientApplication } from '@azure/msal-node';
import type { InnerApiSettings } from '../../config/inner-apis.config';
import { UpstreamUnavailableError } from '../http/upstream-errors';
import type { AccessToken, TokenSource } from './token-provider';

/**
 * Client credentials against a real Entra ID authority through msal-node. msal makes its own HTTPS calls (to the
 * authority's discovery and token endpoints); the guarded core covers the calls to the inner API itself.
 */
export class MsalTokenSource implements TokenSource {
  private readonly app: ConfidentialClientApplication;

  constructor(
    private readonly upstream: string,
    private readonly api: InnerApiSettings,
  ) {
    this.app = new ConfidentialClientApplication({
      auth: { clientId: api.clientId, clientSecret: api.clientSecret, authority: api.authority },
    });
  }

  async fetch(): Promise<AccessToken> {
    let result;
    try {
      result = await this.app.acquireTokenByClientCredential({ scopes: [this.api.scope] });
    } catch {
      // msal's errors quote the authority's text; callers and logs get ours.
      throw new UpstreamUnavailableError(this.upstream, 'credentials', 30);
    }
    if (!result?.accessToken) {
      throw new UpstreamUnavailableError(this.upstream, 'credentials', 30);
    }
    return { token: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? Date.now() + 300_000 };
  }
}
