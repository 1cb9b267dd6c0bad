import type { SmOrganisation, SmOrganisationSummary } from '../upstreams/street-manager/party-api.client';
import { organisationFromStreetManager, organisationSummary } from './organisations.mapper';

const CONTRACTOR = {
  organisation_reference: '9501',
  name: 'Trench Co',
  organisation_status: 'active',
} as unknown as SmOrganisationSummary;

function organisation(overrides: Record<string, unknown>): SmOrganisation {
  return {
    organisation_reference: '7374',
    name: 'Northern Gas Networks',
    organisation_status: 'active',
    organisation_type: 'PROMOTER',
    prefix: 'NGN',
    address_line_one: '1 Gas Street',
    address_line_two: '',
    locality: 'Thorpe Park',
    town: 'Leeds',
    postcode: 'LS15 8TU',
    email: 'streetworks@ngn.example',
    phone_number: '0113 496 0000',
    is_hs2_applicable: false,
    contractors: [CONTRACTOR],
    ...overrides,
  } as unknown as SmOrganisation;
}

describe('organisations mapper', () => {
  it('maps a promoter in full: type in v1 words, the address, its contractors and a link to its works', () => {
    expect(organisationFromStreetManager(organisation({}), undefined)).toEqual({
      swaCode: '7374',
      name: 'Northern Gas Networks',
      status: 'active',
      type: 'promoter',
      prefix: 'NGN',
      address: {
        line1: '1 Gas Street',
        line2: null,
        locality: 'Thorpe Park',
        town: 'Leeds',
        postcode: 'LS15 8TU',
      },
      email: 'streetworks@ngn.example',
      phoneNumber: '0113 496 0000',
      hs2Applicable: false,
      contractors: [
        {
          swaCode: '9501',
          name: 'Trench Co',
          status: 'active',
          links: [{ rel: 'self', href: '/v1/organisations/9501', type: 'GET' }],
        },
      ],
      links: [
        { rel: 'self', href: '/v1/organisations/7374', type: 'GET' },
        { rel: 'works', href: '/v1/works?promoter=7374', type: 'GET' },
      ],
    });
  });

  it('links a highway authority to the works in its area, a contractor to none, and keeps unknown codes unknown', () => {
    const authority = organisationFromStreetManager(
      organisation({
        organisation_reference: '4720',
        organisation_type: 'HA',
        organisation_status: 'upcoming_enum',
        email: '',
        contractors: undefined,
      }),
      undefined,
    );
    expect(authority).toMatchObject({
      type: 'highway_authority',
      status: 'unknown',
      email: null,
      contractors: [],
    });
    expect(authority.links).toEqual([
      { rel: 'self', href: '/v1/organisations/4720', type: 'GET' },
      { rel: 'works', href: '/v1/works?highwayAuthority=4720', type: 'GET' },
    ]);
    const contractor = organisationFromStreetManager(
      organisation({ organisation_reference: '9501', organisation_type: 'CONTRACTOR' }),
      undefined,
    );
    expect(contractor.links).toEqual([{ rel: 'self', href: '/v1/organisations/9501', type: 'GET' }]);
    expect(
      organisationFromStreetManager(organisation({ organisation_type: 'NEW_KIND' }), undefined).type,
    ).toBe('unknown');
  });

  it('maps a summary row, a missing status as null', () => {
    expect(
      organisationSummary({ organisation_reference: '4720', name: 'Leeds City Council' }, undefined),
    ).toEqual({
      swaCode: '4720',
      name: 'Leeds City Council',
      status: null,
      links: [{ rel: 'self', href: '/v1/organisations/4720', type: 'GET' }],
    });
  });
});
