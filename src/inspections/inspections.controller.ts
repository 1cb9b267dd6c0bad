import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiCreate, ApiList, ApiRead } from '../common/endpoints/api-endpoints.decorator';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { CurrentListRequest } from '../common/listing/list-request.decorator';
import { type ListRequest, serveList } from '../common/listing/list-spec';
import { FieldsQueryDto, parseFields, selectFields } from '../common/fields/fields';
import type { Collection } from '../common/paging/collection';
import { CreateInspectionDto } from './dto/inspection-writes.dto';
import { InspectionDto, InspectionSummaryDto } from './dto/inspection.dto';
import { InspectionReferenceParamDto } from './dto/inspection-reference-param.dto';
import { ListInspectionsQueryDto } from './dto/list-inspections-query.dto';
import { INSPECTION_FIELDS } from './inspections.mapper';
import { inspectionPath } from '../common/links/paths';
import { InspectionsService } from './inspections.service';

@ApiTags('inspections')
@Controller({ path: 'inspections', version: '1' })
export class InspectionsController {
  constructor(private readonly inspections: InspectionsService) {}

  @Get()
  @RequirePermission(Permission.READ)
  @ApiList({
    summary: 'List and search inspections',
    description:
      'Inspections of the works the caller’s organisation may see, latest inspection first unless `sort` says otherwise, ' +
      '20 at a time (at most 100). Filters combine with AND.',
    item: InspectionSummaryDto,
    page: 'A page of inspections',
  })
  list(
    @Query() query: ListInspectionsQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<InspectionSummaryDto>>> {
    return serveList(this.inspections.list, query, request);
  }

  @Get(':inspectionReferenceNumber')
  @RequirePermission(Permission.READ)
  @ApiRead({
    summary: 'Read an inspection',
    description:
      'One inspection in full, linked to its work and the work’s permits. Another organisation’s inspection is a 404, like one that does not exist.',
    type: InspectionDto,
    answer: 'The inspection',
  })
  async get(
    @Param() params: InspectionReferenceParamDto,
    @Query() query: FieldsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<Partial<InspectionDto>> {
    const fields = parseFields(query.fields, INSPECTION_FIELDS);
    return selectFields(await this.inspections.get(caller, params.inspectionReferenceNumber), fields);
  }

  @Post()
  @RequirePermission(Permission.AUTHORITY_WRITE)
  @ApiCreate({
    summary: 'Record an inspection',
    description:
      'A highway authority records an inspection of a work on its streets, in the caller’s name. Shape errors are 400; ' +
      'Street Manager’s rules (an inspection date in the past, details an outcome requires, a work you cannot see) are 422.',
    type: InspectionDto,
    answer: 'The recorded inspection; `Location` is its URL',
    location: 'URL of the new inspection',
  })
  async create(
    @Body() body: CreateInspectionDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InspectionDto> {
    const inspection = await this.inspections.create(caller, body);
    void reply.header('Location', inspectionPath(inspection.inspectionReferenceNumber));
    return inspection;
  }
}
