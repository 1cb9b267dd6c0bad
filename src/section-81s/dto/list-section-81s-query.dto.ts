import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { WorkReferenceFilter } from '../../common/query/filters';
import { EnumListFilter, SortParam } from '../../common/query/filters';
import { SECTION_81_SEVERITIES, SECTION_81_STATUSES } from './section-81-enums';

/** Street Manager sorts section 81s by one column only. */
export const SECTION_81_SORT_FIELDS = ['statusChangedDate'] as const;

export class ListSection81sQueryDto extends CollectionQueryDto {
  @WorkReferenceFilter('section 81s')
  workReferenceNumber?: string;

  @EnumListFilter(SECTION_81_STATUSES, 'Only section 81s in these statuses.', 'issued,acknowledged')
  status?: string[];

  @EnumListFilter(SECTION_81_SEVERITIES, 'Only section 81s of these severities.', 'high')
  severity?: string[];

  @SortParam(SECTION_81_SORT_FIELDS, '-statusChangedDate')
  sort?: string;
}
