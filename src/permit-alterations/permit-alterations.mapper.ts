import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import {
  integerOrNull,
  isoDate,
  isoDateTime,
  openEnum,
  openEnumOrNull,
  textOrNull,
} from '../common/fields/upstream-values';
import { geometryToWgs84 } from '../common/geo/geometry';
import { links } from '../common/links/link';
import { workReferenceOf } from '../common/vocabulary/references';
import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type {
  SmPermit,
  SmPermitAlteration,
  SmPermitAlterationCreateRequest,
} from '../upstreams/street-manager/work-api.client';
import {
  PERMIT_STATUSES,
  TRAFFIC_MANAGEMENT_TYPES,
  WORK_CATEGORIES,
  WORK_STATUSES,
} from '../common/vocabulary/street-manager-enums';
import type {
  PermitAlterationDto,
  PermitAlterationSummaryDto,
  PermitTermsDto,
} from './dto/permit-alteration.dto';
import {
  ALTERATION_STATUSES,
  ALTERATION_TYPES,
  ASSESSABLE_ALTERATION_STATUS,
} from './dto/permit-alteration-enums';
import type { CreatePermitAlterationDto } from './dto/permit-alteration-writes.dto';
import { alterationPath, permitPath, worksPath } from '../common/links/paths';
import { midnight } from '../common/query/dates';

type SmAlterationRow = SmReportingLists['/alterations']['row'];
type SmCreate = Omit<SmPermitAlterationCreateRequest, 'internal_user_identifier' | 'internal_user_name'>;

const CORE_FIELDS = [
  'alterationReferenceNumber',
  'permitReferenceNumber',
  'workReferenceNumber',
  'status',
  'type',
  'proposedStartDate',
  'proposedEndDate',
  'workStatus',
  'workCategory',
  'promoterName',
  'highwayAuthorityName',
  'streetName',
  'town',
  'area',
  'locationDescription',
  'dateCreated',
  'deadlineDate',
] as const;
export const ALTERATION_SUMMARY_FIELDS = [...CORE_FIELDS, 'statusChangedDate'] as const;
export const ALTERATION_FIELDS = [
  ...CORE_FIELDS,
  'reason',
  'permitStatus',
  'assessmentComments',
  'assessmentDiscountPercent',
  'promoterSwaCode',
  'highwayAuthoritySwaCode',
  'usrn',
  'original',
  'proposed',
] as const;

/** `NGN0000123-01-ALT-01` → permit `NGN0000123-01` of work `NGN0000123`. */
export function permitOfAlteration(reference: string): { work: string; permit: string } | undefined {
  const permit = /^(.+)-ALT-\d+$/.exec(reference)?.[1];
  const work = permit === undefined ? '' : workReferenceOf(permit);
  return permit !== undefined && work !== '' ? { work, permit } : undefined;
}

interface LinkFacts {
  reference: string;
  permitReferenceNumber: string;
  workReferenceNumber: string;
  status: string;
  usrn?: number | null;
  promoterSwaCode?: string;
  highwayAuthoritySwaCode?: string;
}

function alterationLinks(caller: Caller | undefined, a: LinkFacts): PermitAlterationDto['links'] {
  return links(caller)
    .self(alterationPath(a.reference))
    .related('permit', permitPath(a.permitReferenceNumber))
    .related('work', worksPath(a.workReferenceNumber))
    .place(a)
    .action(
      'update-status',
      `${alterationPath(a.reference)}/status`,
      'PUT',
      Permission.AUTHORITY_WRITE,
      a.status === ASSESSABLE_ALTERATION_STATUS,
    )
    .build();
}

export function alterationSummaryFromReporting(
  row: SmAlterationRow,
  caller: Caller | undefined,
): PermitAlterationSummaryDto {
  const status = openEnum(row.alteration_status, ALTERATION_STATUSES);
  return {
    alterationReferenceNumber: row.alteration_reference_number,
    permitReferenceNumber: row.permit_reference_number,
    workReferenceNumber: row.work_reference_number,
    status,
    type: openEnum(row.alteration_type, ALTERATION_TYPES),
    proposedStartDate: isoDate(row.proposed_start_date),
    proposedEndDate: isoDate(row.proposed_end_date),
    workStatus: openEnum(row.work_status, WORK_STATUSES),
    workCategory: openEnum(row.work_category, WORK_CATEGORIES),
    promoterName: row.promoter,
    highwayAuthorityName: row.highway_authority,
    streetName: textOrNull(row.street),
    town: textOrNull(row.town),
    area: textOrNull(row.area),
    locationDescription: textOrNull(row.location_description),
    dateCreated: isoDateTime(row.date_created),
    deadlineDate: isoDateTime(row.deadline_date),
    statusChangedDate: isoDateTime(row.status_changed_date),
    links: alterationLinks(caller, {
      reference: row.alteration_reference_number,
      permitReferenceNumber: row.permit_reference_number,
      workReferenceNumber: row.work_reference_number,
      status,
    }),
  };
}

