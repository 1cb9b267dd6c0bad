import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiList, ApiRead } from '../common/endpoints/api-endpoints.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CurrentListRequest } from '../common/listing/list-request.decorator';
import { type ListRequest, serveList } from '../common/listing/list-spec';
import { FieldsQueryDto, parseFields, selectFields } from '../common/fields/fields';
import { toFeatureCollection } from '../common/geo/feature-collection';
import { MediaType } from '../common/negotiation/media-types';
import { Produces } from '../common/negotiation/produces.decorator';
import { Representation } from '../common/negotiation/representation';
import { ListStreetsQueryDto } from './dto/list-streets-query.dto';
import { StreetDto } from './dto/street.dto';
import { UsrnParamDto } from './dto/usrn-param.dto';
import { STREET_FIELDS } from './streets.mapper';
import { StreetsService } from './streets.service';

@ApiTags('streets')
@Controller({ path: 'streets', version: '1' })
export class StreetsController {
  constructor(private readonly streets: StreetsService) {}

  @Get()
  @RequirePermission(Permission.READ)
  @Produces(MediaType.GEO_JSON)
  @ApiList({
    summary: 'Find the streets at a point',
    description:
      'National Street Gazetteer streets near a WGS84 point (converted to British National Grid for Street Manager), ' +
      'nearest first. A point outside Great Britain is a 422; a point with no street near is an empty page. ' +
      '`Accept: application/geo+json` returns a FeatureCollection of the street lines.',
    item: StreetDto,
    page: 'A page of streets',
    alsoErrors: [422],
  })
  async list(
    @Query() query: ListStreetsQueryDto,
    @Representation() representation: string,
    @CurrentListRequest() request: ListRequest,
  ): Promise<unknown> {
    const page = await serveList(this.streets.list, query, request);
    return representation === MediaType.GEO_JSON ? toFeatureCollection(page, 'geometry') : page;
  }

  @Get(':usrn')
  @RequirePermission(Permission.READ)
  @ApiRead({
    summary: 'Read a street',
    description: 'One street by its USRN, with its authorities, designations and line in WGS84.',
    type: StreetDto,
    answer: 'The street',
  })
  async get(
    @Param() params: UsrnParamDto,
    @Query() query: FieldsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<Partial<StreetDto>> {
    const fields = parseFields(query.fields, STREET_FIELDS);
    return selectFields(await this.streets.get(caller, params.usrn), fields);
  }
}
