import { Injectable } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import { ApiError, ErrorCode } from '../../common/errors/api-error';
import type { components, operations } from './generated/geojson';
import { StreetManagerTransport } from './street-manager.transport';

export type SmWorkFeatureCollection = components['schemas']['WorkResponse'];
export type SmWorkFeature = components['schemas']['WorkFeature'];
export type SmWorksInBoxQuery = operations['get_works_intersect_bounding_box']['parameters']['query'];

/** Street Manager's GeoJSON API refuses (403) any box holding more than this many features. */
export const GEOJSON_FEATURE_LIMIT = 100;

export class BoundingBoxTooLargeError extends ApiError {
  constructor(items = 'works') {
    super(
      422,
      ErrorCode.VALIDATION_FAILED,
      `bbox holds more than ${GEOJSON_FEATURE_LIMIT} ${items}; use a smaller box or other filters`,
      [{ field: 'bbox', message: `covers more than ${GEOJSON_FEATURE_LIMIT} ${items}; use a smaller box` }],
    );
  }
}

/**
 * Street Manager's GeoJSON API (V6): works (and activities, forward plans) intersecting a BNG box, as BNG
 * GeoJSON. Its 403 means "too many features", not "forbidden", so it becomes a 422 about the box.
 */
@Injectable()
export class GeojsonApiClient {
  constructor(private readonly transport: StreetManagerTransport) {}

  async worksInBox(caller: Caller, query: SmWorksInBoxQuery): Promise<SmWorkFeatureCollection> {
    const response = await this.transport.request<SmWorkFeatureCollection>({
      api: 'geojson',
      operation: 'getWorksInBox',
      method: 'GET',
      pathTemplate: '/works',
      query,
      caller,
      passThroughStatuses: [403],
    });
    if (response.status === 403) {
      throw new BoundingBoxTooLargeError();
    }
    return response.body;
  }

  async activitiesInBox(caller: Caller, query: SmActivitiesInBoxQuery): Promise<SmActivityFeatureCollection> {
    const response = await this.transport.request<SmActivityFeatureCollection>({
      api: 'geojson',
      operation: 'getActivitiesInBox',
      method: 'GET',
      pathTemplate: '/activities',
      query,
      caller,
      passThroughStatuses: [403],
    });
    if (response.status === 403) {
      throw new BoundingBoxTooLargeError('activities');
    }
    return response.body;
  }
}

export type SmActivityFeatureCollection = components['schemas']['ActivityResponse'];
export type SmActivityFeature = components['schemas']['ActivityFeature'];
export type SmActivitiesInBoxQuery = operations['get_activities_intersecting_bounds']['parameters']['query'];
