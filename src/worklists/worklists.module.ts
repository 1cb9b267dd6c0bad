import { Module } from '@nestjs/common';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { OrganisationKinds } from './organisation-kinds';
import { WorklistsController } from './worklists.controller';
import { WorklistsService } from './worklists.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [WorklistsController],
  providers: [WorklistsService, OrganisationKinds],
})
export class WorklistsModule {}
