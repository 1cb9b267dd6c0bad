import { ChildReferenceProperty, WorkReferenceProperty } from '../../common/validation/bounded';

export class CommentParamsDto {
  @WorkReferenceProperty({ description: 'Work reference number', example: 'NGN0002202682' })
  workReferenceNumber!: string;

  @ChildReferenceProperty({ description: 'Comment reference number', example: 'NGN0002202682-COM-01' })
  commentReferenceNumber!: string;
}
