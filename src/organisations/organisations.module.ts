import { Module } from '@nestjs/common';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [OrganisationsController],
  providers: [OrganisationsService],
})
export class OrganisationsModule {}
