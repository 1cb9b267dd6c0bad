import { Module } from '@nestjs/common';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [CommentsController],
  providers: [CommentsService],
})
export class CommentsModule {}
