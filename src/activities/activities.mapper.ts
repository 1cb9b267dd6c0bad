import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import { integerOrNull, isoDateTime, openEnum, textOrNull } from '../common/fields/upstream-values';
import { geometryToWgs84 } from '../common/geo/geometry';
import { links } from '../common/links/link';
import type { SmActivityFeature } from '../upstreams/street-manager/geojson-api.client';
import type { SmActivity } from '../upstreams/street-manager/work-api.client';
import { LOCATION_TYPES, TRAFFIC_MANAGEMENT_TYPES } from '../common/vocabulary/street-manager-enums';
import type { ActivityDto, ActivitySummaryDto } from './dto/activity.dto';
import { ACTIVITY_KINDS } from './dto/activity-enums';
import { activityPath, organisationPath, streetPath } from '../common/links/paths';

export const ACTIVITY_SUMMARY_FIELDS = [
  'activityReferenceNumber',
  'name',
  'activityType',
  'locationDescription',
  'streetName',
  'area',
  'startDate',
  'endDate',
  'cancelled',
  'geometry',
] as const;
export const ACTIVITY_FIELDS = [
  ...ACTIVITY_SUMMARY_FIELDS,
  'usrn',
  'town',
  'roadCategory',
  'activityTypeDetails',
  'contactName',
  'contactDetails',
  'locationTypes',
  'trafficManagementType',
  'collaborativeWorking',
  'additionalInfo',
  'cancelledReason',
  'highwayAuthoritySwaCode',
] as const;

export function activitySummaryFromFeature(
  f: SmActivityFeature,
  caller: Caller | undefined,
): ActivitySummaryDto {
  const p = f.properties;
  return {
    activityReferenceNumber: p.activity_reference_number,
    name: p.activity_name,
    activityType: openEnum(p.activity_type, ACTIVITY_KINDS),
    locationDescription: p.activity_location_description,
    streetName: textOrNull(p.street_name),
    area: textOrNull(p.area_name),
    startDate: isoDateTime(p.start_date),
    endDate: isoDateTime(p.end_date),
    cancelled: p.cancelled,
    geometry: geometryToWgs84(f.geometry),
    links: links(caller)
      .self(activityPath(p.activity_reference_number))
      .action(
        'update-status',
        `${activityPath(p.activity_reference_number)}/status`,
        'PUT',
        Permission.AUTHORITY_WRITE,
        !p.cancelled,
      )
      .build(),
  };
}

export function activityFromStreetManager(a: SmActivity, caller: Caller | undefined): ActivityDto {
  const usrn = integerOrNull(a.usrn);
  return {
    activityReferenceNumber: a.activity_reference_number,
    name: a.activity_name,
    activityType: openEnum(a.activity_activity_type, ACTIVITY_KINDS),
    locationDescription: a.activity_location_description,
    streetName: textOrNull(a.street_name),
    area: textOrNull(a.area_name),
    startDate: isoDateTime(a.start_time ?? a.start_date),
    endDate: isoDateTime(a.end_time ?? a.end_date),
    cancelled: a.cancelled,
    geometry: geometryToWgs84(a.activity_coordinates),
    usrn,
    town: textOrNull(a.town),
    roadCategory: integerOrNull(a.road_category),
    activityTypeDetails: textOrNull(a.activity_type_details),
    contactName: textOrNull(a.contact_name),
    contactDetails: textOrNull(a.contact_details),
    locationTypes: a.location_types.map((t) => openEnum(t, LOCATION_TYPES)),
    trafficManagementType: openEnum(a.traffic_management_type, TRAFFIC_MANAGEMENT_TYPES),
    collaborativeWorking: a.collaborative_working,
    additionalInfo: textOrNull(a.additional_info),
    cancelledReason: textOrNull(a.cancelled_reason),
    highwayAuthoritySwaCode: a.highway_authority_swa_code,
    links: links(caller)
      .self(activityPath(a.activity_reference_number))
      .related('street', streetPath(usrn))
      .related('highway-authority', organisationPath(a.highway_authority_swa_code))
      .action(
        'update-status',
        `${activityPath(a.activity_reference_number)}/status`,
        'PUT',
        Permission.AUTHORITY_WRITE,
        !a.cancelled,
      )
      .build(),
  };
}

export const ACTIVITY_FIELD_NAMES: Record<string, string> = {
  activity_coordinates: 'geometry',
  activity_name: 'name',
  activity_activity_type: 'activityType',
  activity_type_details: 'activityTypeDetails',
  contact_name: 'contactName',
  contact_details: 'contactDetails',
  start_date: 'startDate',
  end_date: 'endDate',
  location_types: 'locationTypes',
  activity_location_description: 'locationDescription',
  traffic_management_type: 'trafficManagementType',
  collaborative_working: 'collaborativeWorking',
  additional_info: 'additionalInfo',
};
