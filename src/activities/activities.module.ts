import { Module } from '@nestjs/common';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { ActivitiesController } from './activities.controller';
import { ActivitiesService } from './activities.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [ActivitiesController],
  providers: [ActivitiesService],
})
export class ActivitiesModule {}
