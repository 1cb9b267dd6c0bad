import { Module } from '@nestjs/common';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { PermitAlterationsController } from './permit-alterations.controller';
import { PermitAlterationsService } from './permit-alterations.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [PermitAlterationsController],
  providers: [PermitAlterationsService],
})
export class PermitAlterationsModule {}
