import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { STREET_MANAGER_APIS } from '../../config/street-manager.config';
import { HealthRegistry } from '../../health/health-registry';
import { UpstreamHttp } from '../http/upstream-http.service';
import { precompile } from './contract/street-manager-contract';
import { STREET_MANAGER_ENDPOINTS, type StreetManagerEndpoints } from './street-manager-endpoints';
import { STREET_MANAGER_OPERATIONS } from './street-manager-operations';
import { streetManagerBases, streetManagerUpstream } from './street-manager-upstreams';

/**
 * Answer checks compiled at boot, health checks for every Street Manager API's `/status`, and the shutdown order that logout needs: sessions sign
 * out in beforeApplicationShutdown, then the pools close, then (if we started it) the sandbox.
 */
@Injectable()
export class StreetManagerLifecycle implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('StreetManager');

  constructor(
    @Inject(STREET_MANAGER_ENDPOINTS) private readonly endpoints: StreetManagerEndpoints,
    private readonly http: UpstreamHttp,
    private readonly health: HealthRegistry,
  ) {}

  onModuleInit(): void {
    // Each operation's answer check compiles once per process, here rather than on a caller's first request
    // (the Work API's WorkResponse alone takes about a second).
    for (const op of STREET_MANAGER_OPERATIONS) {
      precompile(op.api, [op]);
    }
    const bases = streetManagerBases(this.endpoints.baseUrls);
    for (const api of STREET_MANAGER_APIS) {
      const base = bases[api];
      this.health.register(`street-manager-${api}`, async (signal) => {
        const response = await this.http.request({
          upstream: streetManagerUpstream(api),
          operation: 'status',
          method: 'GET',
          origin: base.origin,
          path: `${base.basePath}/status`,
          signal,
        });
        if (response.status !== 200) {
          throw new Error(`status answered ${response.status}`);
        }
        return this.endpoints.sandbox ? { sandbox: true } : undefined;
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.http.close();
    if (this.endpoints.ownsSandbox && this.endpoints.sandbox) {
      await this.endpoints.sandbox.close();
      this.logger.log('embedded sandbox stopped');
    }
  }
}
