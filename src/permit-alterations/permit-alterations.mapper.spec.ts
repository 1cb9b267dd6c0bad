import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { SmPermit, SmPermitAlteration } from '../upstreams/street-manager/work-api.client';
import { checkAlteration, checkAssessment } from './permit-alterations.service';
import {
  alterationFromStreetManager,
  alterationSummaryFromReporting,
  alterationToStreetManager,
  permitOfAlteration,
} from './permit-alterations.mapper';

type SmAlterationRow = SmReportingLists['/alterations']['row'];

describe('permit alteration mapping', () => {
  it('derives the permit and the work from the reference', () => {
    expect(permitOfAlteration('NGN0000123-01-ALT-02')).toEqual({
      permit: 'NGN0000123-01',
      work: 'NGN0000123',
    });
    expect(permitOfAlteration('NGN0000123-ALT-02')).toBeUndefined();
    expect(permitOfAlteration('NGN0000123-01')).toBeUndefined();
  });

  it('carries the permit’s other terms over and applies the caller’s changes', () => {
    const permit = {
      description_of_work: 'Old description',
      works_location_description: 'Old place',
      traffic_management_type: 'lane_closure',
      activity_type: 'utility_repair_and_maintenance_works',
      location_types: ['footway'],
      work_type: 'planned',
      close_footway: 'no',
      excavation: true,
      secondary_contact: 'A. Person',
      works_coordinates: { type: 'Point', coordinates: [430000, 433500] },
    } as unknown as SmPermit;
    const sm = alterationToStreetManager(
      {
        permitReferenceNumber: 'NGN0000123-01',
        proposedStartDate: '2026-10-01',
        proposedEndDate: '2026-10-16',
        reason: 'Longer',
        description: 'New description',
      },
      permit,
    );
    expect(sm).toMatchObject({
      permit_alteration_reason: 'Longer',
      proposed_start_date: '2026-10-01T00:00:00.000Z',
      proposed_end_date: '2026-10-16T00:00:00.000Z',
      description_of_work: 'New description',
      works_location_description: 'Old place',
      traffic_management_type: 'lane_closure',
      excavation: true,
      secondary_contact: 'A. Person',
      works_coordinates: permit.works_coordinates,
    });
  });

  it('states the date rules and the assessment’s conditions as field details', () => {
    const now = new Date('2026-09-01T12:00:00Z');
    expect(
      checkAlteration(
        {
          permitReferenceNumber: 'X-01',
          proposedStartDate: '2026-09-01',
          proposedEndDate: '2026-09-01',
          reason: 'r',
        },
        now,
      ),
    ).toEqual([]);
    expect(checkAssessment({ status: 'granted', discountPercent: 0 })).toEqual([]);
    expect(checkAssessment({ status: 'refused', reasonablePeriodEndDate: '2026-10-01' })).toEqual([
      { field: 'comments', message: 'is required when the status becomes refused' },
      { field: 'reasonablePeriodEndDate', message: 'is only for a duration challenge' },
    ]);
  });
});

