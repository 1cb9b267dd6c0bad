import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { BadRequestError } from '../common/errors/api-error';
import { isoDateTime, openEnum, UNKNOWN } from '../common/fields/upstream-values';
import { links } from '../common/links/link';
import { withQuery } from '../common/links/paths';
import { ReportingApiClient, type SmWorkUpdate } from '../upstreams/street-manager/reporting-api.client';
import {
  DEFAULT_UPDATES_LIMIT,
  OBJECT_TYPES,
  type WorkUpdateDto,
  type WorkUpdatesPageDto,
  type WorkUpdatesQueryDto,
} from './dto/work-update.dto';
import { V1, worksPath } from '../common/links/paths';

const FEED_PATH = V1.workUpdates;
const EVENT = /^[a-z0-9_]{1,100}$/;
const PLACEHOLDERS = new Set(['upcoming_event', 'upcoming_enum']);

function toUpdate(u: SmWorkUpdate, caller: Caller): WorkUpdateDto {
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
 * A change feed over Street Manager's `/works/updates` polling. The cursor is the last update id handed out:
 * Street Manager returns ids above it in order, so following `next` never skips or repeats an update, even when
 * one poll holds more than the page (the rest come next time) or nothing at all (the cursor stays put).
 */
@Injectable()
export class WorkUpdatesService {
  constructor(private readonly reporting: ReportingApiClient) {}

  async feed(caller: Caller, query: WorkUpdatesQueryDto): Promise<WorkUpdatesPageDto> {
    if (query.after === undefined && query.since === undefined) {
      throw new BadRequestError(
        'give either after (an update id) or since (a date-time) to say where the feed starts',
        [{ field: 'after', message: 'either after or since is required' }],
      );
    }
    const limit = query.limit ?? DEFAULT_UPDATES_LIMIT;
    const since = query.since !== undefined ? isoDateTime(query.since) : null;
    const upstream = await this.reporting.workUpdates(
      caller,
      query.after !== undefined
        ? { update_id: query.after }
        : { start_date: since ?? undefined, end_date: new Date().toISOString() },
    );
    const ordered = [...upstream].sort((a, b) => a.update_id - b.update_id);
    const page = ordered.slice(0, limit);
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
}
