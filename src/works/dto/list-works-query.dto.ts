import {
  BboxProperty,
  IntegerProperty,
  PatternProperty,
  SM_LIMITS,
  STREET_TEXT,
  SwaCodeProperty,
  USRN_MAX,
} from '../../common/validation/bounded';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { NotWith } from '../../common/paging/not-with.validator';
import { DateFilter, EnumListFilter, SortParam } from '../../common/query/filters';
import { WORK_CATEGORIES, WORK_STATUSES } from '../../common/vocabulary/street-manager-enums';

export const WORK_SORT_FIELDS = [
  'proposedStartDate',
  'proposedEndDate',
  'dateCreated',
  'statusChangedDate',
] as const;

export class ListWorksQueryDto extends CollectionQueryDto {
  @EnumListFilter(WORK_STATUSES, 'Only works in these statuses.', 'planned,in_progress')
  status?: string[];

  @EnumListFilter(WORK_CATEGORIES, 'Only works of these categories.', 'major')
  workCategory?: string[];

  @SwaCodeProperty({
    description:
      'Only works under this highway authority (SWA code), e.g. `4720`. Cannot be combined with `promoter`.',
    optional: true,
  })
  @NotWith('promoter')
  highwayAuthority?: string;

  @SwaCodeProperty({
    description:
      'Only works of this promoter (SWA code), e.g. `7001`. Cannot be combined with `highwayAuthority`.',
    optional: true,
  })
  @NotWith('highwayAuthority')
  promoter?: string;

  @IntegerProperty(1, USRN_MAX, {
    description:
      'Only works on this street (Unique Street Reference Number), e.g. `10104523`. Cannot be combined with `street`.',
    optional: true,
    query: true,
  })
  @NotWith('street')
  usrn?: number;

  @PatternProperty(
    STREET_TEXT,
    SM_LIMITS.shortText,
    "must be plain text (letters, digits, spaces and . , ' & -)",
    {
      description:
        'Only works whose street name contains this text, e.g. `Briggate`. Cannot be combined with `usrn`.',
      optional: true,
    },
  )
  @NotWith('usrn')
  street?: string;

  @DateFilter(
    'Only works whose proposed period ends on or after this date (with `dateTo`: overlaps the range).',
    '2026-08-01',
  )
  dateFrom?: string;

  @DateFilter('Only works whose proposed period starts on or before this date.', '2026-08-31')
  dateTo?: string;

  @BboxProperty({
    description:
      'Only works intersecting this WGS84 box: `minLongitude,minLatitude,maxLongitude,maxLatitude`, e.g. ' +
      "`-1.56,53.79,-1.53,53.81`. The box is clipped to Great Britain's extent (8.8°W–1.9°E, 49.8°N–60.9°N), where " +
      'every work lies: a box reaching beyond it, up to the whole world, is read as its part inside, and a box wholly ' +
      'outside it finds nothing (200, empty). A box (once clipped) holding more than 100 works is a 422 (Street ' +
      'Manager answers at most 100 features per box).',
    optional: true,
  })
  bbox?: string;

  @SortParam(WORK_SORT_FIELDS, '-proposedStartDate')
  sort?: string;
}
