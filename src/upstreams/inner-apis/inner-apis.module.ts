import { Module } from '@nestjs/common';
import { type InnerApisConfig, innerApisConfig } from '../../config/inner-apis.config';
import { UpstreamHttpModule } from '../http/upstream-http.module';
import {
  STREET_MANAGER_ENDPOINTS,
  type StreetManagerEndpoints,
} from '../street-manager/street-manager-endpoints';
import { InnerApiClient } from './inner-api.client';
import { INNER_APIS, resolveInnerApis } from './inner-apis-endpoints';
import { WorksRegisterClient } from './works-register.client';

@Module({
  imports: [UpstreamHttpModule],
  providers: [
    {
      provide: INNER_APIS,
      // In sandbox mode the works register comes from the same sandbox as Street Manager.
      inject: [innerApisConfig.KEY, STREET_MANAGER_ENDPOINTS],
      useFactory: (config: InnerApisConfig, endpoints: StreetManagerEndpoints) =>
        resolveInnerApis(config, endpoints),
    },
    InnerApiClient,
    WorksRegisterClient,
  ],
  exports: [InnerApiClient, WorksRegisterClient],
})
export class InnerApisModule {}
