import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { AuthorityExample } from '../common/validation/bounded';
import { CurrentListRequest } from '../common/listing/list-request.decorator';
import { type ListRequest, serveList } from '../common/listing/list-spec';
import { ApiChange, ApiCreate, ApiList, ApiRead } from '../common/endpoints/api-endpoints.decorator';
import { FieldsQueryDto, parseFields, selectFields } from '../common/fields/fields';
import type { Collection } from '../common/paging/collection';
import { ListSection81sQueryDto } from './dto/list-section-81s-query.dto';
import { Section81Dto, Section81SummaryDto } from './dto/section-81.dto';
import { Section81ReferenceParamDto } from './dto/section-81-reference-param.dto';
import { CreateSection81Dto, UpdateSection81StatusDto } from './dto/section-81-writes.dto';
import { SECTION_81_FIELDS } from './section-81s.mapper';
import { section81Path } from '../common/links/paths';
import { Section81sService } from './section-81s.service';

@ApiTags('section-81s')
@Controller({ path: 'section-81s', version: '1' })
export class Section81sController {
  constructor(private readonly section81s: Section81sService) {}

  @Get()
  @RequirePermission(Permission.READ)
  @ApiList({
    summary: 'List and search section 81s',
    description:
      'Section 81 notices (defective apparatus) the caller’s organisation may see, latest status change first unless `sort` says otherwise, 20 at a time (at most 100).',
    item: Section81SummaryDto,
    page: 'A page of section 81s',
  })
  list(
    @Query() query: ListSection81sQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<Section81SummaryDto>>> {
    return serveList(this.section81s.list, query, request);
  }

  @Get(':section81ReferenceNumber')
  @RequirePermission(Permission.READ)
  @ApiRead({
    summary: 'Read a section 81',
    description:
      'One section 81 in full, with where the apparatus is in WGS84. Another organisation’s section 81 is a 404.',
    type: Section81Dto,
    answer: 'The section 81',
  })
  async get(
    @Param() params: Section81ReferenceParamDto,
    @Query() query: FieldsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<Partial<Section81Dto>> {
    const fields = parseFields(query.fields, SECTION_81_FIELDS);
    return selectFields(await this.section81s.get(caller, params.section81ReferenceNumber), fields);
  }

  @Post()
  @RequirePermission(Permission.AUTHORITY_WRITE)
  @ApiCreate({
    summary: 'Issue a section 81',
    description:
      'A highway authority tells a promoter that its apparatus in the street is defective; Street Manager opens a section 81 work for it. Shape errors are 400; an inspection date in the future, `type: other` without `otherTypeDetails`, a location outside Great Britain or an organisation Street Manager does not accept are 422.',
    type: Section81Dto,
    answer: 'The section 81; `Location` is its URL',
    location: 'URL of the new section 81',
  })
  async create(
    @Body() body: CreateSection81Dto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Section81Dto> {
    const section81 = await this.section81s.create(caller, body);
    void reply.header('Location', section81Path(section81.section81ReferenceNumber));
    return section81;
  }

  @Put(':section81ReferenceNumber/status')
  // Try it out: an authority write, so the example is one the authority demo key (4720) may change.
  @AuthorityExample('section81ReferenceNumber', 'NPG0000502553-S81-01')
  @RequirePermission(Permission.AUTHORITY_WRITE)
  @ApiChange({
    summary: 'Resolve or cancel a section 81',
    description:
      'The highway authority marks an open section 81 `resolved_by_ha` or `cancelled`, with a reason. A section 81 already resolved or cancelled is a 409. Answers the section 81 as it now is.',
    type: Section81Dto,
    answer: 'The section 81 with its new status',
  })
  updateStatus(
    @Param() params: Section81ReferenceParamDto,
    @Body() body: UpdateSection81StatusDto,
    @CurrentCaller() caller: Caller,
  ): Promise<Section81Dto> {
    return this.section81s.updateStatus(caller, params.section81ReferenceNumber, body);
  }
}
