import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { DateFilter, EnumListFilter } from '../../common/query/filters';
import { COMMENT_TOPICS } from './comment.dto';

const booleanQuery = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class ListCommentsQueryDto extends CollectionQueryDto {
  @EnumListFilter(COMMENT_TOPICS, 'Only comments on these topics.', 'general,overrun')
  topic?: string[];

  @ApiPropertyOptional({
    description: 'Only internal (`true`) or only shared (`false`) comments',
    type: Boolean,
  })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean({ message: 'must be true or false' })
  internal?: boolean;

  @ApiPropertyOptional({
    description: 'Only comments read (`true`) or not yet read (`false`)',
    type: Boolean,
  })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean({ message: 'must be true or false' })
  read?: boolean;

  @DateFilter('Only comments written on or after this date.', '2026-08-01')
  createdFrom?: string;

  @DateFilter('Only comments written on or before this date.', '2026-08-31')
  createdTo?: string;
}
