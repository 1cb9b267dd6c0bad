import { Module } from '@nestjs/common';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { InspectionsController } from './inspections.controller';
import { InspectionsService } from './inspections.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [InspectionsController],
  providers: [InspectionsService, ReportingApiClient, WorkApiClient],
})
export class InspectionsModule {}
