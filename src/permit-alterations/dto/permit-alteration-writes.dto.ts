import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  IntegerProperty,
  PermitReferenceProperty,
  SM_LIMITS,
  TextProperty,
} from '../../common/validation/bounded';
import { DateProperty } from '../../common/validation/date-time';
import { CLOSE_FOOTPATH, TRAFFIC_MANAGEMENT_TYPES } from '../../common/vocabulary/street-manager-enums';
import { ALTERATION_DECISIONS } from './permit-alteration-enums';

/** What the promoter changes; every other term of the permit is carried over as it is. */
export class CreatePermitAlterationDto {
  @PermitReferenceProperty({ description: 'The permit to alter', example: 'NGN0002163600-01' })
  permitReferenceNumber!: string;

  @DateProperty('First day of the works as altered; today or later', '2036-10-01')
  proposedStartDate!: string;

  @DateProperty('Last day of the works as altered; on or after proposedStartDate', '2036-10-16')
  proposedEndDate!: string;

  @TextProperty(SM_LIMITS.longText, {
    description: 'Why the permit needs altering',
    example: 'Extend duration for additional reinstatement',
  })
  reason!: string;

  @TextProperty(SM_LIMITS.longText, {
    description: 'A new description of the works; the permit’s own when absent',
    example: 'Replace 250 m of gas main',
    optional: true,
    minLength: 1,
  })
  description?: string;

  @TextProperty(SM_LIMITS.longText, {
    description: 'A new location description; the permit’s own when absent',
    example: 'Briggate, Boar Lane to The Headrow',
    optional: true,
    minLength: 1,
  })
  locationDescription?: string;

  @ApiPropertyOptional({
    enum: TRAFFIC_MANAGEMENT_TYPES,
    description: 'New traffic management; the permit’s own when absent',
    example: 'two_way_signals',
  })
  @IsOptional()
  @IsIn(TRAFFIC_MANAGEMENT_TYPES)
  trafficManagementType?: string;

  @ApiPropertyOptional({
    enum: CLOSE_FOOTPATH,
    description:
      'Whether a public footpath is closed (and the closure discussed with the highway authority); the permit’s own when absent',
    example: 'no',
  })
  @IsOptional()
  @IsIn(CLOSE_FOOTPATH)
  closeFootpath?: string;
}

export class UpdatePermitAlterationStatusDto {
  @ApiProperty({
    enum: ALTERATION_DECISIONS,
    description: 'The highway authority’s assessment',
    example: 'granted',
  })
  @IsIn(ALTERATION_DECISIONS)
  status!: string;

  @TextProperty(SM_LIMITS.longText, {
    description: 'Required when refusing or challenging the duration',
    example: 'Clashes with the Christmas embargo',
    optional: true,
    minLength: 1,
  })
  comments?: string;

  @IntegerProperty(0, 100, {
    description: 'Fee discount in percent; required when granting',
    example: 0,
    optional: true,
  })
  discountPercent?: number;

  @DateProperty(
    'Required when challenging the duration: the end date the authority considers reasonable, on or after the permit’s current end and before the one proposed',
    undefined,
    true,
  )
  reasonablePeriodEndDate?: string;
}
