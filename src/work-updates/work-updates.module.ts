import { Module } from '@nestjs/common';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorkUpdatesController } from './work-updates.controller';
import { WorkUpdatesService } from './work-updates.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [WorkUpdatesController],
  providers: [WorkUpdatesService, ReportingApiClient],
})
export class WorkUpdatesModule {}
