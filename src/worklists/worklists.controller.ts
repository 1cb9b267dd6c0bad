import { Controller, Delete, Get, HttpCode, Param, Query } from '@nestjs/common';
import { ApiExtension, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList } from '../common/endpoints/api-endpoints.decorator';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrorResponses } from '../common/errors/api-error-responses.decorator';
import { CurrentListRequest } from '../common/listing/list-request.decorator';
import { type ListRequest, serveList } from '../common/listing/list-spec';
import type { Collection } from '../common/paging/collection';
import { CollectionQueryDto } from '../common/paging/collection-query.dto';
import { PermitReferenceParamDto } from '../common/vocabulary/references';
import {
  DeemingPermitDto,
  DueWorkStopDto,
  PotentialOverrunDto,
  RefusedPermitDto,
} from './dto/worklist-items.dto';
import { WorklistsService } from './worklists.service';

const AUTHORITY_ONLY =
  ' For callers acting for a highway authority; a promoter or contractor gets 403 saying so (an empty list would read as "nothing to do").';
const PROMOTER_ONLY =
  ' For callers acting for a promoter or a contractor; a highway authority gets 403 saying so (an empty list would read as "nothing to do").';
/** Who may use an operation, for tools (Try it out picks the sandbox key by it): the kinds of organisation a caller must act for. */
const FOR_AUTHORITIES = ApiExtension('x-organisation-kinds', ['highway_authority']);
const FOR_PROMOTERS = ApiExtension('x-organisation-kinds', ['promoter', 'contractor']);
const WHOLE =
  ' Street Manager computes the list for today (UTC) and answers it whole; it is paged here like every list, 20 at a time (at most 100), with an exact count.';

/**
 * Street Manager's worklists (V6 Worklist API): what a highway authority or a promoter works through every morning,
 * each a read-only collection of the caller's organisation, with links to the permits and works they name.
 */
@ApiTags('worklists')
@Controller({ version: '1' })
export class WorklistsController {
  constructor(private readonly worklists: WorklistsService) {}

  @Get('deeming-permits')
  @RequirePermission(Permission.READ)
  @ApiList({
    summary: 'Permits about to deem (highway authority)',
    description:
      'Permit applications in the authority’s area not yet assessed whose deadline is today: unless the authority assesses them first, they are deemed granted. Earliest deem date first.' +
      WHOLE +
      AUTHORITY_ONLY,
    item: DeemingPermitDto,
    page: 'A page of permits about to deem',
  })
  @FOR_AUTHORITIES
  deemingPermits(
    @Query() query: CollectionQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<DeemingPermitDto>>> {
    return serveList(this.worklists.lists.deemingPermits, query, request);
  }

  @Get('potential-overruns')
  @RequirePermission(Permission.READ)
  @ApiList({
    summary: 'Works that may be overrunning (highway authority)',
    description:
      'Works in the authority’s area that started and have not stopped although their reasonable period ended one to seven days ago, longest overdue first; one the authority has dismissed is left out.' +
      WHOLE +
      AUTHORITY_ONLY,
    item: PotentialOverrunDto,
    page: 'A page of potential overruns',
  })
  @FOR_AUTHORITIES
  potentialOverruns(
    @Query() query: CollectionQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<PotentialOverrunDto>>> {
    return serveList(this.worklists.lists.potentialOverruns, query, request);
  }

  @Delete('potential-overruns/:permitReferenceNumber')
  @HttpCode(204)
  @RequirePermission(Permission.AUTHORITY_WRITE)
  @ApiOperation({
    summary: 'Dismiss a potential overrun (highway authority)',
    description:
      'Takes the permit’s works off the authority’s potential overruns, once it has checked them. Idempotent: a permit not on the list (already dismissed, or never there) is a 204 too.' +
      ' Needs the authority write permission and a caller acting for a highway authority (403 otherwise).',
  })
  @ApiNoContentResponse({ description: 'Dismissed, or not on the list' })
  @ApiErrorResponses(400, 401, 403, 429, 502, 503, 504)
  @FOR_AUTHORITIES
  async dismissPotentialOverrun(
    @Param() params: PermitReferenceParamDto,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    await this.worklists.dismissPotentialOverrun(caller, params.permitReferenceNumber);
  }

  @Get('due-work-stops')
  @RequirePermission(Permission.READ)
  @ApiList({
    summary: 'Work stops due (promoter)',
    description:
      'The promoter’s works that started and have not stopped whose proposed end is yesterday, today or tomorrow: log the stop, or apply for more time. Earliest proposed end first.' +
      WHOLE +
      PROMOTER_ONLY,
    item: DueWorkStopDto,
    page: 'A page of work stops due',
  })
  @FOR_PROMOTERS
  dueWorkStops(
    @Query() query: CollectionQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<DueWorkStopDto>>> {
    return serveList(this.worklists.lists.dueWorkStops, query, request);
  }

  @Get('refused-permits')
  @RequirePermission(Permission.READ)
  @ApiList({
    summary: 'Refused permits (promoter)',
    description:
      'The promoter’s permit applications that highway authorities refused, with the reasons; latest refusal first.' +
      WHOLE +
      PROMOTER_ONLY,
    item: RefusedPermitDto,
    page: 'A page of refused permits',
  })
  @FOR_PROMOTERS
  refusedPermits(
    @Query() query: CollectionQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<RefusedPermitDto>>> {
    return serveList(this.worklists.lists.refusedPermits, query, request);
  }
}
