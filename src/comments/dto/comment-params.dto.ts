import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

export class CommentParamsDto {
  @ApiProperty({ description: 'Work reference number', example: 'NGN0000123' })
  @Matches(/^[A-Za-z0-9_-]{1,24}$/, { message: 'must be 1 to 24 letters, digits, - or _' })
  workReferenceNumber!: string;

  @ApiProperty({ description: 'Comment reference number', example: 'NGN0000123-COM-01' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, - or _' })
  commentReferenceNumber!: string;
}
