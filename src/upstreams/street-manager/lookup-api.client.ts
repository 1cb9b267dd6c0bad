import { Injectable } from '@nestjs/common';
import type { Caller } from '../../auth/caller';
import { NotFoundError } from '../../common/errors/api-error';
import type { components } from './generated/lookup';
import { StreetManagerTransport } from './street-manager.transport';

export type SmStreet = components['schemas']['StreetResponse'];

/**
 * Street Manager's Street Lookup API (V3.6): NSG streets by BNG point and by USRN, in Street Manager's shape.
 */
@Injectable()
export class LookupApiClient {
  constructor(private readonly transport: StreetManagerTransport) {}

  /** Streets near a BNG point. Street Manager answers 404 when none is near: that is an empty list, not an error. */
  async streetsAt(caller: Caller, easting: number, northing: number): Promise<SmStreet[]> {
    try {
      const response = await this.transport.request<SmStreet[]>({
        api: 'lookup',
        operation: 'getStreetsAtPoint',
        method: 'GET',
        pathTemplate: '/nsg/streets',
        query: { easting, northing },
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
