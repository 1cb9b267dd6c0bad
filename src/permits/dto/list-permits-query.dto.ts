import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { NotWith } from '../../common/paging/not-with.validator';
import { DateFilter, EnumListFilter, SortParam } from '../../common/query/filters';
import { PERMIT_STATUSES, WORK_CATEGORIES, WORK_STATUSES } from '../../common/vocabulary/street-manager-enums';

export const PERMIT_SORT_FIELDS = [
  'dateCreated',
  'deadlineDate',
  'proposedStartDate',
  'proposedEndDate',
  'statusChangedDate',
] as const;

const SWA_CODE = /^\d{1,4}$/;
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

  @ApiPropertyOptional({ description: 'Only the permits of this work', example: 'NGN0000847560' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,24}$/, { message: 'must be 1 to 24 letters, digits, - or _' })
  workReferenceNumber?: string;

  @ApiPropertyOptional({
    description: 'Only the permit in force (or applied for) of each work',
    type: Boolean,
    example: true,
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

  @ApiPropertyOptional({
    description: 'Only permits under this highway authority (SWA code). Cannot be combined with `promoter`.',
    example: '4720',
  })
  @IsOptional()
  @Matches(SWA_CODE, { message: 'must be a SWA code of up to 4 digits' })
  @NotWith('promoter')
  highwayAuthority?: string;

  @ApiPropertyOptional({
    description: 'Only permits of this promoter (SWA code). Cannot be combined with `highwayAuthority`.',
    example: '7374',
  })
  @IsOptional()
  @Matches(SWA_CODE, { message: 'must be a SWA code of up to 4 digits' })
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
