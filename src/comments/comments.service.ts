import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import { NotFoundError, ValidationFailedError } from '../common/errors/api-error';
import { fetchWindow } from '../common/paging/upstream-window';
import { ReportingApiClient, type SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import { type SmCommentCreateRequest, WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { commentFromReporting } from './comments.mapper';
import type { CommentDto } from './dto/comment.dto';
import type { CreateCommentDto } from './dto/comment-writes.dto';

type SmQuery = SmReportingLists['/comments']['query'];
type SmCommentRow = SmReportingLists['/comments']['row'];

/**
 * How many of the organisation's comments (newest first) are scanned for one work's. Street Manager's reporting
 * API cannot filter comments by work and counts only to 501, so 500 rows (20 upstream pages) is the honest limit.
 */
export const COMMENT_SCAN_LIMIT = 500;

import { commentList } from './comments.list';

@Injectable()
export class CommentsService {
  constructor(
    private readonly reporting: ReportingApiClient,
    private readonly works: WorkApiClient,
  ) {}

  /** The list of one work's comments. */
  listOf(workReferenceNumber: string) {
    return commentList((caller, work, query) => this.scan(caller, work, query), workReferenceNumber);
  }

  async get(caller: Caller, workReferenceNumber: string, commentReferenceNumber: string): Promise<CommentDto> {
    const { rows } = await this.scan(caller, workReferenceNumber, {});
    const row = rows.find((r) => r.comment_reference_number === commentReferenceNumber);
    if (row === undefined) {
      throw new NotFoundError('comment', commentReferenceNumber);
    }
    return commentFromReporting(row, caller);
  }

  async create(caller: Caller, workReferenceNumber: string, dto: CreateCommentDto): Promise<CommentDto> {
    if (dto.topic === 'overrun' && !caller.permissions.includes(Permission.AUTHORITY_WRITE)) {
      throw new ValidationFailedError([{ field: 'topic', message: 'overrun comments are for highway authorities only' }]);
    }
    const created = await this.works.createComment(
      caller,
      workReferenceNumber,
      { topic: dto.topic.toUpperCase() as SmCommentCreateRequest['topic'], detail: dto.detail, is_internal: dto.internal },
      { is_internal: 'internal' },
    );
    return this.get(caller, workReferenceNumber, created.comment_reference_number);
  }

  /** The work's comments among the organisation's newest; the work is read alongside so an unknown one is a 404. */
  private async scan(caller: Caller, workReferenceNumber: string, query: SmQuery): Promise<{ rows: SmCommentRow[]; truncated: boolean }> {
    const [, all] = await Promise.all([
      this.works.getWork(caller, workReferenceNumber),
      fetchWindow({ offset: 0, limit: COMMENT_SCAN_LIMIT, mode: 'offset' }, (offset) => this.reporting.listPage(caller, '/comments', query, offset)),
    ]);
    return { rows: all.rows.filter((r) => r.work_reference_number === workReferenceNumber), truncated: all.hasMore };
  }
}
