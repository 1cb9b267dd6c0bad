import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { ChildReferenceProperty, SM_LIMITS, TextProperty, WorkReferenceProperty } from '../../common/validation/bounded';
import { LinkDto } from '../../common/links/link';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { DateFilter, EnumListFilter } from '../../works/dto/query-transforms';
import { withUnknown } from '../../works/dto/work-enums';

/** Street Manager's comment topics (upper case there), in the v1 contract's lower-case form. */
export const COMMENT_TOPICS = ['general', 'section_74', 'inspection', 'fpn', 'overrun', 'forward_plan', 'change_request', 'imposed_variation', 'duration_challenge', 'section_81'] as const;

const booleanQuery = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

export class CommentDto {
  @ApiProperty({ example: 'NGN0000123-COM-01' })
  commentReferenceNumber!: string;

  @ApiProperty({ example: 'NGN0000123' })
  workReferenceNumber!: string;

  @ApiProperty({ enum: withUnknown(COMMENT_TOPICS), example: 'general' })
  topic!: string;

  @ApiProperty({ example: 'Traffic lights to be removed by 4pm' })
  detail!: string;

  @ApiProperty({ description: 'Internal comments are seen only by the author’s organisation', example: false })
  internal!: boolean;

  @ApiProperty({ description: 'SWA code of the author’s organisation', example: '4720' })
  authorOrganisationSwaCode!: string;

  @ApiProperty({ example: 'streetworks@example.org' })
  authorEmailAddress!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-09T10:30:00Z' })
  dateCreated!: string | null;

  @ApiProperty({ example: false })
  read!: boolean;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null })
  readOn!: string | null;

  @ApiProperty({ type: [LinkDto], description: 'self and the work' })
  links!: LinkDto[];
}

export class ListCommentsQueryDto extends CollectionQueryDto {
  @EnumListFilter(COMMENT_TOPICS, 'Only comments on these topics.', 'general,overrun')
  topic?: string[];

  @ApiPropertyOptional({ description: 'Only internal (`true`) or only shared (`false`) comments', type: Boolean })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean({ message: 'must be true or false' })
  internal?: boolean;

  @ApiPropertyOptional({ description: 'Only comments read (`true`) or not yet read (`false`)', type: Boolean })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean({ message: 'must be true or false' })
  read?: boolean;

  @DateFilter('Only comments written on or after this date.', '2026-08-01')
  createdFrom?: string;

  @DateFilter('Only comments written on or before this date.', '2026-08-31')
  createdTo?: string;
}

export class CreateCommentDto {
  @ApiProperty({ enum: COMMENT_TOPICS, description: 'Only highway authorities may comment on `overrun`', example: 'general' })
  @IsIn(COMMENT_TOPICS)
  topic!: string;

  @TextProperty(SM_LIMITS.comment, { example: 'Traffic lights to be removed by 4pm' })
  detail!: string;

  @ApiPropertyOptional({ description: 'Keep the comment inside your organisation (default false)', example: false })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

export class CommentParamsDto {
  @WorkReferenceProperty({ description: 'Work reference number', example: 'NGN0002202682' })
  workReferenceNumber!: string;

  @ChildReferenceProperty({ description: 'Comment reference number', example: 'NGN0002202682-COM-01' })
  commentReferenceNumber!: string;
}
