import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { Geometry } from '../../common/geo/geometry';
import { DateProperty } from '../../common/validation/date-time';
import { IsWorksGeometry } from '../../common/geo/writable-geometry';
import { TRAFFIC_MANAGEMENT_TYPES } from '../../common/vocabulary/street-manager-enums';

const SWA_CODE = /^\d{1,4}$/;

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
