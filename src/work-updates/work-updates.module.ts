import { Module } from '@nestjs/common';
import { EventIntakeModule } from '../events/intake/event-intake.module';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorkUpdatesController } from './work-updates.controller';
import { WorkUpdatesService } from './work-updates.service';

@Module({
  imports: [StreetManagerModule, EventIntakeModule],
  controllers: [WorkUpdatesController],
  providers: [WorkUpdatesService],
})
export class WorkUpdatesModule {}
