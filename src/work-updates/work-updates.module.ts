import { Module } from '@nestjs/common';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorkUpdatesController } from './work-updates.controller';
import { WorkUpdatesService } from './work-updates.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [WorkUpdatesController],
  providers: [WorkUpdatesService],
})
export class WorkUpdatesModule {}
