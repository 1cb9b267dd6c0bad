import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { SmForwardPlan } from '../upstreams/street-manager/work-api.client';
import { forwardPlanFromStreetManager, forwardPlanSummaryFromReporting } from './forward-plans.mapper';

type SmForwardPlanRow = SmReportingLists['/forward-plans']['row'];

/** Ordnance Survey's station LOND: BNG 530624.963 178388.461 is WGS84 −0.1199256, 51.4893656 (Helmert: within 2 m). */
const LOND_BNG = [530624.963, 178388.461];
const LOND_WGS84 = [expect.closeTo(-0.11993, 4), expect.closeTo(51.48937, 4)];

const PROMOTER: Caller = {
  clientId: 'c',
  kind: 'subscription-key',
  name: 'n',
  product: 'p',
  permissions: [Permission.READ, Permission.PROMOTER_WRITE],
  organisation: '7374',
  userIdentifier: 'u',
  userName: 'U',
};

describe('forward plans mapper', () => {
  it('maps a plan in full: dates, enums, the position in WGS84, links with the status write while raised', () => {
    const plan = {
      forward_plan_reference_number: 'NGN0001234-FP-01',
      work_reference_number: 'NGN0001234',
      forward_plan_status: 'raised',
      start_date: '2026-09-01T00:00:00.000Z',
      end_date: '2026-09-30T00:00:00.000Z',
      promoter_organisation: 'Northern Gas Networks',
      highway_authority: 'Leeds City Council',
      street_name: 'Park Row',
      town: 'Leeds',
      area_name: '',
      works_location_description: 'Whole street',
      date_created: '2026-08-01T09:15:00.000+01:00',
      promoter_swa_code: '7374',
      highway_authority_swa_code: '4720',
      usrn: 10104523.0,
      description_of_work: 'Mains replacement',
      traffic_management_type: 'road_closure',
      project_reference_number: 'PRJ-7',
      additional_info: null,
      cancelled_reason: null,
      works_coordinates: { type: 'Point', coordinates: LOND_BNG },
    } as unknown as SmForwardPlan;
    expect(forwardPlanFromStreetManager(plan, PROMOTER)).toEqual({
      forwardPlanReferenceNumber: 'NGN0001234-FP-01',
      workReferenceNumber: 'NGN0001234',
      status: 'raised',
      proposedStartDate: '2026-09-01',
      proposedEndDate: '2026-09-30',
      promoterName: 'Northern Gas Networks',
      highwayAuthorityName: 'Leeds City Council',
      streetName: 'Park Row',
      town: 'Leeds',
      area: null,
      locationDescription: 'Whole street',
      dateCreated: '2026-08-01T08:15:00Z',
      promoterSwaCode: '7374',
      highwayAuthoritySwaCode: '4720',
      usrn: 10104523,
      description: 'Mains replacement',
      trafficManagementType: 'road_closure',
      projectReferenceNumber: 'PRJ-7',
      additionalInfo: null,
      cancelledReason: null,
      geometry: { type: 'Point', coordinates: LOND_WGS84 },
      links: [
        { rel: 'self', href: '/v1/forward-plans/NGN0001234-FP-01', type: 'GET' },
        { rel: 'work', href: '/v1/works/NGN0001234', type: 'GET' },
        { rel: 'update-status', href: '/v1/forward-plans/NGN0001234-FP-01/status', type: 'PUT' },
      ],
    });
  });

  it('maps a reporting row; a plan no longer raised offers no status write', () => {
    const row = {
      forward_plan_reference_number: 'NGN0001234-FP-02',
      work_reference_number: 'NGN0001234',
      forward_plan_status: 'progressed',
      proposed_start_date: '2026-09-01T00:00:00.000Z',
      proposed_end_date: '2026-09-02T00:00:00.000Z',
      promoter_organisation: 'Northern Gas Networks',
      highway_authority: 'Leeds City Council',
      street: 'Park Row',
      town: 'Leeds',
      area: 'City Centre',
      location_description: 'Outside number 2',
      date_created: '2026-08-01T00:00:00.000Z',
    } as unknown as SmForwardPlanRow;
    expect(forwardPlanSummaryFromReporting(row, PROMOTER)).toEqual({
      forwardPlanReferenceNumber: 'NGN0001234-FP-02',
      workReferenceNumber: 'NGN0001234',
      status: 'progressed',
      proposedStartDate: '2026-09-01',
      proposedEndDate: '2026-09-02',
      promoterName: 'Northern Gas Networks',
      highwayAuthorityName: 'Leeds City Council',
      streetName: 'Park Row',
      town: 'Leeds',
      area: 'City Centre',
      locationDescription: 'Outside number 2',
      dateCreated: '2026-08-01T00:00:00Z',
      links: [
        { rel: 'self', href: '/v1/forward-plans/NGN0001234-FP-02', type: 'GET' },
        { rel: 'work', href: '/v1/works/NGN0001234', type: 'GET' },
      ],
    });
  });
});
