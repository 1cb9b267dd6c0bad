import { Module } from '@nestjs/common';
import { InnerApisModule } from '../upstreams/inner-apis/inner-apis.module';
import { GeojsonApiClient } from '../upstreams/street-manager/geojson-api.client';
import { PartyApiClient } from '../upstreams/street-manager/party-api.client';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { WorksController } from './works.controller';
import { WorksService } from './works.service';

@Module({
  imports: [StreetManagerModule, InnerApisModule],
  controllers: [WorksController],
  providers: [WorksService, WorkApiClient, ReportingApiClient, GeojsonApiClient, PartyApiClient],
  exports: [WorksService],
})
export class WorksModule {}
