import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { WorkReferenceFilter } from '../../common/query/filters';
import { DateFilter, EnumListFilter, SortParam } from '../../common/query/filters';
import { FPN_STATUSES, OFFENCE_CODES } from './fpn-enums';

export const FPN_SORT_FIELDS = ['issueDate', 'statusChangedDate'] as const;

export class ListFixedPenaltyNoticesQueryDto extends CollectionQueryDto {
  @WorkReferenceFilter('fixed penalty notices')
  workReferenceNumber?: string;

  @EnumListFilter(FPN_STATUSES, 'Only notices in these statuses.', 'issued,disputed')
  status?: string[];

  @EnumListFilter(OFFENCE_CODES, 'Only notices for these offences.', 'offence_code_05')
  offenceCode?: string[];

  @DateFilter('Only notices issued on or after this date.', '2026-08-01')
  issueDateFrom?: string;

  @DateFilter('Only notices issued on or before this date.', '2026-08-31')
  issueDateTo?: string;

  @DateFilter('Only notices whose status changed on or after this date.', '2026-08-01')
  statusChangedFrom?: string;

  @DateFilter('Only notices whose status changed on or before this date.', '2026-08-31')
  statusChangedTo?: string;

  @SortParam(FPN_SORT_FIELDS, '-issueDate')
  sort?: string;
}