describe('permit alteration mapping, whole representations', () => {
  it('sends the whole create body: the caller’s changes, the permit’s other terms, V6 nulls left out', () => {
    const permit = {
      description_of_work: 'Lay new service pipe',
      works_location_description: 'Opposite number 4',
      traffic_management_type: 'lane_closure',
      secondary_contact: 'Site manager',
      secondary_contact_number: '0113 496 0001',
      secondary_contact_email: null,
      excavation: true,
      project_reference_number: 'PRJ-7',
      traffic_management_plan: false,
      lane_rental_applicable: false,
      works_coordinates: { type: 'Point', coordinates: [430000, 433500] },
      collaborative_working: true,
      collaboration_details: 'With Yorkshire Water',
      collaborative_works: 'YW0000001',
      collaboration_types: ['shared_trench', 'other'],
      activity_type: 'new_service_connection',
      application_type: 'permit',
      location_types: ['footway', 'carriageway'],
      work_type: 'planned',
      is_ttro_required: false,
      immediate_risk: null,
      close_footway: 'no',
      close_footpath: 'no',
      emergency_contact_name: 'Control room',
      emergency_contact_number: '0800 111 999',
      early_start_pre_approval: null,
      pre_approval_details: null,
      pre_approval_authoriser: null,
      early_start_reason: null,
      additional_info: null,
    } as unknown as SmPermit;
    expect(
      alterationToStreetManager(
        {
          permitReferenceNumber: 'NGN0001234-01',
          proposedStartDate: '2026-10-01',
          proposedEndDate: '2026-10-16',
          reason: 'Longer',
          trafficManagementType: 'road_closure',
          closeFootpath: 'yes',
        },
        permit,
      ),
    ).toEqual({
      permit_alteration_reason: 'Longer',
      proposed_start_date: '2026-10-01T00:00:00.000Z',
      proposed_end_date: '2026-10-16T00:00:00.000Z',
      description_of_work: 'Lay new service pipe',
      works_location_description: 'Opposite number 4',
      traffic_management_type: 'road_closure',
      secondary_contact: 'Site manager',
      secondary_contact_number: '0113 496 0001',
      secondary_contact_email: undefined,
      excavation: true,
      project_reference_number: 'PRJ-7',
      traffic_management_plan: false,
      lane_rental_applicable: false,
      works_coordinates: { type: 'Point', coordinates: [430000, 433500] },
      collaborative_working: true,
      collaboration_details: 'With Yorkshire Water',
      collaborative_works: 'YW0000001',
      collaboration_type: 'shared_trench',
      activity_type: 'new_service_connection',
      application_type: 'permit',
      location_types: ['footway', 'carriageway'],
      work_type: 'planned',
      is_ttro_required: false,
      immediate_risk: undefined,
      close_footway: 'no',
      close_footpath: 'yes',
      emergency_contact_name: 'Control room',
      emergency_contact_number: '0800 111 999',
      early_start_pre_approval: undefined,
      pre_approval_details: undefined,
      pre_approval_authoriser: undefined,
      early_start_reason: undefined,
      additional_info: undefined,
    });
  });

  /** Ordnance Survey's stations LOND and BRIS (BNG → WGS84; the Helmert transform is within 2 m). */
  const LOND_BNG = [530624.963, 178388.461];
  const LOND_WGS84 = [expect.closeTo(-0.11993, 4), expect.closeTo(51.48937, 4)];
  const BRIS_BNG = [362269.979, 169978.688];
  const BRIS_WGS84 = [expect.closeTo(-2.54408, 4), expect.closeTo(51.42755, 4)];
  const authority: Caller = {
    clientId: 'c',
    kind: 'subscription-key',
    name: 'n',
    product: 'p',
    permissions: [Permission.READ, Permission.AUTHORITY_WRITE],
    organisation: '4720',
    userIdentifier: 'u',
    userName: 'U',
  };
  const links = (reference: string) => [
    { rel: 'self', href: `/v1/permit-alterations/${reference}`, type: 'GET' },
    { rel: 'permit', href: '/v1/permits/NGN0001234-01', type: 'GET' },
    { rel: 'work', href: '/v1/works/NGN0001234', type: 'GET' },
  ];

  it('maps an alteration in full: the permit’s terms before and after, enums, UTC times, place links, the assessment', () => {
    const alteration = {
      permit_alteration_reference_number: 'NGN0001234-01-ALT-01',
      alteration_status: 'submitted',
      alteration_type: 'WORK_EXTENSION',
      date_created: '2026-08-09T13:58:07.000+01:00',
      deadline_date: '2026-08-11T23:59:59.000Z',
      permit_alteration_reason: 'Ground conditions',
      permit_status: 'granted',
      assessment_comments: '',
      assessment_discount: null,
      original: {
        permit_reference_number: 'NGN0001234-01',
        work_reference_number: 'NGN0001234',
        work_status: 'in_progress',
        work_category: 'standard',
        promoter_organisation: 'Northern Gas Networks',
        promoter_swa_code: '7374',
        highway_authority: 'Leeds City Council',
        highway_authority_swa_code: '4720',
        street_name: 'Park Row',
        town: 'Leeds',
        area_name: 'City Centre',
        usrn: 10104523.0,
        proposed_start_date: '2026-08-10T00:00:00.000Z',
        proposed_end_date: '2026-08-14T00:00:00.000Z',
        description_of_work: 'Lay new service pipe',
        works_location_description: 'Opposite number 4',
        traffic_management_type: 'lane_closure',
        works_coordinates: { type: 'Point', coordinates: LOND_BNG },
      },
      proposed: {
        proposed_start_date: '2026-08-10T00:00:00.000Z',
        proposed_end_date: '2026-08-18T00:00:00.000Z',
        description_of_work: 'Lay new service pipe',
        works_location_description: 'Opposite numbers 4 to 8',
        traffic_management_type: 'upcoming_enum',
        works_coordinates: { type: 'Point', coordinates: BRIS_BNG },
      },
    } as unknown as SmPermitAlteration;
    expect(alterationFromStreetManager(alteration, authority)).toEqual({
      alterationReferenceNumber: 'NGN0001234-01-ALT-01',
      permitReferenceNumber: 'NGN0001234-01',
      workReferenceNumber: 'NGN0001234',
      status: 'submitted',
      type: 'WORK_EXTENSION',
      proposedStartDate: '2026-08-10',
      proposedEndDate: '2026-08-18',
      workStatus: 'in_progress',
      workCategory: 'standard',
      promoterName: 'Northern Gas Networks',
      highwayAuthorityName: 'Leeds City Council',
      streetName: 'Park Row',
      town: 'Leeds',
      area: 'City Centre',
      locationDescription: 'Opposite numbers 4 to 8',
      dateCreated: '2026-08-09T12:58:07Z',
      deadlineDate: '2026-08-11T23:59:59Z',
      reason: 'Ground conditions',
      permitStatus: 'granted',
      assessmentComments: null,
      assessmentDiscountPercent: null,
      promoterSwaCode: '7374',
      highwayAuthoritySwaCode: '4720',
      usrn: 10104523,
      original: {
        proposedStartDate: '2026-08-10',
        proposedEndDate: '2026-08-14',
        description: 'Lay new service pipe',
        locationDescription: 'Opposite number 4',
        trafficManagementType: 'lane_closure',
        geometry: { type: 'Point', coordinates: LOND_WGS84 },
      },
      proposed: {
        proposedStartDate: '2026-08-10',
        proposedEndDate: '2026-08-18',
        description: 'Lay new service pipe',
        locationDescription: 'Opposite numbers 4 to 8',
        trafficManagementType: 'unknown',
        geometry: { type: 'Point', coordinates: BRIS_WGS84 },
      },
      links: [
        ...links('NGN0001234-01-ALT-01'),
        { rel: 'street', href: '/v1/streets/10104523', type: 'GET' },
        { rel: 'highway-authority', href: '/v1/organisations/4720', type: 'GET' },
        { rel: 'promoter', href: '/v1/organisations/7374', type: 'GET' },
        { rel: 'update-status', href: '/v1/permit-alterations/NGN0001234-01-ALT-01/status', type: 'PUT' },
      ],
    });
  });

  it('maps a reporting row; an alteration already decided offers no status write', () => {
    const row = {
      alteration_reference_number: 'NGN0001234-01-ALT-02',
      permit_reference_number: 'NGN0001234-01',
      work_reference_number: 'NGN0001234',
      alteration_status: 'granted',
      alteration_type: 'NEW_KIND',
      proposed_start_date: '2026-08-10T00:00:00.000Z',
      proposed_end_date: '2026-08-20T00:00:00.000Z',
      work_status: 'in_progress',
      work_category: 'standard',
      promoter: 'Northern Gas Networks',
      highway_authority: 'Leeds City Council',
      street: 'Park Row',
      town: '',
      area: 'City Centre',
      location_description: 'Opposite number 4',
      date_created: '2026-08-09T00:00:00.000Z',
      deadline_date: null,
      status_changed_date: '2026-08-10T09:00:00.000Z',
    } as unknown as SmAlterationRow;
    expect(alterationSummaryFromReporting(row, authority)).toEqual({
      alterationReferenceNumber: 'NGN0001234-01-ALT-02',
      permitReferenceNumber: 'NGN0001234-01',
      workReferenceNumber: 'NGN0001234',
      status: 'granted',
      type: 'unknown',
      proposedStartDate: '2026-08-10',
      proposedEndDate: '2026-08-20',
      workStatus: 'in_progress',
      workCategory: 'standard',
      promoterName: 'Northern Gas Networks',
      highwayAuthorityName: 'Leeds City Council',
      streetName: 'Park Row',
      town: null,
      area: 'City Centre',
      locationDescription: 'Opposite number 4',
      dateCreated: '2026-08-09T00:00:00Z',
      deadlineDate: null,
      statusChangedDate: '2026-08-10T09:00:00Z',
      links: links('NGN0001234-01-ALT-02'),
    });
  });
});
