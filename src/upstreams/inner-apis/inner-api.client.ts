import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';
import { Clock } from '../../common/clock';
import type { InnerApiSettings } from '../../config/inner-apis.config';
import { HealthRegistry } from '../../health/health-registry';
import { type UpstreamBase, upstreamBase } from '../http/upstream-base';
import { UpstreamHttp, type UpstreamResponse } from '../http/upstream-http.service';
import type { HttpMethod, UpstreamSettings } from '../http/upstream-settings';
import { INNER_APIS } from './inner-apis-endpoints';
import { MsalTokenSource } from './msal.token-source';
import { OAuthClientCredentialsTokenSource } from './oauth-client-credentials.token-source';
import { CachedTokenProvider, type TokenProvider } from './token-provider';

export interface InnerApiRequest {
  method: HttpMethod;
  /** relative to the API's base URL, already encoded: `/works/${encodeURIComponent(wrn)}` */
  path: string;
  operation: string;
  body?: object;
  signal?: AbortSignal;
}

export interface InnerApiResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Registered {
  settings: InnerApiSettings;
  base: UpstreamBase;
  upstream: string;
  tokens: TokenProvider;
}

/** Inner APIs are less critical than Street Manager; modest, explicit guards per API. */
function guards(api: InnerApiSettings): UpstreamSettings {
  return {
    connectTimeoutMs: api.connectTimeoutMs,
    headersTimeoutMs: api.timeoutMs,
    bodyTimeoutMs: api.timeoutMs,
    totalTimeoutMs: api.totalTimeoutMs,
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, budgetRatio: 0.2 },
    breaker: { consecutiveFailures: 5, halfOpenAfterMs: 10_000 },
    bulkhead: { maxConcurrent: 32, maxQueue: 128 },
    maxResponseBytes: 4 * 1024 * 1024,
  };
}

/**
 * Calls to the organisation's inner APIs: a client-credentials bearer token per API (cached, renewed before expiry,
 * one fetch at a time), the guarded core for the call, one token renewal on a 401. Status and body come back raw;
 * the typed client per inner API (e.g. WorksRegisterClient) reads them.
 */
@Injectable()
export class InnerApiClient implements OnModuleInit {
  private readonly apis = new Map<string, Registered>();

  constructor(
    @Inject(INNER_APIS) apis: InnerApiSettings[],
    private readonly http: UpstreamHttp,
    private readonly health: HealthRegistry,
    clock: Clock,
  ) {
    for (const settings of apis) {
      const upstream = `inner-${settings.name}`;
      http.register(upstream, guards(settings));
      // The token endpoint is its own upstream: an issuer outage must not open the API's breaker, nor the reverse.
      http.register(`${upstream}-token`, {
        ...guards(settings),
        retry: { ...guards(settings).retry, maxAttempts: 1 },
      });
      const source = settings.authority
        ? new MsalTokenSource(`${upstream}-token`, settings)
        : new OAuthClientCredentialsTokenSource(http, `${upstream}-token`, settings, () => clock.now());
      this.apis.set(settings.name, {
        settings,
        base: upstreamBase(settings.baseUrl),
        upstream,
        tokens: new CachedTokenProvider(source, undefined, () => clock.now()),
      });
    }
  }

  onModuleInit(): void {
    for (const { settings, base, upstream } of this.apis.values()) {
      if (!settings.healthPath) {
        continue;
      }
      this.health.register(`inner-api-${settings.name}`, async (signal) => {
        const response = await this.http.request({
          upstream,
          operation: 'health',
          method: 'GET',
          origin: base.origin,
          path: base.basePath + settings.healthPath,
          signal,
        });
        if (response.status !== 200) {
          throw new Error(`health answered ${response.status}`);
        }
      });
    }
  }

  /** SWA codes of the organisations whose data the API holds (its `organisations` setting). */
  organisationsOf(name: string): readonly string[] {
    return this.apis.get(name)?.settings.organisations ?? [];
  }

  has(name: string): boolean {
    return this.apis.has(name);
  }

  async request(name: string, req: InnerApiRequest): Promise<InnerApiResponse> {
    const api = this.apis.get(name);
    if (!api) {
      throw new Error(`inner API ${name} is not configured`);
    }
    const token = await api.tokens.getToken(req.signal);
    let response = await this.send(api, req, token);
    if (response.status === 401) {
      api.tokens.invalidate(token);
      response = await this.send(api, req, await api.tokens.getToken(req.signal));
    }
    return response;
  }

  private send(api: Registered, req: InnerApiRequest, token: string): Promise<UpstreamResponse> {
    const body = req.body === undefined ? undefined : JSON.stringify(req.body);
    return this.http.request({
      upstream: api.upstream,
      operation: req.operation,
      method: req.method,
      origin: api.base.origin,
      path: api.base.basePath + req.path,
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body,
      signal: req.signal,
    });
  }
}
