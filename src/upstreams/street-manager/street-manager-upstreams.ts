import {
  STREET_MANAGER_APIS,
  type StreetManagerApiName,
  type StreetManagerConfig,
} from '../../config/street-manager.config';
import { type UpstreamBase, upstreamBase } from '../http/upstream-base';
import type { UpstreamHttp } from '../http/upstream-http.service';

/** Each Street Manager API is its own upstream: one failing API opens its own breaker, not the others'. */
export function streetManagerUpstream(api: StreetManagerApiName): string {
  return `street-manager-${api}`;
}

export function registerStreetManagerUpstreams(http: UpstreamHttp, config: StreetManagerConfig): void {
  for (const api of STREET_MANAGER_APIS) {
    http.register(streetManagerUpstream(api), config.upstream);
  }
}

/** Each API's base URL split once, at boot, into the origin and the path prefix of its calls. */
export function streetManagerBases(
  baseUrls: Record<StreetManagerApiName, string>,
): Record<StreetManagerApiName, UpstreamBase> {
  return Object.fromEntries(STREET_MANAGER_APIS.map((api) => [api, upstreamBase(baseUrls[api])])) as Record<
    StreetManagerApiName,
    UpstreamBase
  >;
}
