import { Module } from '@nestjs/common';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { ForwardPlansController } from './forward-plans.controller';
import { ForwardPlansService } from './forward-plans.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [ForwardPlansController],
  providers: [ForwardPlansService],
})
export class ForwardPlansModule {}
