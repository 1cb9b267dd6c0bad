import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { ValidationFailedError } from '../common/errors/api-error';
import { type FieldSelection, selectFields } from '../common/fields/fields';
import { isInGreatBritain, wgs84ToBng } from '../common/geo/bng';
import { type Collection, collection } from '../common/paging/collection';
import { pageWindow } from '../common/paging/page-window';
import { sliceWindow } from '../common/paging/upstream-window';
import { LookupApiClient } from '../upstreams/street-manager/lookup-api.client';
import type { ListStreetsQueryDto } from './dto/list-streets-query.dto';
import type { StreetDto } from './dto/street.dto';
import { streetFromStreetManager } from './streets.mapper';

@Injectable()
export class StreetsService {
  constructor(private readonly lookup: LookupApiClient) {}

  /** Streets near a WGS84 point, nearest first (Street Manager's order); the NSG covers Great Britain only. */
  async near(caller: Caller, query: ListStreetsQueryDto, fields: FieldSelection, requestUrl: string): Promise<Collection<Partial<StreetDto>>> {
    const point = [query.longitude, query.latitude];
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
    const window = pageWindow(query);
    const result = sliceWindow(window, await this.lookup.streetsAt(caller, easting, northing));
    return collection(
      result.rows.map((s) => selectFields(streetFromStreetManager(s, caller), fields)),
      window,
      result,
      requestUrl,
    );
  }

  async get(caller: Caller, usrn: number): Promise<StreetDto> {
    return streetFromStreetManager(await this.lookup.getStreet(caller, usrn), caller);
  }
}
