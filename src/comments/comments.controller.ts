import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiCreate, ApiList, ApiRead } from '../common/endpoints/api-endpoints.decorator';
import type { FastifyReply } from 'fastify';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequireAnyPermission, RequirePermission } from '../auth/require-permission.decorator';
import { CurrentListRequest } from '../common/listing/list-request.decorator';
import { type ListRequest, serveList } from '../common/listing/list-spec';
import { FieldsQueryDto, parseFields, selectFields } from '../common/fields/fields';
import type { Collection } from '../common/paging/collection';
import { WorkReferenceParamDto } from '../common/vocabulary/references';
import { COMMENT_FIELDS, commentPath } from './comments.mapper';
import { COMMENT_SCAN_LIMIT, CommentsService } from './comments.service';
import { CommentDto } from './dto/comment.dto';
import { CommentParamsDto } from './dto/comment-params.dto';
import { CreateCommentDto } from './dto/comment-writes.dto';
import { ListCommentsQueryDto } from './dto/list-comments-query.dto';

/** Comments live under their work: `/v1/works/{workReferenceNumber}/comments`. */
@ApiTags('comments')
@Controller({ path: 'works/:workReferenceNumber/comments', version: '1' })
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @RequirePermission(Permission.READ)
  @ApiList({
    summary: 'List the comments on a work',
    description:
      `Comments on the work, newest first, 20 at a time (at most 100). Street Manager cannot list comments by work, so the ` +
      `gateway looks through the caller’s organisation’s ${COMMENT_SCAN_LIMIT} newest comments (after the filters); when ` +
      'older ones may exist, `countIsLowerBound` is true. Internal comments of other organisations are never shown.',
    item: CommentDto,
    page: 'A page of comments',
    alsoErrors: [404],
  })
  list(
    @Param() params: WorkReferenceParamDto,
    @Query() query: ListCommentsQueryDto,
    @CurrentListRequest() request: ListRequest,
  ): Promise<Collection<Partial<CommentDto>>> {
    return serveList(this.comments.listOf(params.workReferenceNumber), query, request);
  }

  @Get(':commentReferenceNumber')
  @RequirePermission(Permission.READ)
  @ApiRead({
    summary: 'Read a comment on a work',
    description: 'One comment; 404 when the work or the comment is unknown or not visible to the caller.',
    type: CommentDto,
    answer: 'The comment',
  })
  async get(
    @Param() params: CommentParamsDto,
    @Query() query: FieldsQueryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<Partial<CommentDto>> {
    const fields = parseFields(query.fields, COMMENT_FIELDS);
    return selectFields(
      await this.comments.get(caller, params.workReferenceNumber, params.commentReferenceNumber),
      fields,
    );
  }

  @Post()
  @RequireAnyPermission(Permission.PROMOTER_WRITE, Permission.AUTHORITY_WRITE)
  @ApiCreate({
    summary: 'Comment on a work',
    description:
      'Adds a comment to the work in the caller’s name; promoters and highway authorities may both comment. Street Manager’s refusals (for example a promoter commenting on `overrun`) are 422.',
    type: CommentDto,
    answer: 'The comment; `Location` is its URL',
    location: 'URL of the new comment',
    alsoErrors: [404],
  })
  async create(
    @Param() params: WorkReferenceParamDto,
    @Body() body: CreateCommentDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommentDto> {
    const comment = await this.comments.create(caller, params.workReferenceNumber, body);
    void reply.header('Location', commentPath(comment.workReferenceNumber, comment.commentReferenceNumber));
    return comment;
  }
}
