import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiChange, ApiCreate, ApiList, ApiRead } from '../common/endpoints/api-endpoints.decorator';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { AuthorityExample } from '../common/validation/bounded';
import { FieldsQueryDto, parseFields, selectFields } from '../common/fields/fields';
import { CurrentListRequest } from '../common/listing/list-request.decorator';
import { type ListRequest, serveList } from '../common/listing/list-spec';
import type { Collection } from '../common/paging/collection';
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
  @ApiList({
    summary: 'List and search fixed penalty notices',
    description:
      'FPNs on the works the caller’s organisation may see, latest issued first unless `sort` says otherwise, 20 at a time (at most 100).',
    item: FixedPenaltyNoticeSummaryDto,
    page: 'A page of fixed penalty notices',
  })
  list(
    @Query() query: ListFixedPenaltyNoticesQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<FixedPenaltyNoticeSummaryDto>>> {
    return serveList(this.fpns.list, query, request);
  }

  @Get(':fpnReferenceNumber')
  @RequirePermission(Permission.READ)
  @ApiRead({
    summary: 'Read a fixed penalty notice',
    description: 'One FPN in full, linked to its work and permit. Another organisation’s FPN is a 404.',
    type: FixedPenaltyNoticeDto,
    answer: 'The fixed penalty notice',
  })
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
  @ApiCreate({
    summary: 'Issue a fixed penalty notice',
    description:
      'A highway authority issues an FPN on a work, in the caller’s name. Shape errors are 400; an offence date in the future or a work you cannot see are 422.',
    type: FixedPenaltyNoticeDto,
    answer: 'The issued notice; `Location` is its URL',
    location: 'URL of the new notice',
  })
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
  @ApiChange({
    summary: 'Change the status of a fixed penalty notice',
    description:
      'Records that an FPN was accepted, paid, disputed or withdrawn. A reason is required for disputed and withdrawn (422 without one). Answers the notice as it now is.',
    type: FixedPenaltyNoticeDto,
    answer: 'The notice with its new status',
  })
  updateStatus(
    @Param() params: FpnReferenceParamDto,
    @Body() body: UpdateFixedPenaltyNoticeStatusDto,
    @CurrentCaller() caller: Caller,
  ): Promise<FixedPenaltyNoticeDto> {
    return this.fpns.updateStatus(caller, params.fpnReferenceNumber, body);
  }
}
