import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { AuthorityExample } from '../common/validation/bounded';
import { ApiErrorResponses } from '../common/errors/api-error-responses.decorator';
import { FieldsQueryDto, parseFields, selectFields } from '../common/fields/fields';
import { CurrentListRequest } from '../common/listing/list-request.decorator';
import { type ListRequest, serveList } from '../common/listing/list-spec';
import { ApiIdempotencyKey } from '../idempotency/api-idempotency-key.decorator';
import type { Collection } from '../common/paging/collection';
import { ApiCollectionResponse } from '../common/paging/collection.dto';
import {
  CreateFixedPenaltyNoticeDto,
  UpdateFixedPenaltyNoticeStatusDto,
} from './dto/fixed-penalty-notice-writes.dto';
import { FixedPenaltyNoticeDto, FixedPenaltyNoticeSummaryDto } from './dto/fixed-penalty-notice.dto';
import { FpnReferenceParamDto } from './dto/fpn-reference-param.dto';
import { ListFixedPenaltyNoticesQueryDto } from './dto/list-fixed-penalty-notices-query.dto';
import { FPN_FIELDS } from './fixed-penalty-notices.mapper';
import { fpnPath } from '../common/links/paths';
import { FixedPenaltyNoticesService } from './fixed-penalty-notices.service';

@ApiTags('fixed-penalty-notices')
@Controller({ path: 'fixed-penalty-notices', version: '1' })
export class FixedPenaltyNoticesController {
  constructor(private readonly fpns: FixedPenaltyNoticesService) {}

  @Get()
  @RequirePermission(Permission.READ)
  @ApiOperation({
    summary: 'List and search fixed penalty notices',
    description:
      'FPNs on the works the caller’s organisation may see, latest issued first unless `sort` says otherwise, 20 at a time (at most 100).',
  })
  @ApiCollectionResponse(FixedPenaltyNoticeSummaryDto, 'A page of fixed penalty notices')
  @ApiErrorResponses(400, 401, 403, 406, 429, 502, 503, 504)
  list(
    @Query() query: ListFixedPenaltyNoticesQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<FixedPenaltyNoticeSummaryDto>>> {
    return serveList(this.fpns.list, query, request);
  }

  @Get(':fpnReferenceNumber')
  @RequirePermission(Permission.READ)
  @ApiOperation({
    summary: 'Read a fixed penalty notice',
    description: 'One FPN in full, linked to its work and permit. Another organisation’s FPN is a 404.',
  })
  @ApiOkResponse({ type: FixedPenaltyNoticeDto, description: 'The fixed penalty notice' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 429, 502, 503, 504)
  async get(
    @Param() params: FpnReferenceParamDto,
    @Query() query: FieldsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<Partial<FixedPenaltyNoticeDto>> {
    const fields = parseFields(query.fields, FPN_FIELDS);
    return selectFields(await this.fpns.get(caller, params.fpnReferenceNumber), fields);
  }

  @Post()
  @RequirePermission(Permission.AUTHORITY_WRITE)
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Issue a fixed penalty notice',
    description:
      'A highway authority issues an FPN on a work, in the caller’s name. Shape errors are 400; an offence date in the future or a work you cannot see are 422.',
  })
  @ApiCreatedResponse({
    type: FixedPenaltyNoticeDto,
    description: 'The issued notice; `Location` is its URL',
    headers: { Location: { description: 'URL of the new notice', schema: { type: 'string' } } },
  })
  @ApiHeader({
    name: 'Idempotent-Replayed',
    required: false,
    description: 'In the response: `true` when this is the replay of an earlier identical request',
  })
  @ApiErrorResponses(400, 401, 403, 406, 409, 413, 415, 422, 429, 502, 503, 504)
  async create(
    @Body() body: CreateFixedPenaltyNoticeDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FixedPenaltyNoticeDto> {
    const fpn = await this.fpns.create(caller, body);
    void reply.header('Location', fpnPath(fpn.fpnReferenceNumber));
    return fpn;
  }

  @Put(':fpnReferenceNumber/status')
  // Try it out: an authority write, so the example is one the authority demo key (4720) may change.
  @AuthorityExample('fpnReferenceNumber', 'NPG0001052550-FPN-01')
  @RequirePermission(Permission.AUTHORITY_WRITE)
  @ApiOperation({
    summary: 'Change the status of a fixed penalty notice',
    description:
      'Records that an FPN was accepted, paid, disputed or withdrawn. A reason is required for disputed and withdrawn (422 without one). Answers the notice as it now is.',
  })
  @ApiOkResponse({ type: FixedPenaltyNoticeDto, description: 'The notice with its new status' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 409, 413, 415, 422, 429, 502, 503, 504)
  updateStatus(
    @Param() params: FpnReferenceParamDto,
    @Body() body: UpdateFixedPenaltyNoticeStatusDto,
    @CurrentCaller() caller: Caller,
  ): Promise<FixedPenaltyNoticeDto> {
    return this.fpns.updateStatus(caller, params.fpnReferenceNumber, body);
  }
}
