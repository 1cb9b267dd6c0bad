import { wholeList } from '../common/listing/list-spec';
import type { PartyApiClient } from '../upstreams/street-manager/party-api.client';
import type { ListOrganisationsQueryDto } from './dto/list-organisations-query.dto';
import {
  ORGANISATION_SUMMARY_FIELDS,
  organisationSummary,
  TYPE_TO_STREET_MANAGER,
} from './organisations.mapper';

/** The Party API answers every match at once. */
export const organisationList = (party: PartyApiClient) =>
  wholeList({
    fields: ORGANISATION_SUMMARY_FIELDS,
    all: async (caller, q: ListOrganisationsQueryDto) => ({
      rows: await party.listOrganisations(caller, {
        type: q.type?.map((t) => TYPE_TO_STREET_MANAGER[t]),
        query: q.search,
      }),
    }),
    item: organisationSummary,
  });
