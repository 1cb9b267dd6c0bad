import { Module } from '@nestjs/common';
import { InnerApisModule } from '../upstreams/inner-apis/inner-apis.module';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorksController } from './works.controller';
import { WorksService } from './works.service';

@Module({
  imports: [StreetManagerModule, InnerApisModule],
  controllers: [WorksController],
  providers: [WorksService],
})
export class WorksModule {}
