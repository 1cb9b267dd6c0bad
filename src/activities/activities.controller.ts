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
import { toFeatureCollection } from '../common/geo/feature-collection';
import { MediaType } from '../common/negotiation/media-types';
import { Produces } from '../common/negotiation/produces.decorator';
import { Representation } from '../common/negotiation/representation';
import { ACTIVITY_FIELDS } from './activities.mapper';
import { activityPath } from '../common/links/paths';
import { ActivitiesService } from './activities.service';
import { ActivityDto, ActivitySummaryDto } from './dto/activity.dto';
import { ActivityReferenceParamDto } from './dto/activity-reference-param.dto';
import { CreateActivityDto, UpdateActivityStatusDto } from './dto/activity-writes.dto';
import { ListActivitiesQueryDto } from './dto/list-activities-query.dto';

@ApiTags('activities')
@Controller({ path: 'activities', version: '1' })
export class ActivitiesController {
  constructor(private readonly activities: ActivitiesService) {}

  @Get()
  @RequirePermission(Permission.READ)
  @Produces(MediaType.GEO_JSON)
  @ApiList({
    summary: 'List activities in an area',
    description:
      'Activities (skips, scaffolding, events, ...) intersecting a WGS84 box, 20 at a time (at most 100). Like Street ' +
      'Manager’s map, every organisation’s activities are shown. `Accept: application/geo+json` returns a FeatureCollection.',
    item: ActivitySummaryDto,
    page: 'A page of activities',
    alsoErrors: [422],
  })
  async list(
    @Query() query: ListActivitiesQueryDto,
    @Representation() representation: string,
    @CurrentListRequest() request: ListRequest,
  ): Promise<unknown> {
    const page = await serveList(this.activities.list, query, request);
    return representation === MediaType.GEO_JSON
      ? toFeatureCollection(page, 'geometry', 'activityReferenceNumber')
      : page;
  }

  @Get(':activityReferenceNumber')
  @RequirePermission(Permission.READ)
  @ApiRead({
    summary: 'Read an activity',
    description:
      'One activity in full, with its geometry in WGS84 and links to its street and highway authority.',
    type: ActivityDto,
    answer: 'The activity',
  })
  async get(
    @Param() params: ActivityReferenceParamDto,
    @Query() query: FieldsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<Partial<ActivityDto>> {
    const fields = parseFields(query.fields, ACTIVITY_FIELDS);
    return selectFields(await this.activities.get(caller, params.activityReferenceNumber), fields);
  }

  @Post()
  @RequirePermission(Permission.AUTHORITY_WRITE)
  @ApiCreate({
    summary: 'Record an activity',
    description:
      'A highway authority records an activity on one of its streets, in the caller’s name. Shape errors are 400; a start ' +
      'in the past, an end before the start, or a location outside Great Britain are 422.',
    type: ActivityDto,
    answer: 'The recorded activity; `Location` is its URL',
    location: 'URL of the new activity',
  })
  async create(
    @Body() body: CreateActivityDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActivityDto> {
    const activity = await this.activities.create(caller, body);
    void reply.header('Location', activityPath(activity.activityReferenceNumber));
    return activity;
  }

  @Put(':activityReferenceNumber/status')
  @RequirePermission(Permission.AUTHORITY_WRITE)
  @ApiChange({
    summary: 'Cancel an activity',
    description:
      'Sets the activity’s status to `cancelled` (the one change Street Manager offers). Answers the activity as it now is.',
    type: ActivityDto,
    answer: 'The cancelled activity',
  })
  updateStatus(
    @Param() params: ActivityReferenceParamDto,
    @Body() body: UpdateActivityStatusDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ActivityDto> {
    return this.activities.updateStatus(caller, params.activityReferenceNumber, body);
  }
}
