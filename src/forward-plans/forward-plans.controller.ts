import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiChange, ApiCreate, ApiList, ApiRead } from '../common/endpoints/api-endpoints.decorator';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CurrentListRequest } from '../common/listing/list-request.decorator';
import { type ListRequest, serveList } from '../common/listing/list-spec';
import { FieldsQueryDto, parseFields, selectFields } from '../common/fields/fields';
import type { Collection } from '../common/paging/collection';
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
  @ApiList({
    summary: 'List and search forward plans',
    description: 'Forward plans the caller’s organisation may see, newest first, 20 at a time (at most 100).',
    item: ForwardPlanSummaryDto,
    page: 'A page of forward plans',
  })
  list(
    @Query() query: ListForwardPlansQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<ForwardPlanSummaryDto>>> {
    return serveList(this.plans.list, query, request);
  }

  @Get(':forwardPlanReferenceNumber')
  @RequirePermission(Permission.READ)
  @ApiRead({
    summary: 'Read a forward plan',
    description:
      'One forward plan in full, with its geometry in WGS84. Another organisation’s plan is a 404.',
    type: ForwardPlanDto,
    answer: 'The forward plan',
  })
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
  @ApiCreate({
    summary: 'Create a forward plan',
    description:
      'A promoter gives advance notice of planned works (a new work with its forward plan). Shape errors are 400; dates in the past or out of order, a location outside Great Britain, or a highway authority Street Manager does not know are 422.',
    type: ForwardPlanDto,
    answer: 'The forward plan; `Location` is its URL',
    location: 'URL of the new forward plan',
  })
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
  @ApiChange({
    summary: 'Cancel a forward plan',
    description:
      'Sets a raised forward plan’s status to `cancelled` with a reason. Answers the plan as it now is.',
    type: ForwardPlanDto,
    answer: 'The cancelled forward plan',
  })
  updateStatus(
    @Param() params: ForwardPlanReferenceParamDto,
    @Body() body: UpdateForwardPlanStatusDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ForwardPlanDto> {
    return this.plans.updateStatus(caller, params.forwardPlanReferenceNumber, body);
  }
}
