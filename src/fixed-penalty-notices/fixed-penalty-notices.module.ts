import { Module } from '@nestjs/common';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { FixedPenaltyNoticesController } from './fixed-penalty-notices.controller';
import { FixedPenaltyNoticesService } from './fixed-penalty-notices.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [FixedPenaltyNoticesController],
  providers: [FixedPenaltyNoticesService],
})
export class FixedPenaltyNoticesModule {}
