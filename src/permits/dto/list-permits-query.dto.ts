import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { SwaCodeProperty, WorkReferenceProperty } from '../../common/validation/bounded';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { NotWith } from '../../common/paging/not-with.validator';
import { DateFilter, EnumListFilter, SortParam } from '../../common/query/filters';
import {
  PERMIT_STATUSES,
  WORK_CATEGORIES,
  WORK_STATUSES,
} from '../../common/vocabulary/street-manager-enums';

export const PERMIT_SORT_FIELDS = [
  'dateCreated',
  'deadlineDate',
  'proposedStartDate',
  'proposedEndDate',
  'statusChangedDate',
] as const;

const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** The reporting API's permit filters and sorts, in our words. */
export class ListPermitsQueryDto extends CollectionQueryDto {
  @EnumListFilter(PERMIT_STATUSES, 'Only permits in these statuses.', 'submitted,granted')
  status?: string[];

  @EnumListFilter(WORK_STATUSES, 'Only permits of works in these statuses.', 'in_progress')
  workStatus?: string[];

  @EnumListFilter(WORK_CATEGORIES, 'Only permits of these work categories.', 'major')
  workCategory?: string[];

  @WorkReferenceProperty({
    description: 'Only the permits of this work, e.g. `NGN0002163600`',
    optional: true,
  })
  workReferenceNumber?: string;

  @ApiPropertyOptional({
    description: 'Only the permit in force (or applied for) of each work, e.g. `true`',
    type: Boolean,
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  activeOnly?: boolean;

  @ApiPropertyOptional({
    description: 'Only permits on traffic-sensitive streets (true) or not (false)',
    type: Boolean,
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  trafficSensitive?: boolean;

  @SwaCodeProperty({
    description:
      'Only permits under this highway authority (SWA code), e.g. `4720`. Cannot be combined with `promoter`.',
    optional: true,
  })
  @NotWith('promoter')
  highwayAuthority?: string;

  @SwaCodeProperty({
    description:
      'Only permits of this promoter (SWA code), e.g. `7374`. Cannot be combined with `highwayAuthority`.',
    optional: true,
  })
  @NotWith('highwayAuthority')
  promoter?: string;

  @DateFilter('Only permits whose proposed period ends on or after this date.', '2026-08-01')
  dateFrom?: string;

  @DateFilter('Only permits whose proposed period starts on or before this date.', '2026-08-31')
  dateTo?: string;

  @DateFilter('Only permits applied for on or after this date.', '2026-07-01')
  createdFrom?: string;

  @DateFilter('Only permits applied for on or before this date.', '2026-07-31')
  createdTo?: string;

  @SortParam(PERMIT_SORT_FIELDS, '-dateCreated')
  sort?: string;
}
