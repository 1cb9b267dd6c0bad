import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { COMMENT_TOPICS } from './comment.dto';

export class CreateCommentDto {
  @ApiProperty({ enum: COMMENT_TOPICS, description: 'Only highway authorities may comment on `overrun`', example: 'general' })
  @IsIn(COMMENT_TOPICS)
  topic!: string;

  @ApiProperty({ maxLength: 1500, example: 'Traffic lights to be removed by 4pm' })
  @IsString()
  @MinLength(1)
  @MaxLength(1500)
  detail!: string;

  @ApiPropertyOptional({ description: 'Keep the comment inside your organisation (default false)', example: false })
  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}
