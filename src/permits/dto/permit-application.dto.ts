import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { EnumArrayProperty } from '../../common/validation/bounded-array';
import { SM_LIMITS, TextProperty } from '../../common/validation/bounded';
import { DateProperty } from '../../common/validation/date-time';
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
  // Far-future example dates keep the documented example a valid request for years (Try it out must succeed).
  @DateProperty('First day of the works', '2036-09-01')
  proposedStartDate!: string;

  @DateProperty('Last day of the works; on or after proposedStartDate', '2036-09-05')
  proposedEndDate!: string;

  @TextProperty(SM_LIMITS.longText, {
    description: 'What is being done',
    example: 'Replace 20 m of gas main',
  })
  description!: string;

  @TextProperty(SM_LIMITS.longText, {
    description: 'Where on the street, in words',
    example: 'Outside number 12, north footway',
  })
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

  @EnumArrayProperty(
    { minSize: 1, maxSize: LOCATION_TYPES.length, of: LOCATION_TYPES, unique: true },
    { example: ['carriageway'] },
  )
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

  @TextProperty(SM_LIMITS.shortText, { description: 'Contact for the works', example: 'Site manager' })
  secondaryContact!: string;

  @TextProperty(SM_LIMITS.shortText, { example: '0113 496 0000' })
  secondaryContactNumber!: string;

  @ApiPropertyOptional({
    maxLength: SM_LIMITS.shortText,
    format: 'email',
    example: 'site.manager@example.com',
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(SM_LIMITS.shortText)
  secondaryContactEmail?: string;

  @TextProperty(SM_LIMITS.longText, {
    description: 'Why the works start early, when they do',
    optional: true,
  })
  earlyStartReason?: string;
}
