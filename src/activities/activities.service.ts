import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { type ErrorDetail, ValidationFailedError } from '../common/errors/api-error';
import { type FieldSelection, selectFields } from '../common/fields/fields';
import { clipToGreatBritain, isInGreatBritain } from '../common/geo/bng';
import { bboxToBng, geometryToBng, positionsOf } from '../common/geo/geometry';
import { type Collection, collection, NOTHING_FOUND } from '../common/paging/collection';
import { pageWindow } from '../common/paging/page-window';
import { sliceWindow } from '../common/paging/upstream-window';
import { endOfDay, startOfDay } from '../upstreams/street-manager/reporting-api.client';
import { GeojsonApiClient } from '../upstreams/street-manager/geojson-api.client';
import { type SmActivityCreateRequest, WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { parseBbox } from '../works/works-query.mapper';
import { ACTIVITY_FIELD_NAMES, activityFromStreetManager, activitySummaryFromFeature } from './activities.mapper';
import type { ActivityDto, ActivitySummaryDto } from './dto/activity.dto';
import type { CreateActivityDto, UpdateActivityStatusDto } from './dto/create-activity.dto';
import type { ListActivitiesQueryDto } from './dto/list-activities-query.dto';

@Injectable()
export class ActivitiesService {
  constructor(
    private readonly geojson: GeojsonApiClient,
    private readonly works: WorkApiClient,
  ) {}

  /**
   * Street Manager lists activities only by area, through its GeoJSON API, which answers a whole box (at most 100
   * features) at once; the other filters and the window are applied here, so the count is exact.
   */
  async list(caller: Caller, query: ListActivitiesQueryDto, fields: FieldSelection, requestUrl: string): Promise<Collection<Partial<ActivitySummaryDto>>> {
    const window = pageWindow(query);
    const inGreatBritain = clipToGreatBritain(parseBbox(query.bbox));
    if (!inGreatBritain) {
      return collection([], window, NOTHING_FOUND, requestUrl);
    }
    const found = await this.geojson.activitiesInBox(caller, {
      ...bboxToBng(inGreatBritain),
      start_date: startOfDay(query.dateFrom),
      end_date: endOfDay(query.dateTo),
    });
    const all = found.features.filter(
      (f) =>
        (query.activityType === undefined || query.activityType.includes(f.properties.activity_type)) &&
        (query.cancelled === undefined || f.properties.cancelled === query.cancelled),
    );
    const result = sliceWindow(window, all);
    return collection(
      result.rows.map((f) => selectFields(activitySummaryFromFeature(f, caller), fields)),
      window,
      result,
      requestUrl,
    );
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
        traffic_management_type: dto.trafficManagementType as SmActivityCreateRequest['traffic_management_type'],
        collaborative_working: dto.collaborativeWorking,
        additional_info: dto.additionalInfo,
      },
      ACTIVITY_FIELD_NAMES,
    );
    return this.get(caller, created.activity_reference_number);
  }

  async updateStatus(caller: Caller, activityReferenceNumber: string, dto: UpdateActivityStatusDto): Promise<ActivityDto> {
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
