import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CurrentListRequest } from '../common/listing/list-request.decorator';
import { type ListRequest, serveList } from '../common/listing/list-spec';
import { ApiErrorResponses } from '../common/errors/api-error-responses.decorator';
import { FieldsQueryDto, parseFields, selectFields } from '../common/fields/fields';
import { ApiIdempotencyKey } from '../idempotency/api-idempotency-key.decorator';
import type { Collection } from '../common/paging/collection';
import { ApiCollectionResponse } from '../common/paging/collection.dto';
import { CreateForwardPlanDto, UpdateForwardPlanStatusDto } from './dto/forward-plan-writes.dto';
import { ForwardPlanDto, ForwardPlanSummaryDto } from './dto/forward-plan.dto';
import { ForwardPlanReferenceParamDto } from './dto/forward-plan-reference-param.dto';
import { ListForwardPlansQueryDto } from './dto/list-forward-plans-query.dto';
import { FORWARD_PLAN_FIELDS } from './forward-plans.mapper';
import { forwardPlanPath } from '../common/links/paths';
import { ForwardPlansService } from './forward-plans.service';

@ApiTags('forward-plans')
@Controller({ path: 'forward-plans', version: '1' })
export class ForwardPlansController {
  constructor(private readonly plans: ForwardPlansService) {}

  @Get()
  @RequirePermission(Permission.READ)
  @ApiOperation({
    summary: 'List and search forward plans',
    description: 'Forward plans the caller’s organisation may see, newest first, 20 at a time (at most 100).',
  })
  @ApiCollectionResponse(ForwardPlanSummaryDto, 'A page of forward plans')
  @ApiErrorResponses(400, 401, 403, 406, 429, 502, 503, 504)
  list(
    @Query() query: ListForwardPlansQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<ForwardPlanSummaryDto>>> {
    return serveList(this.plans.list, query, request);
  }

  @Get(':forwardPlanReferenceNumber')
  @RequirePermission(Permission.READ)
  @ApiOperation({
    summary: 'Read a forward plan',
    description:
      'One forward plan in full, with its geometry in WGS84. Another organisation’s plan is a 404.',
  })
  @ApiOkResponse({ type: ForwardPlanDto, description: 'The forward plan' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 429, 502, 503, 504)
  async get(
    @Param() params: ForwardPlanReferenceParamDto,
    @Query() query: FieldsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<Partial<ForwardPlanDto>> {
    const fields = parseFields(query.fields, FORWARD_PLAN_FIELDS);
    return selectFields(await this.plans.get(caller, params.forwardPlanReferenceNumber), fields);
  }

  @Post()
  @RequirePermission(Permission.PROMOTER_WRITE)
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Create a forward plan',
    description:
      'A promoter gives advance notice of planned works (a new work with its forward plan). Shape errors are 400; dates in the past or out of order, a location outside Great Britain, or a highway authority Street Manager does not know are 422.',
  })
  @ApiCreatedResponse({
    type: ForwardPlanDto,
    description: 'The forward plan; `Location` is its URL',
    headers: { Location: { description: 'URL of the new forward plan', schema: { type: 'string' } } },
  })
  @ApiHeader({
    name: 'Idempotent-Replayed',
    required: false,
    description: 'In the response: `true` when this is the replay of an earlier identical request',
  })
  @ApiErrorResponses(400, 401, 403, 406, 409, 413, 415, 422, 429, 502, 503, 504)
  async create(
    @Body() body: CreateForwardPlanDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ForwardPlanDto> {
    const plan = await this.plans.create(caller, body);
    void reply.header('Location', forwardPlanPath(plan.forwardPlanReferenceNumber));
    return plan;
  }

  @Put(':forwardPlanReferenceNumber/status')
  @RequirePermission(Permission.PROMOTER_WRITE)
  @ApiOperation({
    summary: 'Cancel a forward plan',
    description:
      'Sets a raised forward plan’s status to `cancelled` with a reason. Answers the plan as it now is.',
  })
  @ApiOkResponse({ type: ForwardPlanDto, description: 'The cancelled forward plan' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 409, 413, 415, 422, 429, 502, 503, 504)
  updateStatus(
    @Param() params: ForwardPlanReferenceParamDto,
    @Body() body: UpdateForwardPlanStatusDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ForwardPlanDto> {
    return this.plans.updateStatus(caller, params.forwardPlanReferenceNumber, body);
  }
}
