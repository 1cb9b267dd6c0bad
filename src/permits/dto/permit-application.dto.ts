import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { BoundedArray } from '../../common/validation/bounded-array';
import { IsCalendarDate } from '../../common/validation/date-time';
import {
  ACTIVITY_TYPES,
  APPLICATION_TYPES,
  CLOSE_FOOTPATH,
  CLOSE_FOOTWAY,
  LOCATION_TYPES,
  TRAFFIC_MANAGEMENT_TYPES,
  WORK_TYPES,
} from '../../common/vocabulary/street-manager-enums';

/**
 * The permit application fields shared by a new work (its first permit) and a further permit on a work.
 * Street Manager's rules that need no data (types, lengths, lists) are checked here (400); rules about
 * meaning (dates in order, in the future) are checked by the service (422).
 */
export class PermitApplicationDto {
  @ApiProperty({ description: 'First day of the works', format: 'date', example: '2026-09-01' })
  @IsCalendarDate()
  proposedStartDate!: string;

  @ApiProperty({
    description: 'Last day of the works; on or after proposedStartDate',
    format: 'date',
    example: '2026-09-05',
  })
  @IsCalendarDate()
  proposedEndDate!: string;

  @ApiProperty({ description: 'What is being done', maxLength: 500, example: 'Replace 20 m of gas main' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  description!: string;

  @ApiProperty({
    description: 'Where on the street, in words',
    maxLength: 500,
    example: 'Outside number 12, north footway',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  locationDescription!: string;

  @ApiProperty({ enum: WORK_TYPES, example: 'planned' })
  @IsIn(WORK_TYPES)
  workType!: string;

  @ApiProperty({ enum: ACTIVITY_TYPES, example: 'utility_repair_and_maintenance_works' })
  @IsIn(ACTIVITY_TYPES)
  activityType!: string;

  @ApiProperty({ enum: TRAFFIC_MANAGEMENT_TYPES, example: 'two_way_signals' })
  @IsIn(TRAFFIC_MANAGEMENT_TYPES)
  trafficManagementType!: string;

  @ApiProperty({ enum: APPLICATION_TYPES, example: 'permit' })
  @IsIn(APPLICATION_TYPES)
  applicationType!: string;

  @ApiProperty({ enum: LOCATION_TYPES, isArray: true, example: ['carriageway'] })
  @BoundedArray({ minSize: 1, maxSize: LOCATION_TYPES.length, of: LOCATION_TYPES, unique: true })
  locationTypes!: string[];

  @ApiProperty({ enum: CLOSE_FOOTWAY, example: 'no' })
  @IsIn(CLOSE_FOOTWAY)
  closeFootway!: string;

  @ApiProperty({ description: 'Whether an excavation is needed', example: true })
  @IsBoolean()
  excavation!: boolean;

  @ApiPropertyOptional({
    description: 'Whether a traffic management plan is provided (default false)',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  trafficManagementPlan?: boolean;

  @ApiPropertyOptional({ description: 'Whether lane rental applies (default false)', example: false })
  @IsOptional()
  @IsBoolean()
  laneRentalApplicable?: boolean;

  @ApiPropertyOptional({
    description:
      'Whether a public footpath is closed, and the closure discussed with the highway authority (Street Manager V6 requires it). ' +
      'Optional: `no` when absent, except that works whose locationTypes include `footpath` must say it (422 otherwise).',
    enum: CLOSE_FOOTPATH,
    example: 'no',
  })
  @IsOptional()
  @IsIn(CLOSE_FOOTPATH)
  closeFootpath?: string;

  @ApiPropertyOptional({
    description: 'Deprecated and ignored: Street Manager V6 no longer takes it',
    deprecated: true,
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  environmentalHealthNotifiable?: boolean;

  @ApiPropertyOptional({
    description: 'Required for planned works: whether a temporary traffic regulation order is needed',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  ttroRequired?: boolean;

  @ApiPropertyOptional({
    description: 'Required for immediate works: whether there is an immediate risk',
    example: false,
  })
  @IsOptional()
  @IsBoolean()
  immediateRisk?: boolean;

  @ApiProperty({ description: 'Contact for the works', maxLength: 100, example: 'Site manager' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  secondaryContact!: string;

  @ApiProperty({ maxLength: 100, example: '0113 496 0000' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  secondaryContactNumber!: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'site.manager@example.com' })
  @IsOptional()
  @IsEmail()
  @MaxLength(100)
  secondaryContactEmail?: string;

  @ApiPropertyOptional({ description: 'Why the works start early, when they do', maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  earlyStartReason?: string;
}
