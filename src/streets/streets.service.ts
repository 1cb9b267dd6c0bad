import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { LookupApiClient } from '../upstreams/street-manager/lookup-api.client';
import type { StreetDto } from './dto/street.dto';
import { streetFromStreetManager } from './streets.mapper';

import { streetList } from './streets.list';

@Injectable()
export class StreetsService {
  readonly list;

  constructor(private readonly lookup: LookupApiClient) {
    this.list = streetList(lookup);
  }

  async get(caller: Caller, usrn: number): Promise<StreetDto> {
    return streetFromStreetManager(await this.lookup.getStreet(caller, usrn), caller);
  }
}
