import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { NotFoundError } from '../common/errors/api-error';
import { type FieldSelection, selectFields } from '../common/fields/fields';
import { type Collection, collection } from '../common/paging/collection';
import { pageWindow } from '../common/paging/page-window';
import { sliceWindow } from '../common/paging/upstream-window';
import { UpstreamForbiddenError } from '../upstreams/http/upstream-errors';
import { PartyApiClient } from '../upstreams/street-manager/party-api.client';
import type { ListOrganisationsQueryDto } from './dto/list-organisations-query.dto';
import type { OrganisationDto, OrganisationSummaryDto } from './dto/organisation.dto';
import { organisationFromStreetManager, organisationSummary, TYPE_TO_STREET_MANAGER } from './organisations.mapper';

@Injectable()
export class OrganisationsService {
  constructor(private readonly party: PartyApiClient) {}

  /** The Party API answers every match at once; the window is cut here, so the count is exact. */
  async list(caller: Caller, query: ListOrganisationsQueryDto, fields: FieldSelection, requestUrl: string): Promise<Collection<Partial<OrganisationSummaryDto>>> {
    const window = pageWindow(query);
    const all = await this.party.listOrganisations(caller, {
      type: query.type?.map((t) => TYPE_TO_STREET_MANAGER[t]),
      query: query.search,
    });
    const result = sliceWindow(window, all);
    return collection(
      result.rows.map((o) => selectFields(organisationSummary(o, caller), fields)),
      window,
      result,
      requestUrl,
    );
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
