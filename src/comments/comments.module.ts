import { Module } from '@nestjs/common';
import { ReportingApiClient } from '../upstreams/street-manager/reporting-api.client';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [CommentsController],
  providers: [CommentsService, ReportingApiClient, WorkApiClient],
})
export class CommentsModule {}