function termsOf(p: SmPermit): PermitTermsDto {
  return {
    proposedStartDate: isoDate(p.proposed_start_date),
    proposedEndDate: isoDate(p.proposed_end_date),
    description: textOrNull(p.description_of_work),
    locationDescription: textOrNull(p.works_location_description),
    trafficManagementType: openEnumOrNull(p.traffic_management_type, TRAFFIC_MANAGEMENT_TYPES),
    geometry: geometryToWgs84(p.works_coordinates),
  };
}

export function alterationFromStreetManager(
  a: SmPermitAlteration,
  caller: Caller | undefined,
): PermitAlterationDto {
  const status = openEnum(a.alteration_status, ALTERATION_STATUSES);
  const { original } = a;
  const proposed = termsOf(a.proposed);
  const usrn = integerOrNull(original.usrn);
  return {
    alterationReferenceNumber: a.permit_alteration_reference_number,
    permitReferenceNumber: original.permit_reference_number,
    workReferenceNumber: original.work_reference_number,
    status,
    type: openEnum(a.alteration_type, ALTERATION_TYPES),
    proposedStartDate: proposed.proposedStartDate,
    proposedEndDate: proposed.proposedEndDate,
    workStatus: openEnum(original.work_status, WORK_STATUSES),
    workCategory: openEnum(original.work_category, WORK_CATEGORIES),
    promoterName: original.promoter_organisation,
    highwayAuthorityName: original.highway_authority,
    streetName: textOrNull(original.street_name),
    town: textOrNull(original.town),
    area: textOrNull(original.area_name),
    locationDescription: proposed.locationDescription,
    dateCreated: isoDateTime(a.date_created),
    deadlineDate: isoDateTime(a.deadline_date),
    reason: a.permit_alteration_reason,
    permitStatus: openEnumOrNull(a.permit_status, PERMIT_STATUSES),
    assessmentComments: textOrNull(a.assessment_comments),
    assessmentDiscountPercent: integerOrNull(a.assessment_discount),
    promoterSwaCode: original.promoter_swa_code,
    highwayAuthoritySwaCode: original.highway_authority_swa_code,
    usrn,
    original: termsOf(original),
    proposed,
    links: alterationLinks(caller, {
      reference: a.permit_alteration_reference_number,
      permitReferenceNumber: original.permit_reference_number,
      workReferenceNumber: original.work_reference_number,
      status,
      usrn,
      promoterSwaCode: original.promoter_swa_code,
      highwayAuthoritySwaCode: original.highway_authority_swa_code,
    }),
  };
}

/** Street Manager field → ours, so a refusal's details name fields the caller sent. */
export const ALTERATION_FIELD_NAMES: Record<string, string> = {
  proposed_start_date: 'proposedStartDate',
  proposed_end_date: 'proposedEndDate',
  permit_alteration_reason: 'reason',
  description_of_work: 'description',
  works_location_description: 'locationDescription',
  traffic_management_type: 'trafficManagementType',
};

/** V6 answers many optional fields as null, while its create bodies take them absent or set. */
const given = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

/**
 * Street Manager takes an alteration as the permit's whole application again. The caller names only what changes;
 * the rest is the permit as Street Manager holds it now (V6 included: close_footpath, emergency contact).
 */
export function alterationToStreetManager(dto: CreatePermitAlterationDto, p: SmPermit): SmCreate {
  return {
    permit_alteration_reason: dto.reason,
    proposed_start_date: midnight(dto.proposedStartDate),
    proposed_end_date: midnight(dto.proposedEndDate),
    description_of_work: dto.description ?? p.description_of_work,
    works_location_description: dto.locationDescription ?? p.works_location_description,
    traffic_management_type: (dto.trafficManagementType ??
      p.traffic_management_type) as SmCreate['traffic_management_type'],
    secondary_contact: p.secondary_contact,
    secondary_contact_number: p.secondary_contact_number,
    secondary_contact_email: given(p.secondary_contact_email),
    excavation: p.excavation,
    project_reference_number: given(p.project_reference_number),
    traffic_management_plan: p.traffic_management_plan,
    lane_rental_applicable: p.lane_rental_applicable,
    works_coordinates: p.works_coordinates,
    collaborative_working: p.collaborative_working,
    collaboration_details: given(p.collaboration_details),
    collaborative_works: given(p.collaborative_works),
    // V6 permits hold a list of collaboration types; the alteration body still takes one
    collaboration_type: given(p.collaboration_types?.[0]) as SmCreate['collaboration_type'],
    activity_type: p.activity_type as SmCreate['activity_type'],
    application_type: p.application_type as SmCreate['application_type'],
    location_types: p.location_types as SmCreate['location_types'],
    work_type: p.work_type as SmCreate['work_type'],
    is_ttro_required: given(p.is_ttro_required),
    immediate_risk: given(p.immediate_risk),
    close_footway: p.close_footway as SmCreate['close_footway'],
    close_footpath: (dto.closeFootpath ?? p.close_footpath) as SmCreate['close_footpath'],
    emergency_contact_name: given(p.emergency_contact_name),
    emergency_contact_number: given(p.emergency_contact_number),
    early_start_pre_approval: given(p.early_start_pre_approval),
    pre_approval_details: given(p.pre_approval_details),
    pre_approval_authoriser: given(p.pre_approval_authoriser),
    early_start_reason: given(p.early_start_reason),
    additional_info: given(p.additional_info),
  };
}
