import { Global, Module } from '@nestjs/common';
import { Clock } from './common/clock';
import { type StreetManagerConfig, streetManagerConfig } from './config/street-manager.config';
import {
  STREET_MANAGER_ENDPOINTS,
  type StreetManagerEndpoints,
  configuredEndpoints,
} from './upstreams/street-manager/street-manager-endpoints';

/**
 * Which Street Manager the gateway talks to: the configured one, or (when STREET_MANAGER_URL is unset) the embedded
 * sandbox. The sandbox is imported lazily, so a production boot never loads src/sandbox, its seed data or its demo
 * passwords. Global: the Street Manager and inner-API modules read the endpoints without depending on this choice.
 */
@Global()
@Module({
  providers: [
    {
      provide: STREET_MANAGER_ENDPOINTS,
      inject: [streetManagerConfig.KEY, Clock],
      useFactory: async (config: StreetManagerConfig, clock: Clock): Promise<StreetManagerEndpoints> =>
        configuredEndpoints(config) ??
        (await import('./sandbox/sandbox-endpoints')).startEmbeddedSandbox(clock),
    },
  ],
  exports: [STREET_MANAGER_ENDPOINTS],
})
export class StreetManagerTargetModule {}
