import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import { isoDateTime, openEnum, textOrNull } from '../common/fields/upstream-values';
import { links } from '../common/links/link';
import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { SmFpn, WorkApiClient } from '../upstreams/street-manager/work-api.client';
import type { CreateFixedPenaltyNoticeDto } from './dto/fixed-penalty-notice-writes.dto';
import type { FixedPenaltyNoticeDto, FixedPenaltyNoticeSummaryDto } from './dto/fixed-penalty-notice.dto';
import { FPN_STATUSES, OFFENCE_CODES, PAYMENT_METHODS } from './dto/fpn-enums';
import { fpnPath, ofWork, permitPath, V1, worksPath } from '../common/links/paths';

type SmFpnRow = SmReportingLists['/fixed-penalty-notices']['row'];
type SmFpnCreate = Parameters<WorkApiClient['createFixedPenaltyNotice']>[2];

const CORE_FIELDS = [
  'fpnReferenceNumber',
  'workReferenceNumber',
  'offenceCode',
  'status',
  'issueDate',
  'statusChangedDate',
  'promoterName',
  'highwayAuthorityName',
] as const;
export const FPN_SUMMARY_FIELDS = [...CORE_FIELDS, 'streetName'] as const;
export const FPN_FIELDS = [
  ...CORE_FIELDS,
  'permitReferenceNumber',
  'offenceDate',
  'offenceDetails',
  'location',
  'authorisedOfficer',
  'officerContactDetails',
  'officerAddress',
  'representationsContact',
  'representationsContactAddress',
  'paymentMethods',
] as const;

function fpnLinks(
  caller: Caller | undefined,
  reference: string,
  workReferenceNumber: string,
  permitReferenceNumber: string | null,
): FixedPenaltyNoticeDto['links'] {
  return links(caller)
    .self(fpnPath(reference))
    .related('work', worksPath(workReferenceNumber))
    .related(
      'permit',
      permitReferenceNumber ? permitPath(permitReferenceNumber) : ofWork(V1.permits, workReferenceNumber),
    )
    .action('update-status', `${fpnPath(reference)}/status`, 'PUT', Permission.AUTHORITY_WRITE)
    .build();
}

export function fpnSummaryFromReporting(
  row: SmFpnRow,
  caller: Caller | undefined,
): FixedPenaltyNoticeSummaryDto {
  return {
    fpnReferenceNumber: row.fpn_reference_number,
    workReferenceNumber: row.work_reference_number,
    offenceCode: openEnum(row.offence_code, OFFENCE_CODES),
    status: openEnum(row.status, FPN_STATUSES),
    issueDate: isoDateTime(row.issue_date),
    statusChangedDate: isoDateTime(row.status_changed_date),
    promoterName: row.promoter,
    highwayAuthorityName: row.highway_authority,
    streetName: textOrNull(row.street_name),
    links: fpnLinks(caller, row.fpn_reference_number, row.work_reference_number, null),
  };
}

export function fpnFromStreetManager(f: SmFpn, caller: Caller | undefined): FixedPenaltyNoticeDto {
  const permit = textOrNull(f.permit_reference_number);
  return {
    fpnReferenceNumber: f.fpn_reference_number,
    workReferenceNumber: f.work_reference_number,
    offenceCode: openEnum(f.fpn_offence_type, OFFENCE_CODES),
    status: openEnum(f.fpn_status, FPN_STATUSES),
    issueDate: isoDateTime(f.issue_date_time),
    statusChangedDate: isoDateTime(f.status_changed_date),
    promoterName: f.promoter_organisation,
    highwayAuthorityName: f.ha_organisation,
    permitReferenceNumber: permit,
    offenceDate: isoDateTime(f.offence_date),
    offenceDetails: f.offence_details,
    location: f.location,
    authorisedOfficer: f.authorised_officer,
    officerContactDetails: f.officer_contact_details,
    officerAddress: textOrNull(f.officer_address),
    representationsContact: textOrNull(f.representations_contact),
    representationsContactAddress: textOrNull(f.representations_contact_address),
    paymentMethods: (f.payment_methods ?? []).map((m) => openEnum(m, PAYMENT_METHODS)),
    links: fpnLinks(caller, f.fpn_reference_number, f.work_reference_number, permit),
  };
}

export const FPN_FIELD_NAMES: Record<string, string> = {
  offence_code: 'offenceCode',
  offence_date: 'offenceDate',
  offence_details: 'offenceDetails',
  authorised_officer: 'authorisedOfficer',
  officer_contact_details: 'officerContactDetails',
  officer_address: 'officerAddress',
  representations_contact: 'representationsContact',
  representations_contact_address: 'representationsContactAddress',
  payment_methods: 'paymentMethods',
  permit_reference_number: 'permitReferenceNumber',
};

export function fpnToStreetManager(dto: CreateFixedPenaltyNoticeDto): SmFpnCreate {
  return {
    fpn_evidence: false,
    offence_date: dto.offenceDate,
    offence_code: dto.offenceCode as SmFpnCreate['offence_code'],
    offence_details: dto.offenceDetails,
    authorised_officer: dto.authorisedOfficer,
    officer_contact_details: dto.officerContactDetails,
    officer_address: dto.officerAddress,
    representations_contact: dto.representationsContact,
    representations_contact_address: dto.representationsContactAddress,
    payment_methods: dto.paymentMethods as SmFpnCreate['payment_methods'],
    permit_reference_number: dto.permitReferenceNumber,
  };
}
