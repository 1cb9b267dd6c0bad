import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { ApiCreate, ApiList, ApiRead } from '../common/endpoints/api-endpoints.decorator';
import type { FastifyReply } from 'fastify';
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
import { CreateWorkDto } from './dto/work-writes.dto';
import { ListWorksQueryDto } from './dto/list-works-query.dto';
import { WorkDto, WorkSummaryDto } from './dto/work.dto';
import { WorkReferenceParamDto } from '../common/vocabulary/references';
import { WORKS_REGISTER } from '../upstreams/inner-apis/inner-apis-endpoints';
import { ENRICHMENT_UNAVAILABLE_HEADER } from './organisation-record';
import { WORK_FIELDS } from './works.mapper';
import { worksPath } from '../common/links/paths';
import { WorksService } from './works.service';

/** The work was created but could not be read back: the 201 body holds what was sent and Street Manager's references. */
const STREET_MANAGER_READ_BACK = 'street-manager';

const ENRICHMENT_HEADER_DOC = {
  [ENRICHMENT_UNAVAILABLE_HEADER]: {
    description:
      'Present (`works-register`) when the organisation record could not be fetched; the work itself is complete',
    schema: { type: 'string' },
  },
};

const CREATED_HEADER_DOC = {
  [ENRICHMENT_UNAVAILABLE_HEADER]: {
    description:
      '`works-register` when the organisation record could not be fetched; `street-manager` when Street Manager ' +
      'confirmed the work but it could not be read back: the work exists, the body holds what was sent and its ' +
      'references (unknown values `unknown` or null), and `Location` has the rest. Do not send the request again.',
    schema: { type: 'string', enum: ['works-register', STREET_MANAGER_READ_BACK] },
  },
};

@ApiTags('works')
@ApiExtraModels(WorkSummaryDto)
@Controller({ path: 'works', version: '1' })
export class WorksController {
  constructor(private readonly works: WorksService) {}

  @Get()
  @RequirePermission(Permission.READ)
  @Produces(MediaType.GEO_JSON)
  @ApiList({
    summary: 'List and search works',
    description:
      'Works the caller’s organisation may see, newest first unless `sort` says otherwise, 20 at a time (at most 100). ' +
      'Filters combine with AND. `Accept: application/geo+json` returns a GeoJSON FeatureCollection whose feature ' +
      'properties are the same fields. With `bbox`, works come from Street Manager’s map search, which knows fewer ' +
      'fields (the others are null) and cannot be combined with status, highwayAuthority, usrn, street or sort.',
    item: WorkSummaryDto,
    page: 'A page of works',
    alsoErrors: [422],
  })
  async list(
    @Query() query: ListWorksQueryDto,
    @Representation() representation: string,
    @CurrentListRequest() request: ListRequest,
  ): Promise<unknown> {
    const page = await serveList(this.works.listFor(query), query, request);
    return representation === MediaType.GEO_JSON
      ? toFeatureCollection(page, 'geometry', 'workReferenceNumber')
      : page;
  }

  @Get(':workReferenceNumber')
  @RequirePermission(Permission.READ)
  @ApiRead({
    summary: 'Read a work',
    description:
      'The work from Street Manager, enriched with the organisation’s own record from its works register (asked in ' +
      'parallel). If the register fails, the work is still returned with `organisationRecord.available: false` and ' +
      'the `X-Enrichment-Unavailable` header. A work of another organisation is a 404, like one that does not exist.',
    type: WorkDto,
    answer: 'The work',
    headers: ENRICHMENT_HEADER_DOC,
  })
  async get(
    @Param() params: WorkReferenceParamDto,
    @Query() query: FieldsQueryDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Partial<WorkDto>> {
    const fields = parseFields(query.fields, WORK_FIELDS);
    const { work, enriched } = await this.works.get(caller, params.workReferenceNumber);
    if (!enriched) {
      void reply.header(ENRICHMENT_UNAVAILABLE_HEADER, WORKS_REGISTER);
    }
    return selectFields(work, fields);
  }

  @Post()
  @RequirePermission(Permission.PROMOTER_WRITE)
  @ApiCreate({
    summary: 'Create a work with its first permit application',
    description:
      'Submits a new work and its permit application to Street Manager in the caller’s name. Shape errors are 400; ' +
      'meaning errors (end before start, a planned start in the past, a location outside Great Britain, an unknown ' +
      'highway authority) are 422 with one detail per field.',
    type: WorkDto,
    answer: 'The created work; `Location` is its URL',
    location: 'URL of the new work',
    headers: CREATED_HEADER_DOC,
  })
  async create(
    @Body() body: CreateWorkDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WorkDto> {
    const { work, enriched, readBack } = await this.works.create(caller, body);
    void reply.header('Location', worksPath(work.workReferenceNumber));
    if (readBack === false) {
      void reply.header(ENRICHMENT_UNAVAILABLE_HEADER, STREET_MANAGER_READ_BACK);
    } else if (!enriched) {
      void reply.header(ENRICHMENT_UNAVAILABLE_HEADER, WORKS_REGISTER);
    }
    return work;
  }
}
