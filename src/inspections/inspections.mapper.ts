import type { Caller } from '../auth/caller';
import { openEnum, openEnumOrNull, isoDateTime, textOrNull } from '../common/fields/upstream-values';
import { links } from '../common/links/link';
import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { SmInspection } from '../upstreams/street-manager/work-api.client';
import type { CreateInspectionDto } from './dto/inspection-writes.dto';
import type { InspectionDto, InspectionSummaryDto } from './dto/inspection.dto';
import {
  DEFECT_FIXED_ON_SITE,
  INSPECTION_CATEGORIES,
  INSPECTION_OUTCOMES,
  INSPECTION_STATUSES,
  INSPECTION_TYPES,
  INSPECTION_WITHDRAWAL_REASONS,
} from './dto/inspection-enums';
import { inspectionPath, ofWork, V1, worksPath } from '../common/links/paths';

type SmInspectionRow = SmReportingLists['/inspections']['row'];

const CORE_FIELDS = [
  'inspectionReferenceNumber',
  'workReferenceNumber',
  'type',
  'category',
  'outcome',
  'status',
  'inspectionDate',
  'reinspectionDate',
  'madeSafeByHighwayAuthority',
  'highwayAuthorityName',
  'promoterName',
  'dateCreated',
  'dateModified',
] as const;
export const INSPECTION_SUMMARY_FIELDS = [
  ...CORE_FIELDS,
  'responseType',
  'streetName',
  'town',
  'area',
  'locationDescription',
] as const;
export const INSPECTION_FIELDS = [
  ...CORE_FIELDS,
  'outcomeDetails',
  'defectDetails',
  'failureReasons',
  'wasCallLogged',
  'callLoggedTo',
  'callLoggedReference',
  'callLoggedSummary',
  'defectFixedOnSite',
  'additionalComments',
  'inspectorName',
  'withdrawalReason',
  'withdrawalDetails',
] as const;

function inspectionLinks(
  caller: Caller | undefined,
  reference: string,
  workReferenceNumber: string,
): InspectionDto['links'] {
  return links(caller)
    .self(inspectionPath(reference))
    .related('work', worksPath(workReferenceNumber))
    .related('permits', ofWork(V1.permits, workReferenceNumber))
    .build();
}

export function inspectionSummaryFromReporting(
  row: SmInspectionRow,
  caller: Caller | undefined,
): InspectionSummaryDto {
  const reference = row.inspection_reference_number ?? '';
  return {
    inspectionReferenceNumber: reference,
    workReferenceNumber: row.work_reference_number,
    type: openEnum(row.inspection_type, INSPECTION_TYPES),
    category: openEnumOrNull(row.inspection_category, INSPECTION_CATEGORIES),
    outcome: openEnumOrNull(row.inspection_outcome, INSPECTION_OUTCOMES),
    status: openEnum(row.inspection_status, INSPECTION_STATUSES),
    inspectionDate: isoDateTime(row.inspection_date),
    // V6 rows no longer carry the reinspection date or whether the row is a reinspection (V6-A14)
    reinspectionDate: null,
    madeSafeByHighwayAuthority: row.made_safe_by_ha ?? null,
    highwayAuthorityName: row.highway_authority,
    promoterName: row.promoter_organisation,
    dateCreated: isoDateTime(row.date_created),
    dateModified: isoDateTime(row.date_modified),
    responseType: null,
    streetName: textOrNull(row.street),
    town: textOrNull(row.town),
    area: textOrNull(row.area),
    locationDescription: textOrNull(row.location_description),
    links: inspectionLinks(caller, reference, row.work_reference_number),
  };
}

