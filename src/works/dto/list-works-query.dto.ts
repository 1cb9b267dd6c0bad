import { QueryInteger } from '../../common/validation/query-number';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
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

const SWA_CODE = /^\d{1,4}$/;

export class ListWorksQueryDto extends CollectionQueryDto {
  @EnumListFilter(WORK_STATUSES, 'Only works in these statuses.', 'planned,in_progress')
  status?: string[];

  @EnumListFilter(WORK_CATEGORIES, 'Only works of these categories.', 'major')
  workCategory?: string[];

  @ApiPropertyOptional({
    description: 'Only works under this highway authority (SWA code). Cannot be combined with `promoter`.',
    example: '4720',
  })
  @IsOptional()
  @Matches(SWA_CODE, { message: 'must be a SWA code of up to 4 digits' })
  @NotWith('promoter')
  highwayAuthority?: string;

  @ApiPropertyOptional({
    description: 'Only works of this promoter (SWA code). Cannot be combined with `highwayAuthority`.',
    example: '7001',
  })
  @IsOptional()
  @Matches(SWA_CODE, { message: 'must be a SWA code of up to 4 digits' })
  @NotWith('highwayAuthority')
  promoter?: string;

  @ApiPropertyOptional({
    description:
      'Only works on this street (Unique Street Reference Number). Cannot be combined with `street`.',
    example: 10104523,
    type: 'integer',
  })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(99_999_999)
  @NotWith('street')
  usrn?: number;

  @ApiPropertyOptional({
    description: 'Only works whose street name contains this text. Cannot be combined with `usrn`.',
    example: 'Briggate',
  })
  @IsOptional()
  @MaxLength(100)
  @Matches(/^[\p{L}\p{N} '.,&-]+$/u, {
    message: "must be plain text (letters, digits, spaces and . , ' & -)",
  })
  @NotWith('usrn')
  street?: string;

  @DateFilter(
    'Only works whose proposed period ends on or after this date (with `dateTo`: overlaps the range).',
    '2026-08-01',
  )
  dateFrom?: string;

  @DateFilter('Only works whose proposed period starts on or before this date.', '2026-08-31')
  dateTo?: string;

  @ApiPropertyOptional({
    description:
      'Only works intersecting this WGS84 box: `minLongitude,minLatitude,maxLongitude,maxLatitude`. The box is clipped to ' +
      "Great Britain's extent (8.8°W–1.9°E, 49.8°N–60.9°N), where every work lies: a box reaching beyond it, up to the whole " +
      'world, is read as its part inside, and a box wholly outside it finds nothing (200, empty). A box (once clipped) holding ' +
      'more than 100 works is a 422 (Street Manager answers at most 100 features per box).',
    example: '-1.56,53.79,-1.53,53.81',
  })
  @IsOptional()
  @Matches(/^-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?$/, {
    message: 'must be minLongitude,minLatitude,maxLongitude,maxLatitude in decimal degrees',
  })
  bbox?: string;

  @SortParam(WORK_SORT_FIELDS, '-proposedStartDate')
  sort?: string;
}
