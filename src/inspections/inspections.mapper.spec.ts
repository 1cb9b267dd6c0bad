import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { SmInspection } from '../upstreams/street-manager/work-api.client';
import {
  inspectionFromStreetManager,
  inspectionSummaryFromReporting,
  inspectionToStreetManager,
} from './inspections.mapper';

type SmInspectionRow = SmReportingLists['/inspections']['row'];

const INSPECTOR: Caller = {
  clientId: 'c',
  kind: 'subscription-key',
  name: 'n',
  product: 'p',
  permissions: [Permission.READ, Permission.AUTHORITY_WRITE],
  organisation: '4720',
  userIdentifier: 'u',
  userName: 'An inspector with a name longer than Street Manager keeps (50)',
};

const LINKS = [
  { rel: 'self', href: '/v1/inspections/NGN0001234-INS-01', type: 'GET' },
  { rel: 'work', href: '/v1/works/NGN0001234', type: 'GET' },
  { rel: 'permits', href: '/v1/permits?workReferenceNumber=NGN0001234', type: 'GET' },
];

describe('inspections mapper', () => {
  it('maps an inspection in full: enums, UTC times, failure reasons (a newer code unknown), links', () => {
    const inspection = {
      inspection_reference_number: 'NGN0001234-INS-01',
      work_reference_number: 'NGN0001234',
      inspection_type: 'live_site',
      inspection_category: 'a',
      inspection_outcome: 'failed_high',
      inspection_status: 'recorded',
      inspection_start_date: '2026-08-09T13:58:07.000+01:00',
      reinspection_date: '2026-08-16T00:00:00.000Z',
      made_safe_by_ha: false,
      highway_authority: 'Leeds City Council',
      promoter_organisation: 'Northern Gas Networks',
      date_created: '2026-08-09T14:00:00.000+01:00',
      date_modified: null,
      inspection_outcome_details: 'Barriers missing',
      failure_reason_details: [
        { failure_reason: 'signing_lighting_and_guarding', details: 'No lamps' },
        { failure_reason: 'upcoming_enum', details: 'Something new' },
      ],
      was_call_logged: true,
      call_logged_to: 'NGN control room',
      call_logged_reference: 'CALL-1',
      call_logged_summary: 'Reported at once',
      defect_fixed_on_site: 'no',
      additional_comments: null,
      inspector_name: 'A. Inspector',
      inspection_reason_for_withdrawal: null,
      withdrawal_details: null,
    } as unknown as SmInspection;
    expect(inspectionFromStreetManager(inspection, INSPECTOR)).toEqual({
      inspectionReferenceNumber: 'NGN0001234-INS-01',
      workReferenceNumber: 'NGN0001234',
      type: 'live_site',
      category: 'a',
      outcome: 'failed_high',
      status: 'recorded',
      inspectionDate: '2026-08-09T12:58:07Z',
      reinspectionDate: '2026-08-16T00:00:00Z',
      madeSafeByHighwayAuthority: false,
      highwayAuthorityName: 'Leeds City Council',
      promoterName: 'Northern Gas Networks',
      dateCreated: '2026-08-09T13:00:00Z',
      dateModified: null,
      outcomeDetails: 'Barriers missing',
      defectDetails: null,
      failureReasons: [
        { reason: 'signing_lighting_and_guarding', details: 'No lamps' },
        { reason: 'unknown', details: 'Something new' },
      ],
      wasCallLogged: true,
      callLoggedTo: 'NGN control room',
      callLoggedReference: 'CALL-1',
      callLoggedSummary: 'Reported at once',
      defectFixedOnSite: 'no',
      additionalComments: null,
      inspectorName: 'A. Inspector',
      withdrawalReason: null,
      withdrawalDetails: null,
      links: LINKS,
    });
  });

  it('maps a reporting row, absent optional values as null (V6 rows carry no reinspection date or response type: V6-A14)', () => {
    const row = {
      inspection_reference_number: 'NGN0001234-INS-01',
      work_reference_number: 'NGN0001234',
      inspection_type: 'reinstatement',
      inspection_category: null,
      inspection_outcome: 'passed',
      inspection_status: 'withdrawn',
      inspection_date: '2026-08-09T00:00:00.000Z',
      highway_authority: 'Leeds City Council',
      promoter_organisation: 'Northern Gas Networks',
      date_created: '2026-08-09T00:00:00.000Z',
      date_modified: '2026-08-10T00:00:00.000Z',
      street: 'Park Row',
      town: 'Leeds',
      area: '',
      location_description: 'Outside number 12',
    } as unknown as SmInspectionRow;
    expect(inspectionSummaryFromReporting(row, INSPECTOR)).toEqual({
      inspectionReferenceNumber: 'NGN0001234-INS-01',
      workReferenceNumber: 'NGN0001234',
      type: 'reinstatement',
      category: null,
      outcome: 'passed',
      status: 'withdrawn',
      inspectionDate: '2026-08-09T00:00:00Z',
      reinspectionDate: null,
      madeSafeByHighwayAuthority: null,
      highwayAuthorityName: 'Leeds City Council',
      promoterName: 'Northern Gas Networks',
      dateCreated: '2026-08-09T00:00:00Z',
      dateModified: '2026-08-10T00:00:00Z',
      responseType: null,
      streetName: 'Park Row',
      town: 'Leeds',
      area: null,
      locationDescription: 'Outside number 12',
      links: LINKS,
    });
  });

  it('sends Street Manager its names for a new inspection, the recording user cut to 50 characters', () => {
    expect(
      inspectionToStreetManager(
        {
          workReferenceNumber: 'NGN0001234',
          type: 'live_site',
          inspectionDate: '2026-08-09T09:00:00Z',
          category: 'a',
          outcome: 'failed_high',
          outcomeDetails: 'Barriers missing',
          wasCallLogged: true,
          callLoggedTo: 'NGN control room',
          callLoggedReference: 'CALL-1',
          callLoggedSummary: 'Reported at once',
          defectFixedOnSite: 'no',
          additionalComments: 'Revisit',
          inspectorName: 'A. Inspector',
          reinspectionDate: '2026-08-16T09:00:00Z',
          madeSafeByHighwayAuthority: false,
        },
        INSPECTOR,
      ),
    ).toEqual({
      inspection_type: 'live_site',
      inspection_start_date: '2026-08-09T09:00:00Z',
      inspection_category: 'a',
      inspection_outcome: 'failed_high',
      inspection_outcome_details: 'Barriers missing',
      was_call_logged: true,
      call_logged_to: 'NGN control room',
      call_logged_reference: 'CALL-1',
      call_logged_summary: 'Reported at once',
      defect_fixed_on_site: 'no',
      additional_comments: 'Revisit',
      inspection_evidence: false,
      reinspection_date: '2026-08-16T09:00:00Z',
      reinspection_date_time: '2026-08-16T09:00:00Z',
      username: 'An inspector with a name longer than Street Manage',
      inspector_name: 'A. Inspector',
      made_safe_by_ha: false,
    });
  });
});