export function inspectionFromStreetManager(i: SmInspection, caller: Caller | undefined): InspectionDto {
  return {
    inspectionReferenceNumber: i.inspection_reference_number,
    workReferenceNumber: i.work_reference_number,
    type: openEnum(i.inspection_type, INSPECTION_TYPES),
    category: openEnumOrNull(i.inspection_category, INSPECTION_CATEGORIES),
    outcome: openEnumOrNull(i.inspection_outcome, INSPECTION_OUTCOMES),
    status: openEnum(i.inspection_status, INSPECTION_STATUSES),
    inspectionDate: isoDateTime(i.inspection_start_date),
    reinspectionDate: isoDateTime(i.reinspection_date_time ?? i.reinspection_date),
    madeSafeByHighwayAuthority: i.made_safe_by_ha ?? null,
    highwayAuthorityName: i.highway_authority,
    promoterName: i.promoter_organisation,
    dateCreated: isoDateTime(i.date_created),
    dateModified: isoDateTime(i.date_modified),
    outcomeDetails: textOrNull(i.inspection_outcome_details),
    defectDetails: null, // gone in V6 (V6-A14)
    // The reason codes are an open enum of 35 values; a newer one than the spec's is `unknown`, like other enums.
    failureReasons: (i.failure_reason_details ?? []).map((f) => ({
      reason: f.failure_reason === 'upcoming_enum' ? 'unknown' : f.failure_reason,
      details: f.details,
    })),
    wasCallLogged: i.was_call_logged ?? null,
    callLoggedTo: textOrNull(i.call_logged_to),
    callLoggedReference: textOrNull(i.call_logged_reference),
    callLoggedSummary: textOrNull(i.call_logged_summary),
    defectFixedOnSite: openEnumOrNull(i.defect_fixed_on_site, DEFECT_FIXED_ON_SITE),
    additionalComments: textOrNull(i.additional_comments),
    inspectorName: textOrNull(i.inspector_name),
    withdrawalReason: openEnumOrNull(i.inspection_reason_for_withdrawal, INSPECTION_WITHDRAWAL_REASONS),
    withdrawalDetails: textOrNull(i.withdrawal_details),
    links: inspectionLinks(caller, i.inspection_reference_number, i.work_reference_number),
  };
}

/** Our field names → Street Manager's, so a refusal's details name the caller's fields. */
export const INSPECTION_FIELD_NAMES: Record<string, string> = {
  inspection_type: 'type',
  inspection_start_date: 'inspectionDate',
  inspection_category: 'category',
  inspection_outcome: 'outcome',
  inspection_outcome_details: 'outcomeDetails',
  was_call_logged: 'wasCallLogged',
  call_logged_to: 'callLoggedTo',
  call_logged_reference: 'callLoggedReference',
  call_logged_summary: 'callLoggedSummary',
  defect_fixed_on_site: 'defectFixedOnSite',
  additional_comments: 'additionalComments',
  inspector_name: 'inspectorName',
  reinspection_date: 'reinspectionDate',
  reinspection_date_time: 'reinspectionDate',
  made_safe_by_ha: 'madeSafeByHighwayAuthority',
};

type SmInspectionCreate = Parameters<
  import('../upstreams/street-manager/work-api.client').WorkApiClient['createInspection']
>[2];

export function inspectionToStreetManager(dto: CreateInspectionDto, caller: Caller): SmInspectionCreate {
  return {
    inspection_type: dto.type as SmInspectionCreate['inspection_type'],
    inspection_start_date: dto.inspectionDate,
    inspection_category: dto.category as SmInspectionCreate['inspection_category'],
    inspection_outcome: dto.outcome as SmInspectionCreate['inspection_outcome'],
    inspection_outcome_details: dto.outcomeDetails,
    was_call_logged: dto.wasCallLogged,
    call_logged_to: dto.callLoggedTo,
    call_logged_reference: dto.callLoggedReference,
    call_logged_summary: dto.callLoggedSummary,
    defect_fixed_on_site: dto.defectFixedOnSite as SmInspectionCreate['defect_fixed_on_site'],
    additional_comments: dto.additionalComments,
    inspection_evidence: false,
    reinspection_date: dto.reinspectionDate,
    reinspection_date_time: dto.reinspectionDate,
    // Street Manager wants the person recording it; its limit is 50 characters.
    username: caller.userName.slice(0, 50),
    inspector_name: dto.inspectorName,
    made_safe_by_ha: dto.madeSafeByHighwayAuthority,
  };
}
