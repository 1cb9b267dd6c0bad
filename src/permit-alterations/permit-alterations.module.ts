import { Module } from '@nestjs/common';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { PermitAlterationsController } from './permit-alterations.controller';
import { PermitAlterationsService } from './permit-alterations.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [PermitAlterationsController],
  providers: [PermitAlterationsService, ReportingApiClient, WorkApiClient],
})
export class PermitAlterationsModule {}
