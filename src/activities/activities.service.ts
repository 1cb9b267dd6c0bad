import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { type ErrorDetail, ValidationFailedError } from '../common/errors/api-error';
import { isInGreatBritain } from '../common/geo/bng';
import { geometryToBng, positionsOf } from '../common/geo/geometry';
import { GeojsonApiClient } from '../upstreams/street-manager/geojson-api.client';
import { type SmActivityCreateRequest, WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { ACTIVITY_FIELD_NAMES, activityFromStreetManager } from './activities.mapper';
import type { ActivityDto } from './dto/activity.dto';
import type { CreateActivityDto, UpdateActivityStatusDto } from './dto/activity-writes.dto';

import { activityList } from './activities.list';

@Injectable()
export class ActivitiesService {
  readonly list;

  constructor(
    geojson: GeojsonApiClient,
    private readonly works: WorkApiClient,
  ) {
    this.list = activityList(geojson);
  }

  async get(caller: Caller, activityReferenceNumber: string): Promise<ActivityDto> {
    return activityFromStreetManager(await this.works.getActivity(caller, activityReferenceNumber), caller);
  }

  async create(caller: Caller, dto: CreateActivityDto): Promise<ActivityDto> {
    const details = checkActivity(dto, new Date());
    if (details.length > 0) {
      throw new ValidationFailedError(details);
    }
    const created = await this.works.createActivity(
      caller,
      {
        usrn: dto.usrn,
        activity_coordinates: geometryToBng(dto.geometry),
        activity_name: dto.name,
        activity_activity_type: dto.activityType as SmActivityCreateRequest['activity_activity_type'],
        activity_type_details: dto.activityTypeDetails,
        contact_name: dto.contactName,
        contact_details: dto.contactDetails,
        start_date: dto.startDate,
        start_time: dto.startDate,
        end_date: dto.endDate,
        end_time: dto.endDate,
        location_types: dto.locationTypes as SmActivityCreateRequest['location_types'],
        activity_location_description: dto.locationDescription,
        traffic_management_type:
          dto.trafficManagementType as SmActivityCreateRequest['traffic_management_type'],
        collaborative_working: dto.collaborativeWorking,
        additional_info: dto.additionalInfo,
      },
      ACTIVITY_FIELD_NAMES,
    );
    return this.get(caller, created.activity_reference_number);
  }

  async updateStatus(
    caller: Caller,
    activityReferenceNumber: string,
    dto: UpdateActivityStatusDto,
  ): Promise<ActivityDto> {
    await this.works.cancelActivity(caller, activityReferenceNumber, { cancellation_reason: dto.reason });
    return this.get(caller, activityReferenceNumber);
  }
}

export function checkActivity(dto: CreateActivityDto, now: Date): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (Date.parse(dto.startDate) <= now.getTime()) {
    details.push({ field: 'startDate', message: 'must be in the future' });
  }
  if (Date.parse(dto.endDate) <= Date.parse(dto.startDate)) {
    details.push({ field: 'endDate', message: 'must be after startDate' });
  }
  if (dto.activityType === 'other' && dto.activityTypeDetails === undefined) {
    details.push({ field: 'activityTypeDetails', message: 'is required when activityType is other' });
  }
  if (!positionsOf(dto.geometry).every((p) => isInGreatBritain(p))) {
    details.push({ field: 'geometry', message: 'must lie in Great Britain' });
  }
  return details;
}
