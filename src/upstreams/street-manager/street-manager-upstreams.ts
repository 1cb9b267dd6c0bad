import { STREET_MANAGER_APIS, type StreetManagerApiName, type StreetManagerConfig } from '../../config/street-manager.config';
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
