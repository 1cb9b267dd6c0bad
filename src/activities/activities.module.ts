import { Module } from '@nestjs/common';
import { GeojsonApiClient } from '../upstreams/street-manager/geojson-api.client';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [ActivitiesController],
  providers: [ActivitiesService, GeojsonApiClient, WorkApiClient],
})
export class ActivitiesModule {}
