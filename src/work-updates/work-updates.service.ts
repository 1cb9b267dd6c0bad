import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { BadRequestError } from '../common/errors/api-error';
import { isoDateTime, openEnum, UNKNOWN } from '../common/fields/upstream-values';
import { links } from '../common/links/link';
import { withQuery } from '../common/links/paths';
import {
  EventApiClient,
  type SmWorkUpdateSummary,
  type WorkUpdatesQuery,
} from '../upstreams/street-manager/event-api.client';
import { EVENT_PAGE_SIZE_MAX } from '../upstreams/street-manager/v6-assumptions';
import {
  DEFAULT_UPDATES_LIMIT,
  OBJECT_TYPES,
  type WorkUpdateDto,
  type WorkUpdatesPageDto,
  type WorkUpdatesQueryDto,
} from './dto/work-update.dto';
import { V1, worksPath } from '../common/links/paths';
import { LogWorkUpdates } from '../events/intake/log-work-updates';

const FEED_PATH = V1.workUpdates;
const EVENT = /^[a-z0-9_]{1,100}$/;
const PLACEHOLDERS = new Set(['upcoming_event', 'upcoming_enum']);

/** What the feed reads of an update, from the Event API or from the event log. */
type FeedRow = Pick<SmWorkUpdateSummary, 'update_id' | 'work_reference_number' | 'update_date_time'> & {
  event_type: string;
  object_type: string;
};

function toUpdate(u: FeedRow, caller: Caller): WorkUpdateDto {
  const event = String(u.event_type);
  return {
    updateId: u.update_id,
    workReferenceNumber: u.work_reference_number,
    eventType: EVENT.test(event) && !PLACEHOLDERS.has(event) ? event : UNKNOWN,
    objectType: openEnum(u.object_type, OBJECT_TYPES),
    updatedAt: isoDateTime(u.update_date_time),
    links: links(caller).related('work', worksPath(u.work_reference_number)).build(),
  };
}

/**
 * A change feed over Street Manager V6's Event API (`GET /event/works/updates`; V3's Reporting `/works/updates` is
 * gone). The cursor is the last update id handed out: the Event API returns ids above it in order, so following
 * `next` never skips or repeats an update; a limit above one Event API page (250) reads on with its `next_update`.
 */
@Injectable()
export class WorkUpdatesService {
  constructor(
    private readonly events: EventApiClient,
    private readonly fromLog: LogWorkUpdates,
  ) {}

  async feed(caller: Caller, query: WorkUpdatesQueryDto): Promise<WorkUpdatesPageDto> {
    if (query.after === undefined && query.since === undefined) {
      throw new BadRequestError(
        'give either after (an update id) or since (a date-time) to say where the feed starts',
        [{ field: 'after', message: 'either after or since is required' }],
      );
    }
    const limit = query.limit ?? DEFAULT_UPDATES_LIMIT;
    const since = query.since !== undefined ? isoDateTime(query.since) : null;
    // While the event intake runs, the caller's organisation's log answers: a poll costs no upstream call.
    const page: FeedRow[] = this.fromLog.serving
      ? await this.fromLog.updates(caller, { after: query.after, since: since ?? undefined }, limit)
      : await this.read(
          caller,
          limit,
          query.after !== undefined
            ? { updateId: query.after }
            : { startDate: since ?? undefined, endDate: new Date().toISOString() },
        );
    const last = page[page.length - 1];
    const nextAfter = last?.update_id ?? query.after ?? null;

    const self = withQuery(FEED_PATH, { after: query.after, since: query.since, limit });
    const next = nextAfter !== null ? withQuery(FEED_PATH, { after: nextAfter, limit }) : self;
    return {
      metadata: { cursor: { count: page.length, nextAfter } },
      results: page.map((u) => toUpdate(u, caller)),
      links: [
        { rel: 'self', href: self, type: 'GET' },
        { rel: 'next', href: next, type: 'GET' },
      ],
    };
  }

  /** Up to `limit` updates from the start given, oldest first, in as few Event API pages as it takes. */
  private async read(caller: Caller, limit: number, from: WorkUpdatesQuery): Promise<SmWorkUpdateSummary[]> {
    const rows: SmWorkUpdateSummary[] = [];
    let query: WorkUpdatesQuery = from;
    for (;;) {
      const page = await this.events.workUpdates(caller, {
        ...query,
        pageSize: Math.min(EVENT_PAGE_SIZE_MAX, limit - rows.length),
      });
      rows.push(...[...page.rows].sort((a, b) => a.update_id - b.update_id));
      if (rows.length >= limit || page.nextUpdate === null || page.rows.length === 0) {
        return rows.slice(0, limit);
      }
      query = { updateId: page.nextUpdate };
    }
  }
}
