import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { WORKLIST_SIDES, WorklistApiClient } from '../upstreams/street-manager/worklist-api.client';
import { OrganisationKinds } from './organisation-kinds';
import { type Worklists, worklists } from './worklists.list';

@Injectable()
export class WorklistsService {
  readonly lists: Worklists;

  constructor(
    private readonly client: WorklistApiClient,
    private readonly kinds: OrganisationKinds,
  ) {
    this.lists = worklists(client, kinds);
  }

  /** Takes a permit off the authority's potential overruns; idempotent, as in Street Manager. */
  async dismissPotentialOverrun(caller: Caller, permitReferenceNumber: string): Promise<void> {
    await this.kinds.require(caller, WORKLIST_SIDES['/potential-works-overrunning'], 'Potential overruns');
    await this.client.dismissPotentialOverrun(caller, permitReferenceNumber);
  }
}
