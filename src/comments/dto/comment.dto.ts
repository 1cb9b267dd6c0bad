import { ApiProperty } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';
import { withUnknown } from '../../common/vocabulary/street-manager-enums';

/** Street Manager's comment topics (upper case there), in the v1 contract's lower-case form. */
export const COMMENT_TOPICS = [
  'general',
  'section_74',
  'inspection',
  'fpn',
  'overrun',
  'forward_plan',
  'change_request',
  'imposed_variation',
  'duration_challenge',
  'section_81',
  'unattributed_works',
] as const;

export class CommentDto {
  @ApiProperty({ example: 'NGN0000123-COM-01' })
  commentReferenceNumber!: string;

  @ApiProperty({ example: 'NGN0000123' })
  workReferenceNumber!: string;

  @ApiProperty({ enum: withUnknown(COMMENT_TOPICS), example: 'general' })
  topic!: string;

  @ApiProperty({ example: 'Traffic lights to be removed by 4pm' })
  detail!: string;

  @ApiProperty({
    description: 'Internal comments are seen only by the author’s organisation',
    example: false,
  })
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
