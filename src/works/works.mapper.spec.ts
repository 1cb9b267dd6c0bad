import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import type { SmWorkFeature } from '../upstreams/street-manager/geojson-api.client';
import type { SmPermitSummary } from '../upstreams/street-manager/reporting-api.client';
import type { SmWork } from '../upstreams/street-manager/work-api.client';
import {
  workFromCreate,
  workFromStreetManager,
  workSummaryFromFeature,
  workSummaryFromReporting,
} from './works.mapper';

/** Ordnance Survey's station LOND: BNG 530624.963 178388.461 is WGS84 −0.1199256, 51.4893656 (Helmert: within 2 m). */
const LOND_BNG = [530624.963, 178388.461];
const LOND_WGS84 = [expect.closeTo(-0.11993, 4), expect.closeTo(51.48937, 4)];
/** Station BRIS: BNG 362269.979 169978.688 is WGS84 −2.5440762, 51.4275474. */
const BRIS_BNG = [362269.979, 169978.688];
const BRIS_WGS84 = [expect.closeTo(-2.54408, 4), expect.closeTo(51.42755, 4)];

function callerWith(...permissions: Permission[]): Caller {
  return {
    clientId: 'c',
    kind: 'subscription-key',
    name: 'n',
    product: 'p',
    permissions,
    userIdentifier: 'u',
    userName: 'U',
  };
}
const PROMOTER = callerWith(Permission.READ, Permission.PROMOTER_WRITE);
const READER = callerWith(Permission.READ);

const WORK = {
  work_reference_number: 'NGN0001234',
  work_status: 'in_progress',
  description_of_work: 'Replace 20 m of gas main',
  promoter_swa_code: '7374',
  promoter_organisation: 'Northern Gas Networks',
  highway_authority_swa_code: '4720',
  highway_authority: 'Leeds City Council',
  usrn: 10104523,
  street_name: 'Park Row',
  town: 'Leeds',
  area_name: 'City Centre',
  works_location_description: 'Outside number 12',
  road_category: 3,
  works_coordinates: { type: 'LineString', coordinates: [LOND_BNG, BRIS_BNG] },
  work_start_date: '2026-08-10T08:30:00.000+01:00',
  active_permit: {
    permit_reference_number: 'NGN0001234-02',
    permit_status: 'granted',
    work_category: 'standard',
    proposed_start_date: '2026-08-10T00:00:00.000Z',
    proposed_end_date: '2026-08-14T00:00:00.000Z',
    traffic_management_type: 'two_way_signals',
  },
  permits: [
    {
      permit_reference_number: 'NGN0001234-01',
      permit_status: 'cancelled',
      work_category: 'minor',
      proposed_start_date: '2026-07-01T00:00:00.000Z',
      proposed_end_date: '2026-07-02T00:00:00.000Z',
    },
    {
      permit_reference_number: 'NGN0001234-02',
      permit_status: 'granted',
      work_category: 'standard',
      proposed_start_date: '2026-08-10T00:00:00.000Z',
      proposed_end_date: '2026-08-14T00:00:00.000Z',
    },
  ],
} as unknown as SmWork;

const WORK_LINKS = [
  { rel: 'self', href: '/v1/works/NGN0001234', type: 'GET' },
  { rel: 'permits', href: '/v1/permits?workReferenceNumber=NGN0001234', type: 'GET' },
  { rel: 'street', href: '/v1/streets/10104523', type: 'GET' },
  { rel: 'highway-authority', href: '/v1/organisations/4720', type: 'GET' },
  { rel: 'promoter', href: '/v1/organisations/7374', type: 'GET' },
  { rel: 'inspections', href: '/v1/inspections?workReferenceNumber=NGN0001234', type: 'GET' },
  {
    rel: 'fixed-penalty-notices',
    href: '/v1/fixed-penalty-notices?workReferenceNumber=NGN0001234',
    type: 'GET',
  },
];
const CREATE_PERMIT = { rel: 'create-permit', href: '/v1/permits', type: 'POST' };

