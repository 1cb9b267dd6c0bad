import { Module } from '@nestjs/common';
import { LookupApiClient } from '../upstreams/street-manager/lookup-api.client';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { StreetsController } from './streets.controller';
import { StreetsService } from './streets.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [StreetsController],
  providers: [StreetsService, LookupApiClient],
})
export class StreetsModule {}
