import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { DateFilter, EnumListFilter, SortParam } from '../../common/query/filters';
import { WorkReferenceFilter } from '../../common/query/filters';
import { INSPECTION_OUTCOMES, INSPECTION_RESPONSE_TYPES, INSPECTION_TYPES } from './inspection-enums';

export const INSPECTION_SORT_FIELDS = ['inspectionDate'] as const;

export class ListInspectionsQueryDto extends CollectionQueryDto {
  @WorkReferenceFilter('inspections')
  workReferenceNumber?: string;

  @EnumListFilter(INSPECTION_TYPES, 'Only inspections of these types.', 'live_site')
  type?: string[];

  @EnumListFilter(INSPECTION_OUTCOMES, 'Only inspections with these outcomes.', 'failed_high,failed_low')
  outcome?: string[];

  /**
   * Deprecated: Street Manager V6 lists reinspections apart and its inspection list no longer marks them, so only
   * `inspection` (the list as it is) can still be served; `reinspection` is a 422.
   */
  @EnumListFilter(
    INSPECTION_RESPONSE_TYPES,
    'Deprecated (Street Manager V6): `inspection` is the list as it is; `reinspection` is refused with 422.',
    'inspection',
  )
  responseType?: string[];

  @DateFilter('Only inspections on or after this date.', '2026-08-01')
  inspectionDateFrom?: string;

  @DateFilter('Only inspections on or before this date.', '2026-08-31')
  inspectionDateTo?: string;

  @DateFilter('Only inspections recorded on or after this date.', '2026-08-01')
  createdFrom?: string;

  @DateFilter('Only inspections recorded on or before this date.', '2026-08-31')
  createdTo?: string;

  @SortParam(INSPECTION_SORT_FIELDS, '-inspectionDate')
  sort?: string;
}
