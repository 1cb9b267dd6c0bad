import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import type { SmActivityFeature } from '../upstreams/street-manager/geojson-api.client';
import type { SmActivity } from '../upstreams/street-manager/work-api.client';
import { activityFromStreetManager, activitySummaryFromFeature } from './activities.mapper';

/** Ordnance Survey's station LOND: BNG 530624.963 178388.461 is WGS84 −0.1199256, 51.4893656 (Helmert: within 2 m). */
const LOND_BNG = [530624.963, 178388.461];
const LOND_WGS84 = [expect.closeTo(-0.11993, 4), expect.closeTo(51.48937, 4)];

const AUTHORITY: Caller = {
  clientId: 'c',
  kind: 'subscription-key',
  name: 'n',
  product: 'p',
  permissions: [Permission.READ, Permission.AUTHORITY_WRITE],
  organisation: '4720',
  userIdentifier: 'u',
  userName: 'U',
};

describe('activities mapper', () => {
  it('maps an activity in full: times in UTC, enums, the position in WGS84, links with the status write', () => {
    const activity = {
      activity_reference_number: 'LCC-ACT-101',
      activity_name: 'Skip outside number 4',
      activity_activity_type: 'skips',
      activity_location_description: 'Outside number 4',
      street_name: 'Park Row',
      area_name: 'City Centre',
      start_date: '2026-08-10T00:00:00.000Z',
      start_time: '2026-08-10T08:00:00.000+01:00',
      end_date: '2026-08-12T00:00:00.000Z',
      end_time: null,
      cancelled: false,
      activity_coordinates: { type: 'Point', coordinates: LOND_BNG },
      usrn: 10104523.0,
      town: 'Leeds',
      road_category: 4,
      activity_type_details: '',
      contact_name: 'Site office',
      contact_details: '0113 496 0002',
      location_types: ['footway', 'new_location'],
      traffic_management_type: 'no_carriageway_incursion',
      collaborative_working: true,
      additional_info: 'Collected on Fridays',
      cancelled_reason: null,
      highway_authority_swa_code: '4720',
    } as unknown as SmActivity;
    expect(activityFromStreetManager(activity, AUTHORITY)).toEqual({
      activityReferenceNumber: 'LCC-ACT-101',
      name: 'Skip outside number 4',
      activityType: 'skips',
      locationDescription: 'Outside number 4',
      streetName: 'Park Row',
      area: 'City Centre',
      startDate: '2026-08-10T07:00:00Z',
      endDate: '2026-08-12T00:00:00Z',
      cancelled: false,
      geometry: { type: 'Point', coordinates: LOND_WGS84 },
      usrn: 10104523,
      town: 'Leeds',
      roadCategory: 4,
      activityTypeDetails: null,
      contactName: 'Site office',
      contactDetails: '0113 496 0002',
      locationTypes: ['footway', 'unknown'],
      trafficManagementType: 'no_carriageway_incursion',
      collaborativeWorking: true,
      additionalInfo: 'Collected on Fridays',
      cancelledReason: null,
      highwayAuthoritySwaCode: '4720',
      links: [
        { rel: 'self', href: '/v1/activities/LCC-ACT-101', type: 'GET' },
        { rel: 'street', href: '/v1/streets/10104523', type: 'GET' },
        { rel: 'highway-authority', href: '/v1/organisations/4720', type: 'GET' },
        { rel: 'update-status', href: '/v1/activities/LCC-ACT-101/status', type: 'PUT' },
      ],
    });
  });

  it('maps a GeoJSON API feature; a cancelled activity offers no status write', () => {
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: LOND_BNG },
      properties: {
        activity_reference_number: 'LCC-ACT-102',
        activity_name: 'Crane lift',
        activity_type: 'crane_mobile_platform',
        activity_location_description: 'Car park',
        street_name: '',
        area_name: null,
        start_date: '2026-08-10T00:00:00.000Z',
        end_date: '2026-08-10T00:00:00.000Z',
        cancelled: true,
      },
    } as unknown as SmActivityFeature;
    expect(activitySummaryFromFeature(feature, AUTHORITY)).toEqual({
      activityReferenceNumber: 'LCC-ACT-102',
      name: 'Crane lift',
      activityType: 'crane_mobile_platform',
      locationDescription: 'Car park',
      streetName: null,
      area: null,
      startDate: '2026-08-10T00:00:00Z',
      endDate: '2026-08-10T00:00:00Z',
      cancelled: true,
      geometry: { type: 'Point', coordinates: LOND_WGS84 },
      links: [{ rel: 'self', href: '/v1/activities/LCC-ACT-102', type: 'GET' }],
    });
  });
});
