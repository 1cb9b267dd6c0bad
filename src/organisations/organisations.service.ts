import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { NotFoundError } from '../common/errors/api-error';
import { UpstreamForbiddenError } from '../upstreams/http/upstream-errors';
import { PartyApiClient } from '../upstreams/street-manager/party-api.client';
import type { OrganisationDto } from './dto/organisation.dto';
import { organisationFromStreetManager } from './organisations.mapper';

import { organisationList } from './organisations.list';

@Injectable()
export class OrganisationsService {
  readonly list;

  constructor(private readonly party: PartyApiClient) {
    this.list = organisationList(party);
  }

  async get(caller: Caller, swaCode: string): Promise<OrganisationDto> {
    // SWA codes are 4 characters, left-padded: `10` and `0010` are the same organisation.
    const reference = swaCode.padStart(4, '0');
    try {
      return organisationFromStreetManager(await this.party.getOrganisation(caller, reference), caller);
    } catch (e) {
      if (e instanceof NotFoundError || e instanceof UpstreamForbiddenError) {
        throw new NotFoundError('organisation', reference);
      }
      throw e;
    }
  }
}
