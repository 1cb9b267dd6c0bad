import { Injectable } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import { NotFoundError } from '../../common/errors/api-error';
import type { components, operations } from './generated/party';
import { StreetManagerTransport } from './street-manager.transport';

export type SmOrganisation = components['schemas']['OrganisationResponse'];
export type SmOrganisationSummary = components['schemas']['OrganisationSummaryResponse'];
export type SmOrganisationsQuery = NonNullable<operations['get_organisations']['parameters']['query']>;

/**
 * Street Manager's Party API (V6): organisations. Started for the works writes (does this highway authority
 * exist?); the organisations resource adds its list and read here.
 */
@Injectable()
export class PartyApiClient {
  constructor(private readonly transport: StreetManagerTransport) {}

  async getOrganisation(caller: Caller, organisationReference: string): Promise<SmOrganisation> {
    const response = await this.transport.request<SmOrganisation>({
      api: 'party',
      operation: 'getOrganisation',
      method: 'GET',
      pathTemplate: '/organisations/{organisationReference}',
      params: { organisationReference },
      caller,
      notFound: { resource: 'organisation', reference: organisationReference },
    });
    return response.body;
  }

  /** SWA codes are 4 characters, left-padded (`10` → `0010`). */
  async organisationExists(caller: Caller, swaCode: string): Promise<boolean> {
    try {
      await this.getOrganisation(caller, swaCode.padStart(4, '0'));
      return true;
    } catch (e) {
      if (e instanceof NotFoundError) {
        return false;
      }
      throw e;
    }
  }

  /** Every organisation matching the filters, in one answer: the Party API does not page. */
  async listOrganisations(caller: Caller, query: SmOrganisationsQuery): Promise<SmOrganisationSummary[]> {
    const response = await this.transport.request<SmOrganisationSummary[]>({
      api: 'party',
      operation: 'getOrganisations',
      method: 'GET',
      pathTemplate: '/organisations',
      query,
      caller,
    });
    return response.body;
  }
}
