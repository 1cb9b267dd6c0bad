import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import {
  integerOrNull,
  isoDate,
  isoDateTime,
  openEnum,
  openEnumOrNull,
  textOrNull,
  UNKNOWN,
} from '../common/fields/upstream-values';
import { geometryToWgs84 } from '../common/geo/geometry';
import { links } from '../common/links/link';
import type { SmWorkFeature } from '../upstreams/street-manager/geojson-api.client';
import type { SmPermitSummary } from '../upstreams/street-manager/reporting-api.client';
import type { SmWork } from '../upstreams/street-manager/work-api.client';
import type { OrganisationRecordDto, PermitSummaryDto, WorkDto, WorkSummaryDto } from './dto/work.dto';
import {
  PERMIT_STATUSES,
  TRAFFIC_MANAGEMENT_TYPES,
  WORK_CATEGORIES,
  WORK_STATUSES,
} from '../common/vocabulary/street-manager-enums';
import { ofWork, permitPath, V1, worksPath } from '../common/links/paths';

/** Property names of each representation, for `?fields=` (checked even when a page is empty). */
export const WORK_SUMMARY_FIELDS = [
  'workReferenceNumber',
  'status',
  'workCategory',
  'description',
  'promoterSwaCode',
  'promoterName',
  'highwayAuthoritySwaCode',
  'highwayAuthorityName',
  'usrn',
  'streetName',
  'town',
  'area',
  'locationDescription',
  'proposedStartDate',
  'proposedEndDate',
  'actualStartDate',
  'actualEndDate',
  'activePermitReferenceNumber',
  'activePermitStatus',
  'trafficManagementType',
  'geometry',
] as const;
export const WORK_FIELDS = [...WORK_SUMMARY_FIELDS, 'roadCategory', 'permits', 'organisationRecord'] as const;

interface WorkLinkFacts {
  workReferenceNumber: string;
  usrn: number | null;
  promoterSwaCode: string | null;
  highwayAuthoritySwaCode: string | null;
}

/** A work's links: itself, its permits, street, organisations, inspections and FPNs, and the permit it may take. */
export function workLinks(caller: Caller | undefined, work: WorkLinkFacts): WorkDto['links'] {
  return links(caller)
    .self(worksPath(work.workReferenceNumber))
    .related('permits', ofWork(V1.permits, work.workReferenceNumber))
    .place(work)
    .related('inspections', ofWork(V1.inspections, work.workReferenceNumber))
    .related('fixed-penalty-notices', ofWork(V1.fixedPenaltyNotices, work.workReferenceNumber))
    .action('create-permit', V1.permits, 'POST', Permission.PROMOTER_WRITE)
    .build();
}

/** A list row: Street Manager's reporting row of the work's active permit. */
export function workSummaryFromReporting(row: SmPermitSummary, caller: Caller | undefined): WorkSummaryDto {
  const summary: Omit<WorkSummaryDto, 'links'> = {
    workReferenceNumber: row.work_reference_number,
    status: openEnum(row.work_status, WORK_STATUSES),
    workCategory: openEnum(row.work_category, WORK_CATEGORIES),
    description: textOrNull(row.description_of_work),
    promoterSwaCode: row.promoter_swa_code,
    promoterName: row.promoter_organisation,
    highwayAuthoritySwaCode: null,
    highwayAuthorityName: row.highway_authority,
    usrn: integerOrNull(row.usrn),
    streetName: textOrNull(row.street),
    town: textOrNull(row.town),
    area: textOrNull(row.area),
    locationDescription: textOrNull(row.location_description),
    proposedStartDate: isoDate(row.proposed_start_date),
    proposedEndDate: isoDate(row.proposed_end_date),
    actualStartDate: isoDateTime(row.actual_start_date),
    actualEndDate: isoDateTime(row.actual_end_date),
    activePermitReferenceNumber: row.permit_reference_number,
    activePermitStatus: openEnum(row.status, PERMIT_STATUSES),
    trafficManagementType: openEnumOrNull(row.traffic_management_type, TRAFFIC_MANAGEMENT_TYPES),
    geometry: geometryToWgs84(row.works_coordinates),
  };
  return { ...summary, links: workLinks(caller, { ...summary, highwayAuthoritySwaCode: null }) };
}

function permitSummary(
  p: NonNullable<SmWork['permits']>[number],
  caller: Caller | undefined,
): PermitSummaryDto {
  return {
    permitReferenceNumber: p.permit_reference_number,
    status: openEnum(p.permit_status, PERMIT_STATUSES),
    workCategory: openEnum(p.work_category, WORK_CATEGORIES),
    proposedStartDate: isoDate(p.proposed_start_date),
    proposedEndDate: isoDate(p.proposed_end_date),
    links: links(caller).self(permitPath(p.permit_reference_number)).build(),
  };
}

