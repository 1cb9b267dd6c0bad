import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import {
  integerOrNull,
  isoDateTime,
  openEnum,
  openEnumOrNull,
  textOrNull,
} from '../common/fields/upstream-values';
import { geometryToBng, geometryToWgs84 } from '../common/geo/geometry';
import { links } from '../common/links/link';
import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { SmSection81, SmSection81CreateRequest } from '../upstreams/street-manager/work-api.client';
import { LOCATION_TYPES } from '../common/vocabulary/street-manager-enums';
import type { Section81Dto, Section81SummaryDto } from './dto/section-81.dto';
import {
  CLOSED_SECTION_81_STATUSES,
  SECTION_81_SEVERITIES,
  SECTION_81_STATUSES,
  SECTION_81_TYPES,
  SECTION_81_WORK_TYPES,
} from './dto/section-81-enums';
import type { CreateSection81Dto } from './dto/section-81-writes.dto';
import { section81Path, worksPath } from '../common/links/paths';

type SmSection81Row = SmReportingLists['/section-81s']['row'];
type SmCreate = Omit<SmSection81CreateRequest, 'internal_user_identifier' | 'internal_user_name'>;

export const SECTION_81_SUMMARY_FIELDS = [
  'section81ReferenceNumber',
  'workReferenceNumber',
  'status',
  'severity',
  'madeSafeByHighwayAuthority',
  'issueDate',
  'statusChangedDate',
  'promoterName',
  'highwayAuthorityName',
  'streetName',
  'town',
  'area',
  'locationDescription',
] as const;
export const SECTION_81_FIELDS = [
  ...SECTION_81_SUMMARY_FIELDS,
  'type',
  'otherTypeDetails',
  'locationTypes',
  'inspectionDate',
  'details',
  'inspectorName',
  'inspectorContactNumber',
  'promoterResponse',
  'workType',
  'promoterSwaCode',
  'highwayAuthoritySwaCode',
  'usrn',
  'geometry',
] as const;

interface LinkFacts {
  reference: string;
  workReferenceNumber: string;
  status: string;
  usrn?: number | null;
  promoterSwaCode?: string;
  highwayAuthoritySwaCode?: string;
}

function section81Links(caller: Caller | undefined, s: LinkFacts): Section81Dto['links'] {
  return links(caller)
    .self(section81Path(s.reference))
    .related('work', worksPath(s.workReferenceNumber))
    .place(s)
    .action(
      'update-status',
      `${section81Path(s.reference)}/status`,
      'PUT',
      Permission.AUTHORITY_WRITE,
      !CLOSED_SECTION_81_STATUSES.includes(s.status),
    )
    .build();
}

export function section81SummaryFromReporting(
  row: SmSection81Row,
  caller: Caller | undefined,
): Section81SummaryDto {
  const status = openEnum(row.section_81_status, SECTION_81_STATUSES);
  return {
    section81ReferenceNumber: row.section_81_reference_number,
    workReferenceNumber: row.work_reference_number,
    status,
    severity: openEnum(row.section_81_severity, SECTION_81_SEVERITIES),
    madeSafeByHighwayAuthority: row.made_safe_by_ha ?? false, // optional in V6: not said means not made safe
    issueDate: isoDateTime(row.issue_date),
    statusChangedDate: isoDateTime(row.status_changed_date),
    promoterName: row.promoter_organisation,
    highwayAuthorityName: row.highway_authority,
    streetName: textOrNull(row.street),
    town: textOrNull(row.town),
    area: textOrNull(row.area),
    locationDescription: textOrNull(row.location_description),
    links: section81Links(caller, {
      reference: row.section_81_reference_number,
      workReferenceNumber: row.work_reference_number,
      status,
    }),
  };
}

export function section81FromStreetManager(s: SmSection81, caller: Caller | undefined): Section81Dto {
  const status = openEnum(s.section_81_status, SECTION_81_STATUSES);
  const usrn = integerOrNull(s.usrn);
  return {
    section81ReferenceNumber: s.section_81_reference_number,
    workReferenceNumber: s.work_reference_number,
    status,
    severity: openEnum(s.section_81_severity, SECTION_81_SEVERITIES),
    madeSafeByHighwayAuthority: s.made_safe_by_ha ?? false,
    issueDate: isoDateTime(s.date_created),
    statusChangedDate: isoDateTime(s.status_changed_date),
    promoterName: s.promoter_organisation,
    highwayAuthorityName: s.highway_authority,
    streetName: textOrNull(s.street_name),
    town: textOrNull(s.town),
    area: textOrNull(s.area),
    locationDescription: textOrNull(s.location_description),
    type: openEnum(s.section_81_type, SECTION_81_TYPES),
    otherTypeDetails: textOrNull(s.other_type_details),
    locationTypes: s.location_types.map((t) => openEnum(t, LOCATION_TYPES)),
    inspectionDate: isoDateTime(s.inspection_date),
    details: s.additional_details,
    inspectorName: textOrNull(s.inspector_name),
    inspectorContactNumber: textOrNull(s.inspector_contact_number),
    promoterResponse: textOrNull(s.promoter_response),
    workType: openEnumOrNull(s.section_81_work_type, SECTION_81_WORK_TYPES),
    promoterSwaCode: s.promoter_swa_code,
    highwayAuthoritySwaCode: s.highway_authority_swa_code,
    usrn,
    geometry: geometryToWgs84(s.works_coordinates),
    links: section81Links(caller, {
      reference: s.section_81_reference_number,
      workReferenceNumber: s.work_reference_number,
      status,
      usrn,
      promoterSwaCode: s.promoter_swa_code,
      highwayAuthoritySwaCode: s.highway_authority_swa_code,
    }),
  };
}

/** Street Manager field → ours, so a refusal's details name fields the caller sent. */
export const SECTION_81_FIELD_NAMES: Record<string, string> = {
  promoter_swa_code: 'promoterSwaCode',
  highway_authority_swa_code: 'highwayAuthoritySwaCode',
  works_coordinates: 'geometry',
  location_description: 'locationDescription',
  location_types: 'locationTypes',
  inspection_date: 'inspectionDate',
  section_81_type: 'type',
  section_81_severity: 'severity',
  made_safe_by_ha: 'madeSafeByHighwayAuthority',
  additional_details: 'details',
  other_type_details: 'otherTypeDetails',
  inspector_name: 'inspectorName',
  inspector_contact_number: 'inspectorContactNumber',
};

export function section81ToStreetManager(dto: CreateSection81Dto): SmCreate {
  return {
    promoter_swa_code: dto.promoterSwaCode.padStart(4, '0'),
    highway_authority_swa_code: dto.highwayAuthoritySwaCode.padStart(4, '0'),
    usrn: dto.usrn,
    works_coordinates: geometryToBng(dto.geometry),
    location_description: dto.locationDescription,
    location_types: dto.locationTypes as SmCreate['location_types'],
    inspection_date: dto.inspectionDate,
    section_81_type: dto.type as SmCreate['section_81_type'],
    other_type_details: dto.otherTypeDetails,
    section_81_severity: dto.severity as SmCreate['section_81_severity'],
    made_safe_by_ha: dto.madeSafeByHighwayAuthority,
    additional_details: dto.details,
    inspector_name: dto.inspectorName,
    inspector_contact_number: dto.inspectorContactNumber,
    section_81_evidence: false,
  };
}
