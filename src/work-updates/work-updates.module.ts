import { Module } from '@nestjs/common';
import { EventApiClient } from '../upstreams/street-manager/event-api.client';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorkUpdatesController } from './work-updates.controller';
import { WorkUpdatesService } from './work-updates.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [WorkUpdatesController],
  providers: [WorkUpdatesService, EventApiClient],
})
export class WorkUpdatesModule {}
