import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { WorkReferenceFilter } from '../../common/query/filters';
import { DateFilter, EnumListFilter } from '../../common/query/filters';
import { FORWARD_PLAN_STATUSES } from './forward-plan.dto';

export class ListForwardPlansQueryDto extends CollectionQueryDto {
  @WorkReferenceFilter('forward plans')
  workReferenceNumber?: string;

  @EnumListFilter(FORWARD_PLAN_STATUSES, 'Only forward plans in these statuses.', 'raised')
  status?: string[];

  @DateFilter('Only plans still running on or after this date.', '2026-10-01')
  dateFrom?: string;

  @DateFilter('Only plans starting on or before this date.', '2026-12-31')
  dateTo?: string;
}