describe('works mapper', () => {
  describe('workFromStreetManager (one work, Work API)', () => {
    it('maps every field: the active permit, the permits, BNG to WGS84, the register record and the links', () => {
      const record = {
        available: true,
        found: true,
        jobNumber: 'JOB-0200000',
        costCentre: 'CC-1',
        contactTeam: 'North',
        notes: '',
        updatedAt: '2026-08-01T10:00:00Z',
      };
      expect(workFromStreetManager(WORK, record, PROMOTER)).toEqual({
        workReferenceNumber: 'NGN0001234',
        status: 'in_progress',
        workCategory: 'standard',
        description: 'Replace 20 m of gas main',
        promoterSwaCode: '7374',
        promoterName: 'Northern Gas Networks',
        highwayAuthoritySwaCode: '4720',
        highwayAuthorityName: 'Leeds City Council',
        usrn: 10104523,
        streetName: 'Park Row',
        town: 'Leeds',
        area: 'City Centre',
        locationDescription: 'Outside number 12',
        proposedStartDate: '2026-08-10',
        proposedEndDate: '2026-08-14',
        actualStartDate: '2026-08-10T07:30:00Z',
        actualEndDate: null,
        activePermitReferenceNumber: 'NGN0001234-02',
        activePermitStatus: 'granted',
        trafficManagementType: 'two_way_signals',
        geometry: { type: 'LineString', coordinates: [LOND_WGS84, BRIS_WGS84] },
        roadCategory: 3,
        permits: [
          {
            permitReferenceNumber: 'NGN0001234-01',
            status: 'cancelled',
            workCategory: 'minor',
            proposedStartDate: '2026-07-01',
            proposedEndDate: '2026-07-02',
            links: [{ rel: 'self', href: '/v1/permits/NGN0001234-01', type: 'GET' }],
          },
          {
            permitReferenceNumber: 'NGN0001234-02',
            status: 'granted',
            workCategory: 'standard',
            proposedStartDate: '2026-08-10',
            proposedEndDate: '2026-08-14',
            links: [{ rel: 'self', href: '/v1/permits/NGN0001234-02', type: 'GET' }],
          },
        ],
        organisationRecord: record,
        links: [...WORK_LINKS, CREATE_PERMIT],
      });
    });

    it('turns values it does not know into unknown and absent ones into null, and links only what it can', () => {
      const bare = {
        work_reference_number: 'NGN0009999',
        work_status: 'upcoming_enum',
        promoter_swa_code: '7374',
        promoter_organisation: 'Northern Gas Networks',
        highway_authority_swa_code: '4720',
        highway_authority: 'Leeds City Council',
        description_of_work: '',
        works_coordinates: { type: 'Point', coordinates: ['x', 1] },
        active_permit: {
          permit_reference_number: 'NGN0009999-01',
          permit_status: 'upcoming_enum',
          work_category: 'upcoming_enum',
          actual_stop_date: 'not a date',
        },
      } as unknown as SmWork;
      expect(workFromStreetManager(bare, null, READER)).toEqual({
        workReferenceNumber: 'NGN0009999',
        status: 'unknown',
        workCategory: 'unknown',
        description: null,
        promoterSwaCode: '7374',
        promoterName: 'Northern Gas Networks',
        highwayAuthoritySwaCode: '4720',
        highwayAuthorityName: 'Leeds City Council',
        usrn: null,
        streetName: null,
        town: null,
        area: null,
        locationDescription: null,
        proposedStartDate: null,
        proposedEndDate: null,
        actualStartDate: null,
        actualEndDate: null,
        activePermitReferenceNumber: 'NGN0009999-01',
        activePermitStatus: 'unknown',
        trafficManagementType: null,
        geometry: null,
        roadCategory: null,
        permits: [],
        organisationRecord: null,
        links: [
          { rel: 'self', href: '/v1/works/NGN0009999', type: 'GET' },
          { rel: 'permits', href: '/v1/permits?workReferenceNumber=NGN0009999', type: 'GET' },
          { rel: 'highway-authority', href: '/v1/organisations/4720', type: 'GET' },
          { rel: 'promoter', href: '/v1/organisations/7374', type: 'GET' },
          { rel: 'inspections', href: '/v1/inspections?workReferenceNumber=NGN0009999', type: 'GET' },
          {
            rel: 'fixed-penalty-notices',
            href: '/v1/fixed-penalty-notices?workReferenceNumber=NGN0009999',
            type: 'GET',
          },
        ],
      });
    });
  });

  it('workSummaryFromReporting maps a reporting row (no highway authority code in it)', () => {
    const row = {
      work_reference_number: 'NGN0001234',
      work_status: 'planned',
      work_category: 'major',
      description_of_work: 'Replace 20 m of gas main',
      promoter_swa_code: '7374',
      promoter_organisation: 'Northern Gas Networks',
      highway_authority: 'Leeds City Council',
      usrn: 10104523.0,
      street: 'Park Row',
      town: 'Leeds',
      area: 'City Centre',
      location_description: 'Outside number 12',
      proposed_start_date: '2026-08-10T00:00:00.000Z',
      proposed_end_date: '2026-08-14T00:00:00.000Z',
      actual_start_date: null,
      actual_end_date: null,
      permit_reference_number: 'NGN0001234-01',
      status: 'submitted',
      traffic_management_type: 'lane_closure',
      works_coordinates: { type: 'Point', coordinates: LOND_BNG },
    } as unknown as SmPermitSummary;
    expect(workSummaryFromReporting(row, PROMOTER)).toEqual({
      workReferenceNumber: 'NGN0001234',
      status: 'planned',
      workCategory: 'major',
      description: 'Replace 20 m of gas main',
      promoterSwaCode: '7374',
      promoterName: 'Northern Gas Networks',
      highwayAuthoritySwaCode: null,
      highwayAuthorityName: 'Leeds City Council',
      usrn: 10104523,
      streetName: 'Park Row',
      town: 'Leeds',
      area: 'City Centre',
      locationDescription: 'Outside number 12',
      proposedStartDate: '2026-08-10',
      proposedEndDate: '2026-08-14',
      actualStartDate: null,
      actualEndDate: null,
      activePermitReferenceNumber: 'NGN0001234-01',
      activePermitStatus: 'submitted',
      trafficManagementType: 'lane_closure',
      geometry: { type: 'Point', coordinates: LOND_WGS84 },
      links: [
        WORK_LINKS[0],
        WORK_LINKS[1],
        WORK_LINKS[2],
        WORK_LINKS[4],
        WORK_LINKS[5],
        WORK_LINKS[6],
        CREATE_PERMIT,
      ],
    });
  });

  it('workSummaryFromFeature maps a GeoJSON API feature, the fields it lacks null and the status unknown', () => {
    const feature = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: BRIS_BNG },
      properties: {
        work_reference_number: 'NGN0001234',
        work_category: 'minor',
        promoter_swa_code: '7374',
        promoter_organisation: 'Northern Gas Networks',
        start_date: '2026-08-10T00:00:00.000Z',
        end_date: '2026-08-11T00:00:00.000Z',
        permit_reference_number: 'NGN0001234-01',
        permit_status: 'granted',
        traffic_management_type: 'give_and_take',
      },
    } as unknown as SmWorkFeature;
    expect(workSummaryFromFeature(feature, undefined)).toEqual({
      workReferenceNumber: 'NGN0001234',
      status: 'unknown',
      workCategory: 'minor',
      description: null,
      promoterSwaCode: '7374',
      promoterName: 'Northern Gas Networks',
      highwayAuthoritySwaCode: null,
      highwayAuthorityName: null,
      usrn: null,
      streetName: null,
      town: null,
      area: null,
      locationDescription: null,
      proposedStartDate: '2026-08-10',
      proposedEndDate: '2026-08-11',
      actualStartDate: null,
      actualEndDate: null,
      activePermitReferenceNumber: 'NGN0001234-01',
      activePermitStatus: 'granted',
      trafficManagementType: 'give_and_take',
      geometry: { type: 'Point', coordinates: BRIS_WGS84 },
      links: [WORK_LINKS[0], WORK_LINKS[1], WORK_LINKS[4], WORK_LINKS[5], WORK_LINKS[6]],
    });
  });

  it('workFromCreate answers with what was sent and Street Manager’s references, the rest unknown or null', () => {
    const geometry = { type: 'Point' as const, coordinates: [-1.5486, 53.7975] };
    expect(
      workFromCreate(
        { work_reference_number: 'NGN0001235', permit_reference_number: 'NGN0001235-01' },
        {
          description: 'Replace 20 m of gas main',
          promoterSwaCode: '7374',
          highwayAuthoritySwaCode: '4720',
          usrn: 10104523,
          locationDescription: 'Outside number 12',
          geometry,
          proposedStartDate: '2026-08-10',
          proposedEndDate: '2026-08-14',
          trafficManagementType: 'two_way_signals',
        },
        PROMOTER,
      ),
    ).toEqual({
      workReferenceNumber: 'NGN0001235',
      status: 'unknown',
      workCategory: 'unknown',
      description: 'Replace 20 m of gas main',
      promoterSwaCode: '7374',
      promoterName: 'unknown',
      highwayAuthoritySwaCode: '4720',
      highwayAuthorityName: null,
      usrn: 10104523,
      streetName: null,
      town: null,
      area: null,
      locationDescription: 'Outside number 12',
      proposedStartDate: '2026-08-10',
      proposedEndDate: '2026-08-14',
      actualStartDate: null,
      actualEndDate: null,
      activePermitReferenceNumber: 'NGN0001235-01',
      activePermitStatus: 'unknown',
      trafficManagementType: 'two_way_signals',
      geometry,
      roadCategory: null,
      permits: [],
      organisationRecord: null,
      links: [
        { rel: 'self', href: '/v1/works/NGN0001235', type: 'GET' },
        { rel: 'permits', href: '/v1/permits?workReferenceNumber=NGN0001235', type: 'GET' },
        { rel: 'street', href: '/v1/streets/10104523', type: 'GET' },
        { rel: 'highway-authority', href: '/v1/organisations/4720', type: 'GET' },
        { rel: 'promoter', href: '/v1/organisations/7374', type: 'GET' },
        { rel: 'inspections', href: '/v1/inspections?workReferenceNumber=NGN0001235', type: 'GET' },
        {
          rel: 'fixed-penalty-notices',
          href: '/v1/fixed-penalty-notices?workReferenceNumber=NGN0001235',
          type: 'GET',
        },
        CREATE_PERMIT,
      ],
    });
  });
});
