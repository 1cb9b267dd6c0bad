import type { Caller } from '../auth/caller';
import { wholeList } from '../common/listing/list-spec';
import { endOfDay, startOfDay } from '../common/query/dates';
import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import { COMMENT_FIELDS, commentFromReporting } from './comments.mapper';
import type { ListCommentsQueryDto } from './dto/list-comments-query.dto';

type SmQuery = SmReportingLists['/comments']['query'];
type SmCommentRow = SmReportingLists['/comments']['row'];

/** The work's comments among the organisation's newest, `truncated` when older ones may exist. */
export type CommentScan = (
  caller: Caller,
  workReferenceNumber: string,
  query: SmQuery,
) => Promise<{ rows: SmCommentRow[]; truncated: boolean }>;

export const commentList = (scan: CommentScan, workReferenceNumber: string) =>
  wholeList({
    fields: COMMENT_FIELDS,
    all: (caller, q: ListCommentsQueryDto) =>
      scan(caller, workReferenceNumber, {
        topic: q.topic?.map((t) => t.toUpperCase()) as SmQuery['topic'],
        is_internal: q.internal,
        is_read: q.read === true ? true : undefined,
        is_not_read: q.read === false ? true : undefined,
        date_created_from: startOfDay(q.createdFrom),
        date_created_to: endOfDay(q.createdTo),
      }),
    item: commentFromReporting,
  });
