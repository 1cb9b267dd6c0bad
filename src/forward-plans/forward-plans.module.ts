import { Module } from '@nestjs/common';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { ForwardPlansController } from './forward-plans.controller';
import { ForwardPlansService } from './forward-plans.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [ForwardPlansController],
  providers: [ForwardPlansService, ReportingApiClient, WorkApiClient],
})
export class ForwardPlansModule {}
