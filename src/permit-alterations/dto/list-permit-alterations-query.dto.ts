import { PermitReferenceProperty } from '../../common/validation/bounded';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { WorkReferenceFilter } from '../../common/query/filters';
import { DateFilter, EnumListFilter, SortParam } from '../../common/query/filters';
import { WORK_CATEGORIES, WORK_STATUSES } from '../../common/vocabulary/street-manager-enums';
import { ALTERATION_STATUSES, ALTERATION_TYPES } from './permit-alteration-enums';

export const ALTERATION_SORT_FIELDS = [
  'dateCreated',
  'proposedStartDate',
  'proposedEndDate',
  'statusChangedDate',
] as const;

export class ListPermitAlterationsQueryDto extends CollectionQueryDto {
  @PermitReferenceProperty({
    description: 'Only alterations of this permit, e.g. `NGN0002163600-01`.',
    optional: true,
  })
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
