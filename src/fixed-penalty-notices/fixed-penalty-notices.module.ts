import { Module } from '@nestjs/common';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { FixedPenaltyNoticesController } from './fixed-penalty-notices.controller';
import { FixedPenaltyNoticesService } from './fixed-penalty-notices.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [FixedPenaltyNoticesController],
  providers: [FixedPenaltyNoticesService, ReportingApiClient, WorkApiClient],
})
export class FixedPenaltyNoticesModule {}