/** One work in full, from the Work API, with the works register's record (or its absence) beside it. */
export function workFromStreetManager(
  work: SmWork,
  organisationRecord: OrganisationRecordDto | null,
  caller: Caller | undefined,
): WorkDto {
  const active = work.active_permit ?? undefined;
  const base: Omit<WorkDto, 'links'> = {
    workReferenceNumber: work.work_reference_number,
    status: openEnum(work.work_status, WORK_STATUSES),
    workCategory: openEnum(active?.work_category, WORK_CATEGORIES),
    description: textOrNull(work.description_of_work ?? active?.description_of_work),
    promoterSwaCode: work.promoter_swa_code,
    promoterName: work.promoter_organisation,
    highwayAuthoritySwaCode: work.highway_authority_swa_code,
    highwayAuthorityName: work.highway_authority,
    usrn: integerOrNull(work.usrn),
    streetName: textOrNull(work.street_name),
    town: textOrNull(work.town),
    area: textOrNull(work.area_name),
    locationDescription: textOrNull(work.works_location_description),
    proposedStartDate: isoDate(active?.proposed_start_date),
    proposedEndDate: isoDate(active?.proposed_end_date),
    actualStartDate: isoDateTime(work.work_start_date ?? active?.actual_start_date),
    actualEndDate: isoDateTime(work.work_end_date ?? active?.actual_stop_date),
    activePermitReferenceNumber: active?.permit_reference_number ?? null,
    activePermitStatus: openEnumOrNull(active?.permit_status, PERMIT_STATUSES),
    trafficManagementType: openEnumOrNull(active?.traffic_management_type, TRAFFIC_MANAGEMENT_TYPES),
    geometry: geometryToWgs84(work.works_coordinates),
    roadCategory: integerOrNull(work.road_category),
    permits: (work.permits ?? []).map((p) => permitSummary(p, caller)),
    organisationRecord,
  };
  return { ...base, links: workLinks(caller, base) };
}

/**
 * A list row from the GeoJSON API (bbox searches). It carries less than the reporting row: the fields it lacks
 * are null, and the active permit's status stands in where the work status is unknown.
 */
export function workSummaryFromFeature(feature: SmWorkFeature, caller: Caller | undefined): WorkSummaryDto {
  const p = feature.properties;
  const summary: Omit<WorkSummaryDto, 'links'> = {
    workReferenceNumber: p.work_reference_number,
    status: UNKNOWN,
    workCategory: openEnum(p.work_category, WORK_CATEGORIES),
    description: null,
    promoterSwaCode: p.promoter_swa_code,
    promoterName: p.promoter_organisation,
    highwayAuthoritySwaCode: null,
    highwayAuthorityName: null,
    usrn: null,
    streetName: null,
    town: null,
    area: null,
    locationDescription: null,
    proposedStartDate: isoDate(p.start_date),
    proposedEndDate: isoDate(p.end_date),
    actualStartDate: null,
    actualEndDate: null,
    activePermitReferenceNumber: p.permit_reference_number,
    activePermitStatus: openEnum(p.permit_status, PERMIT_STATUSES),
    trafficManagementType: openEnumOrNull(p.traffic_management_type, TRAFFIC_MANAGEMENT_TYPES),
    geometry: geometryToWgs84(feature.geometry),
  };
  return { ...summary, links: workLinks(caller, summary) };
}

/**
 * A work Street Manager confirmed creating but that could not be read back: what the caller sent and Street
 * Manager's references, the rest null or unknown. A success stays a success (a retry would create a second work);
 * the caller reads the rest at `Location`.
 */
export function workFromCreate(
  created: { work_reference_number: string; permit_reference_number: string },
  sent: Pick<
    WorkDto,
    | 'description'
    | 'promoterSwaCode'
    | 'highwayAuthoritySwaCode'
    | 'usrn'
    | 'locationDescription'
    | 'geometry'
  > & { proposedStartDate: string; proposedEndDate: string; trafficManagementType: string },
  caller: Caller,
): WorkDto {
  const base: Omit<WorkDto, 'links'> = {
    workReferenceNumber: created.work_reference_number,
    status: UNKNOWN,
    workCategory: UNKNOWN,
    description: sent.description,
    promoterSwaCode: sent.promoterSwaCode,
    promoterName: UNKNOWN,
    highwayAuthoritySwaCode: sent.highwayAuthoritySwaCode,
    highwayAuthorityName: null,
    usrn: sent.usrn,
    streetName: null,
    town: null,
    area: null,
    locationDescription: sent.locationDescription,
    proposedStartDate: sent.proposedStartDate,
    proposedEndDate: sent.proposedEndDate,
    actualStartDate: null,
    actualEndDate: null,
    activePermitReferenceNumber: created.permit_reference_number,
    activePermitStatus: UNKNOWN,
    trafficManagementType: sent.trafficManagementType,
    geometry: sent.geometry,
    roadCategory: null,
    permits: [],
    organisationRecord: null,
  };
  return { ...base, links: workLinks(caller, base) };
}
