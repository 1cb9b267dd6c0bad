import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { BboxProperty } from '../../common/validation/bounded';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { DateFilter, EnumListFilter } from '../../common/query/filters';
import { ACTIVITY_KINDS } from './activity-enums';

export class ListActivitiesQueryDto extends CollectionQueryDto {
  @BboxProperty({
    description:
      'Activities intersecting this WGS84 box: `minLongitude,minLatitude,maxLongitude,maxLatitude` (required: Street Manager ' +
      "finds activities only by area). Clipped to Great Britain's extent (8.8°W–1.9°E, 49.8°N–60.9°N): a box reaching beyond " +
      'it is read as its part inside, one wholly outside finds nothing. A box (once clipped) holding more than 100 activities is a 422.',
    example: '-1.56,53.79,-1.53,53.81',
  })
  bbox!: string;

  @DateFilter('Only activities still running on or after this date.', '2026-09-01')
  dateFrom?: string;

  @DateFilter('Only activities starting on or before this date.', '2026-09-30')
  dateTo?: string;

  @EnumListFilter(ACTIVITY_KINDS, 'Only activities of these types.', 'skips,scaffolding')
  activityType?: string[];

  @ApiPropertyOptional({
    description: 'Only cancelled (`true`) or only current (`false`) activities, e.g. `false`',
    type: Boolean,
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'must be true or false' })
  cancelled?: boolean;
}
