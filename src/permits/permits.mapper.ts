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
import { withQuery } from '../common/links/paths';
import type { SmPermitSummary } from '../upstreams/street-manager/reporting-api.client';
import type { SmPermit } from '../upstreams/street-manager/work-api.client';
import {
  PERMIT_STATUSES,
  TRAFFIC_MANAGEMENT_TYPES,
  WORK_CATEGORIES,
  WORK_STATUSES,
} from '../common/vocabulary/street-manager-enums';
import { ASSESSMENT_STATUSES, type PermitDto } from './dto/permit.dto';
import { permitPath, streetPath, V1, worksPath } from '../common/links/paths';

export const PERMIT_FIELDS = [
  'permitReferenceNumber',
  'workReferenceNumber',
  'status',
  'assessmentStatus',
  'workCategory',
  'workStatus',
  'description',
  'locationDescription',
  'promoterSwaCode',
  'promoterName',
  'highwayAuthoritySwaCode',
  'highwayAuthorityName',
  'usrn',
  'streetName',
  'town',
  'proposedStartDate',
  'proposedEndDate',
  'actualStartDate',
  'actualEndDate',
  'trafficManagementType',
  'deadlineDate',
  'dateCreated',
  'statusChangedDate',
  'geometry',
] as const;

/** Statuses from which Street Manager lets the promoter cancel, and from which it may close. */
const CANCELLABLE = ['submitted', 'granted', 'permit_modification_request'];
const ASSESSABLE = ['submitted', 'granted'];

/** A permit's links: itself, its work, street and alterations; status and assessment writes when allowed now. */
export function permitLinks(
  caller: Caller | undefined,
  p: Pick<PermitDto, 'permitReferenceNumber' | 'workReferenceNumber' | 'usrn' | 'status'>,
): PermitDto['links'] {
  const self = permitPath(p.permitReferenceNumber);
  return links(caller)
    .self(self)
    .related('work', worksPath(p.workReferenceNumber))
    .related('street', streetPath(p.usrn))
    .related(
      'permit-alterations',
      withQuery(V1.permitAlterations, { permitReferenceNumber: p.permitReferenceNumber }),
    )
    .action(
      'update-status',
      `${self}/status`,
      'PUT',
      Permission.PROMOTER_WRITE,
      CANCELLABLE.includes(p.status),
    )
    .action('assess', `${self}/assessment`, 'PUT', Permission.AUTHORITY_WRITE, ASSESSABLE.includes(p.status))
    .build();
}

export function permitFromReporting(row: SmPermitSummary, caller: Caller | undefined): PermitDto {
  const base: Omit<PermitDto, 'links'> = {
    permitReferenceNumber: row.permit_reference_number,
    workReferenceNumber: row.work_reference_number,
    status: openEnum(row.status, PERMIT_STATUSES),
    assessmentStatus: openEnumOrNull(row.assessment_status, ASSESSMENT_STATUSES),
    workCategory: openEnum(row.work_category, WORK_CATEGORIES),
    workStatus: openEnum(row.work_status, WORK_STATUSES),
    description: textOrNull(row.description_of_work),
    locationDescription: textOrNull(row.location_description),
    promoterSwaCode: row.promoter_swa_code,
    promoterName: row.promoter_organisation,
    highwayAuthoritySwaCode: null,
    highwayAuthorityName: row.highway_authority,
    usrn: integerOrNull(row.usrn),
    streetName: textOrNull(row.street),
    town: textOrNull(row.town),
    proposedStartDate: isoDate(row.proposed_start_date),
    proposedEndDate: isoDate(row.proposed_end_date),
    actualStartDate: isoDateTime(row.actual_start_date),
    actualEndDate: isoDateTime(row.actual_end_date),
    trafficManagementType: openEnumOrNull(row.traffic_management_type, TRAFFIC_MANAGEMENT_TYPES),
    deadlineDate: isoDateTime(row.deadline_date),
    dateCreated: isoDateTime(row.date_created),
    statusChangedDate: isoDateTime(row.status_changed_date),
    geometry: geometryToWgs84(row.works_coordinates),
  };
  return { ...base, links: permitLinks(caller, base) };
}

export function permitFromStreetManager(p: SmPermit, caller: Caller | undefined): PermitDto {
  const base: Omit<PermitDto, 'links'> = {
    permitReferenceNumber: p.permit_reference_number,
    workReferenceNumber: p.work_reference_number,
    status: openEnum(p.permit_status, PERMIT_STATUSES),
    assessmentStatus: openEnumOrNull(p.assessment_status, ASSESSMENT_STATUSES),
    workCategory: openEnum(p.work_category, WORK_CATEGORIES),
    workStatus: openEnum(p.work_status, WORK_STATUSES),
    description: textOrNull(p.description_of_work),
    locationDescription: textOrNull(p.works_location_description),
    promoterSwaCode: p.promoter_swa_code,
    promoterName: p.promoter_organisation,
    highwayAuthoritySwaCode: p.highway_authority_swa_code,
    highwayAuthorityName: p.highway_authority,
    usrn: integerOrNull(p.usrn),
    streetName: textOrNull(p.street_name),
    town: textOrNull(p.town),
    proposedStartDate: isoDate(p.proposed_start_date),
    proposedEndDate: isoDate(p.proposed_end_date),
    actualStartDate: isoDateTime(p.actual_start_date),
    actualEndDate: isoDateTime(p.actual_stop_date),
    trafficManagementType: openEnumOrNull(p.traffic_management_type, TRAFFIC_MANAGEMENT_TYPES),
    deadlineDate: isoDateTime(p.deadline_date),
    dateCreated: isoDateTime(p.date_created),
    statusChangedDate: isoDateTime(p.date_modified),
    geometry: geometryToWgs84(p.works_coordinates),
  };
  return { ...base, links: permitLinks(caller, base) };
}
