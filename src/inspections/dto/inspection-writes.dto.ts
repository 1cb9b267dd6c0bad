import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DateTimeProperty } from '../../common/validation/date-time';
import { DEFECT_FIXED_ON_SITE, INSPECTION_OUTCOMES, INSPECTION_TYPES, WRITABLE_INSPECTION_CATEGORIES } from './inspection-enums';

/**
 * An inspection to record. Types, lengths and lists are checked here (400); Street Manager's business rules that
 * join fields (a date in the past, details required by an outcome) are checked by the service (422).
 */
export class CreateInspectionDto {
  @ApiProperty({ description: 'The work inspected', example: 'NGN0000123' })
  @Matches(/^[A-Za-z0-9_-]{1,24}$/, { message: 'must be 1 to 24 letters, digits, - or _' })
  workReferenceNumber!: string;

  @ApiProperty({ enum: INSPECTION_TYPES, example: 'live_site' })
  @IsIn(INSPECTION_TYPES)
  type!: string;

  @DateTimeProperty('When the inspection took place; must be in the past', '2026-08-09T10:30:00Z')
  inspectionDate!: string;

  @ApiPropertyOptional({ enum: WRITABLE_INSPECTION_CATEGORIES, example: 'a' })
  @IsOptional()
  @IsIn(WRITABLE_INSPECTION_CATEGORIES)
  category?: string;

  @ApiProperty({ enum: INSPECTION_OUTCOMES, example: 'passed' })
  @IsIn(INSPECTION_OUTCOMES)
  outcome!: string;

  @ApiPropertyOptional({ description: 'Required when the outcome is unable_to_complete_inspection or non_compliant_with_conditions', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  outcomeDetails?: string;

  @ApiPropertyOptional({ description: 'Required for a live-site inspection that failed high: whether the defect was reported by phone', example: false })
  @IsOptional()
  @IsBoolean()
  wasCallLogged?: boolean;

  @ApiPropertyOptional({ description: 'Required when wasCallLogged is true', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  callLoggedTo?: string;

  @ApiPropertyOptional({ description: 'Required when wasCallLogged is true', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  callLoggedReference?: string;

  @ApiPropertyOptional({ description: 'Required when wasCallLogged is true', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  callLoggedSummary?: string;

  @ApiPropertyOptional({ enum: DEFECT_FIXED_ON_SITE, description: 'Required for a live-site inspection that failed high', example: 'no' })
  @IsOptional()
  @IsIn(DEFECT_FIXED_ON_SITE)
  defectFixedOnSite?: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Site tidy, signs in place' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  additionalComments?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'J. Smith' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  inspectorName?: string;

  @DateTimeProperty('When to inspect again; today or later', '2026-08-20T09:00:00Z', true)
  reinspectionDate?: string;

  @ApiPropertyOptional({ description: 'Required for a section 81 inspection that failed: whether the highway authority made the site safe', example: false })
  @IsOptional()
  @IsBoolean()
  madeSafeByHighwayAuthority?: boolean;
}
