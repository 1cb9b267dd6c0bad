import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { WorkReferenceFilter } from '../../common/query/filters';
import { PERMIT_REFERENCE } from '../../common/vocabulary/references';
import { DateFilter, EnumListFilter, SortParam } from '../../common/query/filters';
import { WORK_CATEGORIES, WORK_STATUSES } from '../../common/vocabulary/street-manager-enums';
import { ALTERATION_STATUSES, ALTERATION_TYPES } from './permit-alteration-enums';

export const ALTERATION_SORT_FIELDS = ['dateCreated', 'proposedStartDate', 'proposedEndDate', 'statusChangedDate'] as const;

export class ListPermitAlterationsQueryDto extends CollectionQueryDto {
  @ApiPropertyOptional({ description: 'Only alterations of this permit.', example: 'NGN0000123-01' })
  @IsOptional()
  @Matches(PERMIT_REFERENCE, { message: 'must be a work reference number followed by - and two digits' })
  permitReferenceNumber?: string;

  @WorkReferenceFilter('alterations of permits')
  workReferenceNumber?: string;

  @EnumListFilter(ALTERATION_STATUSES, 'Only alterations in these statuses.', 'submitted')
  status?: string[];

  @EnumListFilter(ALTERATION_TYPES, 'Only alterations of these types.', 'PROMOTER_CHANGE_REQUEST')
  type?: string[];

  @EnumListFilter(WORK_STATUSES, 'Only alterations of works in these statuses.', 'planned')
  workStatus?: string[];

  @EnumListFilter(WORK_CATEGORIES, 'Only alterations of permits in these categories.', 'standard,major')
  workCategory?: string[];

  @DateFilter('Only alterations requested on or after this date.', '2026-08-01')
  createdFrom?: string;

  @DateFilter('Only alterations requested on or before this date.', '2026-08-31')
  createdTo?: string;

  @SortParam(ALTERATION_SORT_FIELDS, '-dateCreated')
  sort?: string;
}
