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
import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { SmForwardPlan } from '../upstreams/street-manager/work-api.client';
import { TRAFFIC_MANAGEMENT_TYPES } from '../common/vocabulary/street-manager-enums';
import {
  FORWARD_PLAN_STATUSES,
  type ForwardPlanDto,
  type ForwardPlanSummaryDto,
} from './dto/forward-plan.dto';
import { forwardPlanPath, worksPath } from '../common/links/paths';

type SmForwardPlanRow = SmReportingLists['/forward-plans']['row'];

export const FORWARD_PLAN_SUMMARY_FIELDS = [
  'forwardPlanReferenceNumber',
  'workReferenceNumber',
  'status',
  'proposedStartDate',
  'proposedEndDate',
  'promoterName',
  'highwayAuthorityName',
  'streetName',
  'town',
  'area',
  'locationDescription',
  'dateCreated',
] as const;
export const FORWARD_PLAN_FIELDS = [
  ...FORWARD_PLAN_SUMMARY_FIELDS,
  'promoterSwaCode',
  'highwayAuthoritySwaCode',
  'usrn',
  'description',
  'trafficManagementType',
  'projectReferenceNumber',
  'additionalInfo',
  'cancelledReason',
  'geometry',
] as const;

function planLinks(
  caller: Caller | undefined,
  reference: string,
  workReferenceNumber: string,
  status: string,
): ForwardPlanDto['links'] {
  return links(caller)
    .self(forwardPlanPath(reference))
    .related('work', worksPath(workReferenceNumber))
    .action(
      'update-status',
      `${forwardPlanPath(reference)}/status`,
      'PUT',
      Permission.PROMOTER_WRITE,
      status === 'raised',
    )
    .build();
}

export function forwardPlanSummaryFromReporting(
  row: SmForwardPlanRow,
  caller: Caller | undefined,
): ForwardPlanSummaryDto {
  const status = openEnum(row.forward_plan_status, FORWARD_PLAN_STATUSES);
  return {
    forwardPlanReferenceNumber: row.forward_plan_reference_number,
    workReferenceNumber: row.work_reference_number,
    status,
    proposedStartDate: isoDate(row.proposed_start_date),
    proposedEndDate: isoDate(row.proposed_end_date),
    promoterName: row.promoter_organisation,
    highwayAuthorityName: row.highway_authority,
    streetName: textOrNull(row.street),
    town: textOrNull(row.town),
    area: textOrNull(row.area),
    locationDescription: textOrNull(row.location_description),
    dateCreated: isoDateTime(row.date_created),
    links: planLinks(caller, row.forward_plan_reference_number, row.work_reference_number, status),
  };
}

export function forwardPlanFromStreetManager(f: SmForwardPlan, caller: Caller | undefined): ForwardPlanDto {
  const status = openEnum(f.forward_plan_status, FORWARD_PLAN_STATUSES);
  return {
    forwardPlanReferenceNumber: f.forward_plan_reference_number,
    workReferenceNumber: f.work_reference_number,
    status,
    proposedStartDate: isoDate(f.start_date),
    proposedEndDate: isoDate(f.end_date),
    promoterName: f.promoter_organisation,
    highwayAuthorityName: f.highway_authority,
    streetName: textOrNull(f.street_name),
    town: textOrNull(f.town),
    area: textOrNull(f.area_name),
    locationDescription: textOrNull(f.works_location_description),
    dateCreated: isoDateTime(f.date_created),
    promoterSwaCode: f.promoter_swa_code,
    highwayAuthoritySwaCode: f.highway_authority_swa_code,
    usrn: integerOrNull(f.usrn),
    description: f.description_of_work,
    trafficManagementType: openEnumOrNull(f.traffic_management_type, TRAFFIC_MANAGEMENT_TYPES),
    projectReferenceNumber: textOrNull(f.project_reference_number),
    additionalInfo: textOrNull(f.additional_info),
    cancelledReason: textOrNull(f.cancelled_reason),
    geometry: geometryToWgs84(f.works_coordinates),
    links: planLinks(caller, f.forward_plan_reference_number, f.work_reference_number, status),
  };
}

export const FORWARD_PLAN_FIELD_NAMES: Record<string, string> = {
  promoter_swa_code: 'promoterSwaCode',
  highway_authority_swa_code: 'highwayAuthoritySwaCode',
  works_coordinates: 'geometry',
  work_reference_number: 'workReferenceNumber',
  start_date: 'proposedStartDate',
  end_date: 'proposedEndDate',
  description_of_work: 'description',
  works_location_description: 'locationDescription',
  traffic_management_type: 'trafficManagementType',
  project_reference_number: 'projectReferenceNumber',
  additional_info: 'additionalInfo',
};
