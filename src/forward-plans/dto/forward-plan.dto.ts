import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  ChildReferenceProperty,
  SM_LIMITS,
  SwaCodeProperty,
  TextProperty,
  UsrnProperty,
  WorkReferenceProperty,
} from '../../common/validation/bounded';
import type { Geometry } from '../../common/geo/geometry';
import { LinkDto } from '../../common/links/link';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { WorkReferenceFilter } from '../../common/paging/work-reference-filter';
import { DateProperty } from '../../common/validation/date-time';
import { IsWorksGeometry } from '../../works/dto/geometry-input';
import { GeometryDto } from '../../works/dto/geometry.dto';
import { DateFilter, EnumListFilter } from '../../works/dto/query-transforms';
import { TRAFFIC_MANAGEMENT_TYPES, withUnknown } from '../../works/dto/work-enums';

export const FORWARD_PLAN_STATUSES = ['raised', 'cancelled', 'progressed'] as const;

/** A promoter's advance notice of works it plans, before any permit application. */
export class ForwardPlanSummaryDto {
  @ApiProperty({ example: 'NGN0000123-FP-01' })
  forwardPlanReferenceNumber!: string;

  @ApiProperty({ example: 'NGN0000123' })
  workReferenceNumber!: string;

  @ApiProperty({ enum: withUnknown(FORWARD_PLAN_STATUSES), example: 'raised' })
  status!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2026-10-01' })
  proposedStartDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2026-10-14' })
  proposedEndDate!: string | null;

  @ApiProperty({ example: 'Northern Gas Networks' })
  promoterName!: string;

  @ApiProperty({ example: 'Leeds City Council' })
  highwayAuthorityName!: string;

  @ApiProperty({ nullable: true, type: String, example: 'Briggate' })
  streetName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Leeds' })
  town!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'City Centre' })
  area!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Outside number 12' })
  locationDescription!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-09T10:30:00Z' })
  dateCreated!: string | null;

  @ApiProperty({ type: [LinkDto], description: 'self, work, and `update-status` (cancel) where the caller may' })
  links!: LinkDto[];
}

export class ForwardPlanDto extends ForwardPlanSummaryDto {
  @ApiProperty({ example: '7374' })
  promoterSwaCode!: string;

  @ApiProperty({ example: '4720' })
  highwayAuthoritySwaCode!: string;

  @ApiProperty({ nullable: true, type: Number, example: 10104523 })
  usrn!: number | null;

  @ApiProperty({ example: 'Replace 200 m of gas main' })
  description!: string;

  @ApiProperty({ nullable: true, enum: withUnknown(TRAFFIC_MANAGEMENT_TYPES), example: 'road_closure' })
  trafficManagementType!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  projectReferenceNumber!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  additionalInfo!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  cancelledReason!: string | null;

  @ApiProperty({ type: GeometryDto, nullable: true, description: 'Where the works are planned, GeoJSON in WGS84' })
  geometry!: GeometryDto | null;
}

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

export class CreateForwardPlanDto {
  // No example: a fixed reference would make the documented example succeed once, then collide.
  @WorkReferenceProperty({
    description: 'Your own reference for the work (≤ 24 letters, digits, - or _); Street Manager makes one when absent',
    optional: true,
  })
  workReferenceNumber?: string;

  @SwaCodeProperty({ description: 'SWA code of the promoter (the caller’s organisation)', example: '7374' })
  promoterSwaCode!: string;

  @SwaCodeProperty({ description: 'SWA code of the highway authority for the street', example: '4720' })
  highwayAuthoritySwaCode!: string;

  @UsrnProperty({ example: 10100456 })
  usrn!: number;

  @DateProperty('First day of the planned works; today or later', '2036-10-01')
  proposedStartDate!: string;

  @DateProperty('Last day of the planned works; on or after proposedStartDate', '2036-10-14')
  proposedEndDate!: string;

  @TextProperty(SM_LIMITS.longText, { example: 'Replace 200 m of gas main' })
  description!: string;

  @TextProperty(SM_LIMITS.longText, { example: 'Briggate, between Boar Lane and Commercial Street' })
  locationDescription!: string;

  @ApiPropertyOptional({ enum: TRAFFIC_MANAGEMENT_TYPES, example: 'road_closure' })
  @IsOptional()
  @IsIn(TRAFFIC_MANAGEMENT_TYPES)
  trafficManagementType?: string;

  @TextProperty(SM_LIMITS.shortText, { optional: true })
  projectReferenceNumber?: string;

  @TextProperty(SM_LIMITS.longText, { optional: true })
  additionalInfo?: string;

  @IsWorksGeometry()
  geometry!: Geometry;
}

export class UpdateForwardPlanStatusDto {
  @ApiProperty({ enum: ['cancelled'], description: 'The only change Street Manager offers: cancelling the plan', example: 'cancelled' })
  @IsIn(['cancelled'])
  status!: string;

  @TextProperty(SM_LIMITS.longText, { example: 'Works no longer needed' })
  reason!: string;
}

export class ForwardPlanReferenceParamDto {
  @ChildReferenceProperty({
    description: 'Forward plan reference number: the work reference followed by -FP- and a number',
    example: 'NGN0000313944-FP-01',
  })
  forwardPlanReferenceNumber!: string;
}
