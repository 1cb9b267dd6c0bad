import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrorResponses } from '../common/errors/api-error-responses.decorator';
import { WorkUpdatesPageDto, WorkUpdatesQueryDto } from './dto/work-update.dto';
import { WorkUpdatesService } from './work-updates.service';

@ApiTags('work-updates')
@Controller({ path: 'work-updates', version: '1' })
export class WorkUpdatesController {
  constructor(private readonly updates: WorkUpdatesService) {}

  @Get()
  @RequirePermission(Permission.READ)
  @ApiOperation({
    summary: 'Follow changes to works',
    description:
      'A change feed of the works the caller’s organisation may see, oldest first. Start with `since` (a date-time) or ' +
      '`after` (an update id), then follow the `next` link for ever: each update appears exactly once, in order. An ' +
      'empty page keeps the same cursor; poll it again later.',
  })
  @ApiOkResponse({
    type: WorkUpdatesPageDto,
    description: 'Updates after the cursor, and the link to continue',
  })
  @ApiErrorResponses(400, 401, 403, 406, 429, 502, 503, 504)
  feed(@Query() query: WorkUpdatesQueryDto, @CurrentCaller() caller: Caller): Promise<WorkUpdatesPageDto> {
    return this.updates.feed(caller, query);
  }
}
