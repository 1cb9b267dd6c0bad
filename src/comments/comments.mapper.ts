import type { Caller } from '../auth/caller';
import { isoDateTime, openEnum } from '../common/fields/upstream-values';
import { links } from '../common/links/link';
import { resourcePath } from '../common/links/paths';
import type { SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import type { SmComment } from '../upstreams/street-manager/work-api.client';
import { COMMENT_TOPICS, type CommentDto } from './dto/comment.dto';
import { commentsPath, worksPath } from '../common/links/paths';

type SmCommentRow = SmReportingLists['/comments']['row'];

export const COMMENT_FIELDS = [
  'commentReferenceNumber',
  'workReferenceNumber',
  'topic',
  'detail',
  'internal',
  'authorOrganisationSwaCode',
  'authorEmailAddress',
  'dateCreated',
  'read',
  'readOn',
] as const;

export const commentPath = (workReferenceNumber: string, reference: string): string =>
  resourcePath(commentsPath(workReferenceNumber), reference);

/** V6's single comment (`CommentResponse`): no work reference in it, so the caller's path gives it. */
export function commentFromStreetManager(
  c: SmComment,
  workReferenceNumber: string,
  caller: Caller | undefined,
): CommentDto {
  const reference = c.comment_reference_number ?? '';
  return {
    commentReferenceNumber: reference,
    workReferenceNumber,
    // the Work API lists topics in lower case, the Reporting API in upper (V6-A19)
    topic: openEnum(c.comment_topic.toLowerCase(), COMMENT_TOPICS),
    detail: c.detail,
    internal: c.is_internal ?? false,
    authorOrganisationSwaCode: c.author_organisation_ref ?? '',
    authorEmailAddress: c.author_email_address,
    dateCreated: isoDateTime(c.date_created),
    read: c.is_read ?? false,
    readOn: isoDateTime(c.read_on),
    links: links(caller)
      .self(commentPath(workReferenceNumber, reference))
      .related('work', worksPath(workReferenceNumber))
      .build(),
  };
}

export function commentFromReporting(row: SmCommentRow, caller: Caller | undefined): CommentDto {
  return {
    commentReferenceNumber: row.comment_reference_number,
    workReferenceNumber: row.work_reference_number,
    topic: openEnum(row.topic.toLowerCase(), COMMENT_TOPICS),
    detail: row.detail,
    internal: row.is_internal,
    authorOrganisationSwaCode: row.author_organisation_reference,
    authorEmailAddress: row.author_email_address,
    dateCreated: isoDateTime(row.date_created),
    read: row.is_read,
    readOn: isoDateTime(row.read_on),
    links: links(caller)
      .self(commentPath(row.work_reference_number, row.comment_reference_number))
      .related('work', worksPath(row.work_reference_number))
      .build(),
  };
}
