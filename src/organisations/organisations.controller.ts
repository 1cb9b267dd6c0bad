import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CurrentListRequest } from '../common/listing/list-request.decorator';
import { type ListRequest, serveList } from '../common/listing/list-spec';
import { ApiErrorResponses } from '../common/errors/api-error-responses.decorator';
import { FieldsQueryDto, parseFields, selectFields } from '../common/fields/fields';
import type { Collection } from '../common/paging/collection';
import { ApiCollectionResponse } from '../common/paging/collection.dto';
import { ListOrganisationsQueryDto } from './dto/list-organisations-query.dto';
import { OrganisationDto, OrganisationSummaryDto } from './dto/organisation.dto';
import { SwaCodeParamDto } from './dto/swa-code-param.dto';
import { ORGANISATION_FIELDS } from './organisations.mapper';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller({ path: 'organisations', version: '1' })
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @RequirePermission(Permission.READ)
  @ApiOperation({
    summary: 'List and search organisations',
    description:
      'Promoters, highway authorities and contractors known to Street Manager, in Street Manager’s order, 20 at a time ' +
      '(at most 100). `type` and `search` combine with AND.',
  })
  @ApiCollectionResponse(OrganisationSummaryDto, 'A page of organisations')
  @ApiErrorResponses(400, 401, 403, 406, 429, 502, 503, 504)
  list(
    @Query() query: ListOrganisationsQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<OrganisationSummaryDto>>> {
    return serveList(this.organisations.list, query, request);
  }

  @Get(':swaCode')
  @RequirePermission(Permission.READ)
  @ApiOperation({
    summary: 'Read an organisation',
    description:
      'One organisation by its SWA code (`10` and `0010` are the same), with its address, contractors and a link to its works.',
  })
  @ApiOkResponse({ type: OrganisationDto, description: 'The organisation' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 429, 502, 503, 504)
  async get(
    @Param() params: SwaCodeParamDto,
    @Query() query: FieldsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<Partial<OrganisationDto>> {
    const fields = parseFields(query.fields, ORGANISATION_FIELDS);
    return selectFields(await this.organisations.get(caller, params.swaCode), fields);
  }
}
