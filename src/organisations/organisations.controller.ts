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
import type { Collection } from '../common/paging/collection';
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
  @ApiList({
    summary: 'List and search organisations',
    description:
      'Promoters, highway authorities and contractors known to Street Manager, in Street Manager’s order, 20 at a time ' +
      '(at most 100). `type` and `search` combine with AND.',
    item: OrganisationSummaryDto,
    page: 'A page of organisations',
  })
  list(
    @Query() query: ListOrganisationsQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<OrganisationSummaryDto>>> {
    return serveList(this.organisations.list, query, request);
  }

  @Get(':swaCode')
  @RequirePermission(Permission.READ)
  @ApiRead({
    summary: 'Read an organisation',
    description:
      'One organisation by its SWA code (`10` and `0010` are the same), with its address, contractors and a link to its works.',
    type: OrganisationDto,
    answer: 'The organisation',
  })
  async get(
    @Param() params: SwaCodeParamDto,
    @Query() query: FieldsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<Partial<OrganisationDto>> {
    const fields = parseFields(query.fields, ORGANISATION_FIELDS);
    return selectFields(await this.organisations.get(caller, params.swaCode), fields);
  }
}
