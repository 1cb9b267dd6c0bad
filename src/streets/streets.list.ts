import { ValidationFailedError } from '../common/errors/api-error';
import { isInGreatBritain, wgs84ToBng } from '../common/geo/bng';
import { wholeList } from '../common/listing/list-spec';
import type { LookupApiClient } from '../upstreams/street-manager/lookup-api.client';
import type { ListStreetsQueryDto } from './dto/list-streets-query.dto';
import { STREET_FIELDS, streetFromStreetManager } from './streets.mapper';

/** Streets near a WGS84 point, nearest first (Street Manager's order); the NSG covers Great Britain only. */
export const streetList = (lookup: LookupApiClient) =>
  wholeList({
    fields: STREET_FIELDS,
    all: async (caller, q: ListStreetsQueryDto) => {
      const point = [q.longitude, q.latitude];
      if (!isInGreatBritain(point)) {
        throw new ValidationFailedError(
          [
            { field: 'longitude', message: 'the point must lie in Great Britain' },
            { field: 'latitude', message: 'the point must lie in Great Britain' },
          ],
          'longitude and latitude must give a point in Great Britain',
        );
      }
      const [easting, northing] = wgs84ToBng(point);
      return { rows: await lookup.streetsAt(caller, easting, northing) };
    },
    item: streetFromStreetManager,
  });
