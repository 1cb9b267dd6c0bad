import type { SmStreet } from '../upstreams/street-manager/lookup-api.client';
import { streetFromStreetManager } from './streets.mapper';

/** Ordnance Survey's stations LOND and BRIS (BNG → WGS84; the Helmert transform is within 2 m). */
const LOND_BNG = [530624.963, 178388.461];
const LOND_WGS84 = [expect.closeTo(-0.11993, 4), expect.closeTo(51.48937, 4)];
const BRIS_BNG = [362269.979, 169978.688];
const BRIS_WGS84 = [expect.closeTo(-2.54408, 4), expect.closeTo(51.42755, 4)];

describe('streets mapper', () => {
  it('maps a street in full: the USRN as an integer, designations, authorities, line and centre in WGS84, links', () => {
    const street = {
      usrn: 10104523.0,
      street_descriptor: 'Park Row',
      area: 'City Centre',
      town: 'Leeds',
      authority_swa_code: '4720',
      authority: 'Leeds City Council',
      road_category: 3.0,
      traffic_sensitive: true,
      reinstatement_types: [
        {
          reinstatement_type_code: 2,
          reinstatement_type_code_string: 'Type 2 road',
          reinstatement_type_location_text: '',
        },
        {
          reinstatement_type_code: 7,
          reinstatement_type_code_string: 'Footway',
          reinstatement_type_location_text: 'North side',
        },
      ],
      primary_notice_authorities: [
        { swa_code: '4720', name: 'Leeds City Council', location_description: 'Whole street' },
      ],
      interest_authorities: [{ name: 'Yorkshire Water', location_description: 'Sewer under carriageway' }],
      additional_special_designations_response: [
        {
          street_special_desig_code: 3,
          street_special_desig_code_string: 'Traffic sensitive',
          special_desig_location_text: '',
          whole_road: true,
        },
        {
          street_special_desig_code: 15,
          special_desig_description: 'Bridge',
          special_desig_location_text: 'Over the river',
        },
      ],
      street_line: { type: 'LineString', coordinates: [LOND_BNG, BRIS_BNG] },
      street_centre_point: { type: 'Point', coordinates: LOND_BNG },
    } as unknown as SmStreet;
    expect(streetFromStreetManager(street, undefined)).toEqual({
      usrn: 10104523,
      name: 'Park Row',
      area: 'City Centre',
      town: 'Leeds',
      highwayAuthoritySwaCode: '4720',
      highwayAuthorityName: 'Leeds City Council',
      roadCategory: 3,
      trafficSensitive: true,
      reinstatementTypes: [
        { code: 2, description: 'Type 2 road', locationDescription: null },
        { code: 7, description: 'Footway', locationDescription: 'North side' },
      ],
      primaryNoticeAuthorities: [
        { swaCode: '4720', name: 'Leeds City Council', locationDescription: 'Whole street' },
      ],
      interestAuthorities: [{ name: 'Yorkshire Water', locationDescription: 'Sewer under carriageway' }],
      specialDesignations: [
        { code: 3, description: 'Traffic sensitive', locationDescription: null, wholeRoad: true },
        { code: 15, description: 'Bridge', locationDescription: 'Over the river', wholeRoad: null },
      ],
      geometry: { type: 'LineString', coordinates: [LOND_WGS84, BRIS_WGS84] },
      centrePoint: { type: 'Point', coordinates: LOND_WGS84 },
      links: [
        { rel: 'self', href: '/v1/streets/10104523', type: 'GET' },
        { rel: 'highway-authority', href: '/v1/organisations/4720', type: 'GET' },
        { rel: 'works', href: '/v1/works?usrn=10104523', type: 'GET' },
      ],
    });
  });
});
