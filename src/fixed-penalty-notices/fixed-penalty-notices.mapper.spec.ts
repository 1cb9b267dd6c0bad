import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { SmFpn } from '../upstreams/street-manager/work-api.client';
import {
  fpnFromStreetManager,
  fpnSummaryFromReporting,
  fpnToStreetManager,
} from './fixed-penalty-notices.mapper';

type SmFpnRow = SmReportingLists['/fixed-penalty-notices']['row'];

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

describe('fixed penalty notices mapper', () => {
  it('maps a notice in full: enums, UTC times, the permit it names and the status write for an authority', () => {
    const fpn = {
      fpn_reference_number: 'NGN0001234-FPN-01',
      work_reference_number: 'NGN0001234',
      fpn_offence_type: 'offence_code_05',
      fpn_status: 'issued',
      issue_date_time: '2026-08-09T13:58:07.000+01:00',
      status_changed_date: '2026-08-09T13:58:07.000+01:00',
      promoter_organisation: 'Northern Gas Networks',
      ha_organisation: 'Leeds City Council',
      permit_reference_number: 'NGN0001234-01',
      offence_date: '2026-08-08T10:00:00.000Z',
      offence_details: 'Working without a permit',
      location: 'Park Row',
      authorised_officer: 'A. Officer',
      officer_contact_details: '0113 496 0003',
      officer_address: '',
      representations_contact: 'Streetworks team',
      representations_contact_address: 'Civic Hall, Leeds',
      payment_methods: ['bank_transfer', 'carrier_pigeon'],
    } as unknown as SmFpn;
    expect(fpnFromStreetManager(fpn, callerWith(Permission.READ, Permission.AUTHORITY_WRITE))).toEqual({
      fpnReferenceNumber: 'NGN0001234-FPN-01',
      workReferenceNumber: 'NGN0001234',
      offenceCode: 'offence_code_05',
      status: 'issued',
      issueDate: '2026-08-09T12:58:07Z',
      statusChangedDate: '2026-08-09T12:58:07Z',
      promoterName: 'Northern Gas Networks',
      highwayAuthorityName: 'Leeds City Council',
      permitReferenceNumber: 'NGN0001234-01',
      offenceDate: '2026-08-08T10:00:00Z',
      offenceDetails: 'Working without a permit',
      location: 'Park Row',
      authorisedOfficer: 'A. Officer',
      officerContactDetails: '0113 496 0003',
      officerAddress: null,
      representationsContact: 'Streetworks team',
      representationsContactAddress: 'Civic Hall, Leeds',
      paymentMethods: ['bank_transfer', 'unknown'],
      links: [
        { rel: 'self', href: '/v1/fixed-penalty-notices/NGN0001234-FPN-01', type: 'GET' },
        { rel: 'work', href: '/v1/works/NGN0001234', type: 'GET' },
        { rel: 'permit', href: '/v1/permits/NGN0001234-01', type: 'GET' },
        { rel: 'update-status', href: '/v1/fixed-penalty-notices/NGN0001234-FPN-01/status', type: 'PUT' },
      ],
    });
  });

  it('maps a reporting row; without a permit reference it links to the work’s permits, and a reader gets no write', () => {
    const row = {
      fpn_reference_number: 'NGN0001234-FPN-02',
      work_reference_number: 'NGN0001234',
      offence_code: 'offence_code_99',
      status: 'paid_discounted',
      issue_date: '2026-08-09T00:00:00.000Z',
      status_changed_date: null,
      promoter: 'Northern Gas Networks',
      highway_authority: 'Leeds City Council',
      street_name: 'Park Row',
    } as unknown as SmFpnRow;
    expect(fpnSummaryFromReporting(row, callerWith(Permission.READ))).toEqual({
      fpnReferenceNumber: 'NGN0001234-FPN-02',
      workReferenceNumber: 'NGN0001234',
      offenceCode: 'unknown',
      status: 'paid_discounted',
      issueDate: '2026-08-09T00:00:00Z',
      statusChangedDate: null,
      promoterName: 'Northern Gas Networks',
      highwayAuthorityName: 'Leeds City Council',
      streetName: 'Park Row',
      links: [
        { rel: 'self', href: '/v1/fixed-penalty-notices/NGN0001234-FPN-02', type: 'GET' },
        { rel: 'work', href: '/v1/works/NGN0001234', type: 'GET' },
        { rel: 'permit', href: '/v1/permits?workReferenceNumber=NGN0001234', type: 'GET' },
      ],
    });
  });

  it('sends Street Manager its names for a new notice, without evidence', () => {
    expect(
      fpnToStreetManager({
        workReferenceNumber: 'NGN0001234',
        permitReferenceNumber: 'NGN0001234-01',
        offenceCode: 'offence_code_05',
        offenceDate: '2026-08-08T10:00:00Z',
        offenceDetails: 'Working without a permit',
        authorisedOfficer: 'A. Officer',
        officerContactDetails: '0113 496 0003',
        officerAddress: 'Civic Hall, Leeds',
        representationsContact: 'Streetworks team',
        representationsContactAddress: 'Civic Hall, Leeds',
        paymentMethods: ['cheque'],
      }),
    ).toEqual({
      fpn_evidence: false,
      offence_date: '2026-08-08T10:00:00Z',
      offence_code: 'offence_code_05',
      offence_details: 'Working without a permit',
      authorised_officer: 'A. Officer',
      officer_contact_details: '0113 496 0003',
      officer_address: 'Civic Hall, Leeds',
      representations_contact: 'Streetworks team',
      representations_contact_address: 'Civic Hall, Leeds',
      payment_methods: ['cheque'],
      permit_reference_number: 'NGN0001234-01',
    });
  });
});
