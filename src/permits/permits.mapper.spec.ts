import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import type { SmPermitSummary } from '../upstreams/street-manager/reporting-api.client';
import type { SmPermit } from '../upstreams/street-manager/work-api.client';
import { permitFromReporting, permitFromStreetManager } from './permits.mapper';

/** Ordnance Survey's station LOND: BNG 530624.963 178388.461 is WGS84 −0.1199256, 51.4893656 (Helmert: within 2 m). */
const LOND_BNG = [530624.963, 178388.461];
const LOND_WGS84 = [expect.closeTo(-0.11993, 4), expect.closeTo(51.48937, 4)];

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
const EVERYONE = callerWith(Permission.READ, Permission.PROMOTER_WRITE, Permission.AUTHORITY_WRITE);

const SELF_LINKS = [
  { rel: 'self', href: '/v1/permits/NGN0001234-01', type: 'GET' },
  { rel: 'work', href: '/v1/works/NGN0001234', type: 'GET' },
  { rel: 'street', href: '/v1/streets/10104523', type: 'GET' },
  {
    rel: 'permit-alterations',
    href: '/v1/permit-alterations?permitReferenceNumber=NGN0001234-01',
    type: 'GET',
  },
];

describe('permits mapper', () => {
  it('maps a permit in full: enums, dates, BNG to WGS84, and both writes while it is submitted', () => {
    const permit = {
      permit_reference_number: 'NGN0001234-01',
      work_reference_number: 'NGN0001234',
      permit_status: 'submitted',
      assessment_status: null,
      work_category: 'standard',
      work_status: 'planned',
      description_of_work: 'Lay new service pipe',
      works_location_description: 'Opposite number 4',
      promoter_swa_code: '7374',
      promoter_organisation: 'Northern Gas Networks',
      highway_authority_swa_code: '4720',
      highway_authority: 'Leeds City Council',
      usrn: 10104523.0,
      street_name: 'Park Row',
      town: 'Leeds',
      proposed_start_date: '2026-08-20T00:00:00.000Z',
      proposed_end_date: '2026-08-22T00:00:00.000Z',
      actual_start_date: null,
      actual_stop_date: null,
      traffic_management_type: 'lane_closure',
      deadline_date: '2026-08-15T23:59:59.000Z',
      date_created: '2026-08-09T13:58:07.000+01:00',
      date_modified: '2026-08-09T14:00:00.000+01:00',
      works_coordinates: { type: 'Point', coordinates: LOND_BNG },
    } as unknown as SmPermit;
    expect(permitFromStreetManager(permit, EVERYONE)).toEqual({
      permitReferenceNumber: 'NGN0001234-01',
      workReferenceNumber: 'NGN0001234',
      status: 'submitted',
      assessmentStatus: null,
      workCategory: 'standard',
      workStatus: 'planned',
      description: 'Lay new service pipe',
      locationDescription: 'Opposite number 4',
      promoterSwaCode: '7374',
      promoterName: 'Northern Gas Networks',
      highwayAuthoritySwaCode: '4720',
      highwayAuthorityName: 'Leeds City Council',
      usrn: 10104523,
      streetName: 'Park Row',
      town: 'Leeds',
      proposedStartDate: '2026-08-20',
      proposedEndDate: '2026-08-22',
      actualStartDate: null,
      actualEndDate: null,
      trafficManagementType: 'lane_closure',
      deadlineDate: '2026-08-15T23:59:59Z',
      dateCreated: '2026-08-09T12:58:07Z',
      statusChangedDate: '2026-08-09T13:00:00Z',
      geometry: { type: 'Point', coordinates: LOND_WGS84 },
      links: [
        ...SELF_LINKS,
        { rel: 'update-status', href: '/v1/permits/NGN0001234-01/status', type: 'PUT' },
        { rel: 'assess', href: '/v1/permits/NGN0001234-01/assessment', type: 'PUT' },
      ],
    });
  });

  it('maps a reporting row; a closed permit offers no write, and values it does not know are unknown', () => {
    const row = {
      permit_reference_number: 'NGN0001234-01',
      work_reference_number: 'NGN0001234',
      status: 'closed',
      assessment_status: 'upcoming_enum',
      work_category: 'major',
      work_status: 'completed',
      description_of_work: 'Lay new service pipe',
      location_description: '',
      promoter_swa_code: '7374',
      promoter_organisation: 'Northern Gas Networks',
      highway_authority: 'Leeds City Council',
      usrn: 10104523,
      street: 'Park Row',
      town: 'Leeds',
      proposed_start_date: '2026-08-20T00:00:00.000Z',
      proposed_end_date: '2026-08-22T00:00:00.000Z',
      actual_start_date: '2026-08-20T07:00:00.000Z',
      actual_end_date: '2026-08-21T16:30:00.000Z',
      traffic_management_type: 'upcoming_enum',
      deadline_date: null,
      date_created: '2026-08-09T00:00:00.000Z',
      status_changed_date: '2026-08-21T16:30:00.000Z',
      works_coordinates: null,
    } as unknown as SmPermitSummary;
    expect(permitFromReporting(row, EVERYONE)).toEqual({
      permitReferenceNumber: 'NGN0001234-01',
      workReferenceNumber: 'NGN0001234',
      status: 'closed',
      assessmentStatus: 'unknown',
      workCategory: 'major',
      workStatus: 'completed',
      description: 'Lay new service pipe',
      locationDescription: null,
      promoterSwaCode: '7374',
      promoterName: 'Northern Gas Networks',
      highwayAuthoritySwaCode: null,
      highwayAuthorityName: 'Leeds City Council',
      usrn: 10104523,
      streetName: 'Park Row',
      town: 'Leeds',
      proposedStartDate: '2026-08-20',
      proposedEndDate: '2026-08-22',
      actualStartDate: '2026-08-20T07:00:00Z',
      actualEndDate: '2026-08-21T16:30:00Z',
      trafficManagementType: 'unknown',
      deadlineDate: null,
      dateCreated: '2026-08-09T00:00:00Z',
      statusChangedDate: '2026-08-21T16:30:00Z',
      geometry: null,
      links: SELF_LINKS,
    });
  });

  it('offers each write only to a caller holding its permission', () => {
    const permit = {
      permit_reference_number: 'NGN0001234-01',
      work_reference_number: 'NGN0001234',
      permit_status: 'granted',
      usrn: 10104523,
    } as unknown as SmPermit;
    const rels = (caller: Caller) => permitFromStreetManager(permit, caller).links.map((l) => l.rel);
    expect(rels(callerWith(Permission.READ, Permission.PROMOTER_WRITE))).toEqual([
      'self',
      'work',
      'street',
      'permit-alterations',
      'update-status',
    ]);
    expect(rels(callerWith(Permission.READ, Permission.AUTHORITY_WRITE))).toEqual([
      'self',
      'work',
      'street',
      'permit-alterations',
      'assess',
    ]);
    expect(rels(callerWith(Permission.READ))).toEqual(['self', 'work', 'street', 'permit-alterations']);
  });
});
