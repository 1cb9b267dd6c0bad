import { Module } from '@nestjs/common';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { StreetsController } from './streets.controller';
import { StreetsService } from './streets.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [StreetsController],
  providers: [StreetsService],
})
export class StreetsModule {}
