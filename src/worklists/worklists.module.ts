import { Module } from '@nestjs/common';
import { PartyApiClient } from '../upstreams/street-manager/party-api.client';
import { StreetManagerModule } from '../upstreams/street-manager/street-manager.module';
import { WorklistApiClient } from '../upstreams/street-manager/worklist-api.client';
import { OrganisationKinds } from './organisation-kinds';
import { WorklistsController } from './worklists.controller';
import { WorklistsService } from './worklists.service';

@Module({
  imports: [StreetManagerModule],
  controllers: [WorklistsController],
  providers: [WorklistsService, OrganisationKinds, WorklistApiClient, PartyApiClient],
})
export class WorklistsModule {}
