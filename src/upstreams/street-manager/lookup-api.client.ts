import { Injectable } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import { NotFoundError } from '../../common/errors/api-error';
import type { components } from './generated/lookup';
import { StreetManagerTransport } from './street-manager.transport';
import { STREET_SEARCH_MAX_COORDINATES } from './v6-assumptions';

export type SmStreet = components['schemas']['StreetResponse'];
type SmStreetsRequest = components['schemas']['StreetsRequest'];

/**
 * Street Manager's Street Lookup API (V6): NSG streets by BNG points and by USRN, in Street Manager's shape.
 */
@Injectable()
export class LookupApiClient {
  constructor(private readonly transport: StreetManagerTransport) {}

  /**
   * Streets near any of 1..10 BNG points (`POST /nsg/streets/search`; V3's `GET /nsg/streets?easting&northing` is
   * gone). Nothing near is an empty list; a 404 (V3.6 answered so) is read the same way (V6-A12).
   */
  async streetsNear(caller: Caller, points: { easting: number; northing: number }[]): Promise<SmStreet[]> {
    if (points.length < 1 || points.length > STREET_SEARCH_MAX_COORDINATES) {
      throw new Error(`streetsNear: 1 to ${STREET_SEARCH_MAX_COORDINATES} points, not ${points.length}`);
    }
    const unique = [
      ...new Map(
        points.map((p) => [`${p.easting},${p.northing}`, { easting: p.easting, northing: p.northing }]),
      ).values(),
    ];
    try {
      const response = await this.transport.request<SmStreet[]>({
        api: 'lookup',
        operation: 'searchStreets',
        method: 'POST',
        pathTemplate: '/nsg/streets/search',
        body: { coordinates: unique } satisfies SmStreetsRequest,
        caller,
      });
      return response.body;
    } catch (e) {
      if (e instanceof NotFoundError) {
        return [];
      }
      throw e;
    }
  }

  /** Streets near one BNG point. */
  streetsAt(caller: Caller, easting: number, northing: number): Promise<SmStreet[]> {
    return this.streetsNear(caller, [{ easting, northing }]);
  }

  async getStreet(caller: Caller, usrn: number): Promise<SmStreet> {
    try {
      const response = await this.transport.request<SmStreet>({
        api: 'lookup',
        operation: 'getStreet',
        method: 'GET',
        pathTemplate: '/nsg/streets/{usrn}',
        params: { usrn },
        caller,
      });
      return response.body;
    } catch (e) {
      if (e instanceof NotFoundError) {
        throw new NotFoundError('street', String(usrn));
      }
      throw e;
    }
  }
}
