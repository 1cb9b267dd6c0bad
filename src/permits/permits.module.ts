import { Module } from '@nestjs/common';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { PermitsController } from './permits.controller';
import { PermitsService } from './permits.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [PermitsController],
  providers: [PermitsService],
})
export class PermitsModule {}
