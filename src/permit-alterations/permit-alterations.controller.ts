import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiChange, ApiCreate, ApiList, ApiRead } from '../common/endpoints/api-endpoints.decorator';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { AuthorityExample } from '../common/validation/bounded';
import { CurrentListRequest } from '../common/listing/list-request.decorator';
import { type ListRequest, serveList } from '../common/listing/list-spec';
import { FieldsQueryDto, parseFields, selectFields } from '../common/fields/fields';
import type { Collection } from '../common/paging/collection';
import { AlterationReferenceParamDto } from './dto/alteration-reference-param.dto';
import { ListPermitAlterationsQueryDto } from './dto/list-permit-alterations-query.dto';
import { PermitAlterationDto, PermitAlterationSummaryDto } from './dto/permit-alteration.dto';
import {
  CreatePermitAlterationDto,
  UpdatePermitAlterationStatusDto,
} from './dto/permit-alteration-writes.dto';
import { ALTERATION_FIELDS } from './permit-alterations.mapper';
import { alterationPath } from '../common/links/paths';
import { PermitAlterationsService } from './permit-alterations.service';

@ApiTags('permit-alterations')
@Controller({ path: 'permit-alterations', version: '1' })
export class PermitAlterationsController {
  constructor(private readonly alterations: PermitAlterationsService) {}

  @Get()
  @RequirePermission(Permission.READ)
  @ApiList({
    summary: 'List and search permit alterations',
    description:
      'Alterations of the permits the caller’s organisation may see, newest first unless `sort` says otherwise, 20 at a time (at most 100).',
    item: PermitAlterationSummaryDto,
    page: 'A page of permit alterations',
  })
  list(
    @Query() query: ListPermitAlterationsQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<PermitAlterationSummaryDto>>> {
    return serveList(this.alterations.list, query, request);
  }

  @Get(':alterationReferenceNumber')
  @RequirePermission(Permission.READ)
  @ApiRead({
    summary: 'Read a permit alteration',
    description:
      'One alteration in full: the permit’s terms before and as proposed. Another organisation’s alteration is a 404.',
    type: PermitAlterationDto,
    answer: 'The permit alteration',
  })
  async get(
    @Param() params: AlterationReferenceParamDto,
    @Query() query: FieldsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<Partial<PermitAlterationDto>> {
    const fields = parseFields(query.fields, ALTERATION_FIELDS);
    return selectFields(await this.alterations.get(caller, params.alterationReferenceNumber), fields);
  }

  @Post()
  @RequirePermission(Permission.PROMOTER_WRITE)
  @ApiCreate({
    summary: 'Request an alteration of a permit',
    description:
      'A promoter asks the highway authority to change a permit’s dates, description, location description or traffic management; every other term stays as the permit has it. Shape errors are 400; dates in the past or out of order, or a permit you cannot see, are 422; a permit with an alteration still awaiting assessment is 409.',
    type: PermitAlterationDto,
    answer: 'The alteration, awaiting assessment; `Location` is its URL',
    location: 'URL of the new alteration',
  })
  async create(
    @Body() body: CreatePermitAlterationDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PermitAlterationDto> {
    const alteration = await this.alterations.create(caller, body);
    void reply.header('Location', alterationPath(alteration.alterationReferenceNumber));
    return alteration;
  }

  @Put(':alterationReferenceNumber/status')
  // Try it out: an authority write, so the example is one the authority demo key (4720) may change.
  @AuthorityExample('alterationReferenceNumber', 'NPG0000842384-01-ALT-01')
  @RequirePermission(Permission.AUTHORITY_WRITE)
  @ApiChange({
    summary: 'Assess a permit alteration',
    description:
      'The highway authority grants (with a fee discount, 0 to 100 %), refuses (with comments) or grants with a duration challenge (with comments and the reasonable end date) an alteration awaiting assessment; a missing condition is a 422, an alteration already assessed a 409. Answers the alteration as it now is.',
    type: PermitAlterationDto,
    answer: 'The assessed alteration',
  })
  updateStatus(
    @Param() params: AlterationReferenceParamDto,
    @Body() body: UpdatePermitAlterationStatusDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PermitAlterationDto> {
    return this.alterations.assess(caller, params.alterationReferenceNumber, body);
  }
}
