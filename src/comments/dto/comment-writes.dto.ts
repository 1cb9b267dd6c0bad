import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { SM_LIMITS, TextProperty } from '../../common/validation/bounded';
import { COMMENT_TOPICS } from './comment.dto';

export class CreateCommentDto {
  @ApiProperty({
    enum: COMMENT_TOPICS,
    description: 'Only highway authorities may comment on `overrun`',
    example: 'general',
  })
  @IsIn(COMMENT_TOPICS)
  topic!: string;

  @TextProperty(SM_LIMITS.comment, { example: 'Traffic lights to be removed by 4pm' })
  detail!: string;

  @ApiPropertyOptional({
    description: 'Keep the comment inside your organisation (default false)',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}
