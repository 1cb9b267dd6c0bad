import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { Geometry } from '../../common/geo/geometry';
import { LinkDto } from '../../common/links/link';
import { CollectionQueryDto } from '../../common/paging/collection-query.dto';
import { WorkReferenceFilter } from '../../common/query/filters';
import { DateProperty } from '../../common/validation/date-time';
import { IsWorksGeometry } from '../../common/geo/writable-geometry';
import { GeometryDto } from '../../common/geo/geometry.dto';
import { DateFilter, EnumListFilter } from '../../common/query/filters';
import { TRAFFIC_MANAGEMENT_TYPES, withUnknown } from '../../common/vocabulary/street-manager-enums';

export const FORWARD_PLAN_STATUSES = ['raised', 'cancelled', 'progressed'] as const;
const SWA_CODE = /^\d{1,4}$/;

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
  @ApiPropertyOptional({ description: 'Your own reference for the work (≤ 24 letters, digits, - or _); Street Manager makes one when absent', example: 'NGN-2026-000412' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,24}$/, { message: 'must be 1 to 24 letters, digits, - or _' })
  workReferenceNumber?: string;

  @ApiProperty({ description: 'SWA code of the promoter (the caller’s organisation)', example: '7374' })
  @Matches(SWA_CODE, { message: 'must be a SWA code of up to 4 digits' })
  promoterSwaCode!: string;

  @ApiProperty({ description: 'SWA code of the highway authority for the street', example: '4720' })
  @Matches(SWA_CODE, { message: 'must be a SWA code of up to 4 digits' })
  highwayAuthoritySwaCode!: string;

  @ApiProperty({ example: 10104523, type: 'integer' })
  @IsInt()
  @Min(1_000_001)
  @Max(99_999_999)
  usrn!: number;

  @DateProperty('First day of the planned works; today or later', '2026-10-01')
  proposedStartDate!: string;

  @DateProperty('Last day of the planned works; on or after proposedStartDate', '2026-10-14')
  proposedEndDate!: string;

  @ApiProperty({ maxLength: 500, example: 'Replace 200 m of gas main' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  description!: string;

  @ApiProperty({ maxLength: 500, example: 'Briggate, between Boar Lane and Commercial Street' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  locationDescription!: string;

  @ApiPropertyOptional({ enum: TRAFFIC_MANAGEMENT_TYPES, example: 'road_closure' })
  @IsOptional()
  @IsIn(TRAFFIC_MANAGEMENT_TYPES)
  trafficManagementType?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  projectReferenceNumber?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  additionalInfo?: string;

  @IsWorksGeometry()
  geometry!: Geometry;
}

export class UpdateForwardPlanStatusDto {
  @ApiProperty({ enum: ['cancelled'], description: 'The only change Street Manager offers: cancelling the plan', example: 'cancelled' })
  @IsIn(['cancelled'])
  status!: string;

  @ApiProperty({ maxLength: 500, example: 'Works no longer needed' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class ForwardPlanReferenceParamDto {
  @ApiProperty({ description: 'Forward plan reference number: the work reference followed by -FP- and a number', example: 'NGN0000123-FP-01' })
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be 1 to 64 letters, digits, - or _' })
  forwardPlanReferenceNumber!: string;
}
