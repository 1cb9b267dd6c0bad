import { Global, Module } from '@nestjs/common';
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
      inject: [streetManagerConfig.KEY],
      useFactory: async (config: StreetManagerConfig): Promise<StreetManagerEndpoints> =>
        configuredEndpoints(config) ?? (await import('./sandbox/sandbox-endpoints')).startEmbeddedSandbox(),
    },
  ],
  exports: [STREET_MANAGER_ENDPOINTS],
})
export class StreetManagerTargetModule {}
