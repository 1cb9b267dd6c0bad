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

  @EnumListFilter(INSPECTION_RESPONSE_TYPES, 'Only first inspections or only reinspections.', 'reinspection')
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
