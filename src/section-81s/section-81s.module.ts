import { Module } from '@nestjs/common';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { Section81sController } from './section-81s.controller';
import { Section81sService } from './section-81s.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [Section81sController],
  providers: [Section81sService, ReportingApiClient, WorkApiClient],
})
export class Section81sModule {}
