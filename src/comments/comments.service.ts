import { Injectable } from '@nestjs/common';
import type { Caller } from '../auth/caller';
import { Permission } from '../auth/permissions';
import { ValidationFailedError } from '../common/errors/api-error';
import { fetchWindow } from '../common/paging/upstream-window';
import { ReportingApiClient, type SmReportingLists } from '../upstreams/street-manager/reporting-api.client';
import { type SmCommentCreateRequest, WorkApiClient } from '../upstreams/street-manager/work-api.client';
import { commentFromStreetManager } from './comments.mapper';
import type { CommentDto } from './dto/comment.dto';
import type { CreateCommentDto } from './dto/comment-writes.dto';

type SmQuery = SmReportingLists['/comments']['query'];
type SmCommentRow = SmReportingLists['/comments']['row'];

/**
 * How many of one work's comments are read for its list. V6's reporting API filters comments by work (V3 could
 * not, so the organisation's newest were scanned) but still counts only to 501: 500 rows (20 pages) is the limit.
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

  /** V6's `GET /works/{wrn}/comments/{ref}` (V3 had none, so the reporting list was scanned). */
  async get(
    caller: Caller,
    workReferenceNumber: string,
    commentReferenceNumber: string,
  ): Promise<CommentDto> {
    return commentFromStreetManager(
      await this.works.getComment(caller, workReferenceNumber, commentReferenceNumber),
      workReferenceNumber,
      caller,
    );
  }

  async create(caller: Caller, workReferenceNumber: string, dto: CreateCommentDto): Promise<CommentDto> {
    if (dto.topic === 'overrun' && !caller.permissions.includes(Permission.AUTHORITY_WRITE)) {
      throw new ValidationFailedError([
        { field: 'topic', message: 'overrun comments are for highway authorities only' },
      ]);
    }
    const created = await this.works.createComment(
      caller,
      workReferenceNumber,
      {
        topic: dto.topic.toUpperCase() as SmCommentCreateRequest['topic'],
        detail: dto.detail,
        is_internal: dto.internal,
      },
      { is_internal: 'internal' },
    );
    return this.get(caller, workReferenceNumber, created.comment_reference_number);
  }

  /** The work's comments (V6 filters by work); the work is read alongside so an unknown one is a 404. */
  private async scan(
    caller: Caller,
    workReferenceNumber: string,
    query: SmQuery,
  ): Promise<{ rows: SmCommentRow[]; truncated: boolean }> {
    const byWork: SmQuery = { ...query, work_reference_number: workReferenceNumber };
    const [, all] = await Promise.all([
      this.works.getWork(caller, workReferenceNumber),
      fetchWindow({ offset: 0, limit: COMMENT_SCAN_LIMIT, mode: 'offset' }, (offset) =>
        this.reporting.listPage(caller, '/comments', byWork, offset),
      ),
    ]);
    // the filter is assumed to match references that contain the text (V6-A20): keep this work's only
    return {
      rows: all.rows.filter((r) => r.work_reference_number === workReferenceNumber),
      truncated: all.hasMore,
    };
  }
}
