import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList, ApiRead } from '../common/endpoints/api-endpoints.decorator';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CurrentListRequest } from '../common/listing/list-request.decorator';
import { type ListRequest, serveList } from '../common/listing/list-spec';
import { ApiErrorResponses } from '../common/errors/api-error-responses.decorator';
import { FieldsQueryDto, parseFields, selectFields } from '../common/fields/fields';
import { toFeatureCollection } from '../common/geo/feature-collection';
import { ApiIdempotencyKey } from '../idempotency/api-idempotency-key.decorator';
import { MediaType } from '../common/negotiation/media-types';
import { Produces } from '../common/negotiation/produces.decorator';
import { Representation } from '../common/negotiation/representation';
import { permitPath } from '../common/links/paths';
import { ListPermitsQueryDto } from './dto/list-permits-query.dto';
import { PermitDto } from './dto/permit.dto';
import { PermitReferenceParamDto } from '../common/vocabulary/references';
import { AssessPermitDto, CreatePermitDto, UpdatePermitStatusDto } from './dto/permit-writes.dto';
import { PERMIT_FIELDS } from './permits.mapper';
import { PermitsService } from './permits.service';

@ApiTags('permits')
@ApiExtraModels(PermitDto)
@Controller({ path: 'permits', version: '1' })
export class PermitsController {
  constructor(private readonly permits: PermitsService) {}

  @Get()
  @RequirePermission(Permission.READ)
  @Produces(MediaType.GEO_JSON)
  @ApiList({
    summary: 'List and search permits',
    description:
      'Permits the caller’s organisation may see, newest application first unless `sort` says otherwise, 20 at a time ' +
      '(at most 100). Filters combine with AND. `Accept: application/geo+json` returns a GeoJSON FeatureCollection.',
    item: PermitDto,
    page: 'A page of permits',
  })
  async list(
    @Query() query: ListPermitsQueryDto,
    @Representation() representation: string,
    @CurrentListRequest() request: ListRequest,
  ): Promise<unknown> {
    const page = await serveList(this.permits.list, query, request);
    return representation === MediaType.GEO_JSON
      ? toFeatureCollection(page, 'geometry', 'permitReferenceNumber')
      : page;
  }

  @Get(':permitReferenceNumber')
  @RequirePermission(Permission.READ)
  @ApiRead({
    summary: 'Read a permit',
    description:
      'By its reference alone (the work reference is derived from it). Another organisation’s permit is a 404.',
    type: PermitDto,
    answer: 'The permit',
  })
  async get(
    @Param() params: PermitReferenceParamDto,
    @Query() query: FieldsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<Partial<PermitDto>> {
    const fields = parseFields(query.fields, PERMIT_FIELDS);
    return selectFields(await this.permits.get(caller, params.permitReferenceNumber), fields);
  }

  @Post()
  @RequirePermission(Permission.PROMOTER_WRITE)
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Apply for a further permit on a work',
    description:
      'Shape errors are 400; meaning errors (end before start, a planned start in the past, a state Street Manager refuses) are 422.',
  })
  @ApiCreatedResponse({
    type: PermitDto,
    description: 'The new permit application; `Location` is its URL',
    headers: { Location: { description: 'URL of the new permit', schema: { type: 'string' } } },
  })
  @ApiErrorResponses(400, 401, 403, 404, 406, 409, 413, 415, 422, 429, 502, 503, 504)
  async create(
    @Body() body: CreatePermitDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PermitDto> {
    const permit = await this.permits.create(caller, body);
    void reply.header('Location', permitPath(permit.permitReferenceNumber));
    return permit;
  }

  @Put(':permitReferenceNumber/status')
  @HttpCode(200)
  @RequirePermission(Permission.PROMOTER_WRITE)
  @ApiOperation({
    summary: 'Cancel or close a permit (promoter)',
    description:
      'Cancel from submitted, granted or modification requested; close a granted permit when the works end. Other transitions are 422.',
  })
  @ApiOkResponse({ type: PermitDto, description: 'The permit after the change' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 409, 415, 422, 429, 502, 503, 504)
  async updateStatus(
    @Param() params: PermitReferenceParamDto,
    @Body() body: UpdatePermitStatusDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PermitDto> {
    return this.permits.updateStatus(caller, params.permitReferenceNumber, body);
  }

  @Put(':permitReferenceNumber/assessment')
  @HttpCode(200)
  @RequirePermission(Permission.AUTHORITY_WRITE)
  @ApiOperation({
    summary: 'Grant, refuse, ask to modify or revoke a permit (highway authority)',
    description:
      'Granting needs `discountPercent`; refusing needs `reasonsForRefusal` and `comments`; the other decisions need `comments`. ' +
      'A decision the permit’s state does not allow is 422.',
  })
  @ApiOkResponse({ type: PermitDto, description: 'The permit after the decision' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 409, 415, 422, 429, 502, 503, 504)
  async assess(
    @Param() params: PermitReferenceParamDto,
    @Body() body: AssessPermitDto,
    @CurrentCaller() caller: Caller,
  ): Promise<PermitDto> {
    return this.permits.assess(caller, params.permitReferenceNumber, body);
  }
}
