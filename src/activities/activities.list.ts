import { mapSearchBox } from '../common/geo/bbox';
import { wholeList } from '../common/listing/list-spec';
import type { GeojsonApiClient } from '../upstreams/street-manager/geojson-api.client';
import { ACTIVITY_SUMMARY_FIELDS, activitySummaryFromFeature } from './activities.mapper';
import type { ListActivitiesQueryDto } from './dto/list-activities-query.dto';

/**
 * Street Manager lists activities only by area, through its GeoJSON API, which answers a whole box (at most 100
 * features) at once; the other filters are applied here, so the count is exact.
 */
export const activityList = (geojson: GeojsonApiClient) =>
  wholeList({
    fields: ACTIVITY_SUMMARY_FIELDS,
    all: async (caller, q: ListActivitiesQueryDto) => {
      const box = mapSearchBox(q.bbox, q.dateFrom, q.dateTo);
      if (!box) {
        return { rows: [] };
      }
      const found = await geojson.activitiesInBox(caller, box);
      return {
        rows: found.features.filter(
          (f) =>
            (q.activityType === undefined || q.activityType.includes(f.properties.activity_type)) &&
            (q.cancelled === undefined || f.properties.cancelled === q.cancelled),
        ),
      };
    },
    item: activitySummaryFromFeature,
  });
