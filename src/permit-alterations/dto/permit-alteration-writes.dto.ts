import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DateProperty } from '../../common/validation/date-time';
import { PERMIT_REFERENCE } from '../../common/vocabulary/references';
import { CLOSE_FOOTPATH, TRAFFIC_MANAGEMENT_TYPES } from '../../common/vocabulary/street-manager-enums';
import { ALTERATION_DECISIONS } from './permit-alteration-enums';

/** What the promoter changes; every other term of the permit is carried over as it is. */
export class CreatePermitAlterationDto {
  @ApiProperty({ description: 'The permit to alter', example: 'NGN0000123-01' })
  @Matches(PERMIT_REFERENCE, { message: 'must be a work reference number followed by - and two digits' })
  permitReferenceNumber!: string;

  @DateProperty('First day of the works as altered; today or later', '2026-10-01')
  proposedStartDate!: string;

  @DateProperty('Last day of the works as altered; on or after proposedStartDate', '2026-10-16')
  proposedEndDate!: string;

  @ApiProperty({ maxLength: 500, description: 'Why the permit needs altering', example: 'Extend duration for additional reinstatement' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'A new description of the works; the permit’s own when absent', example: 'Replace 250 m of gas main' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'A new location description; the permit’s own when absent', example: 'Briggate, Boar Lane to The Headrow' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  locationDescription?: string;

  @ApiPropertyOptional({ enum: TRAFFIC_MANAGEMENT_TYPES, description: 'New traffic management; the permit’s own when absent', example: 'two_way_signals' })
  @IsOptional()
  @IsIn(TRAFFIC_MANAGEMENT_TYPES)
  trafficManagementType?: string;

  @ApiPropertyOptional({
    enum: CLOSE_FOOTPATH,
    description: 'Whether a public footpath is closed (and the closure discussed with the highway authority); the permit’s own when absent',
    example: 'no',
  })
  @IsOptional()
  @IsIn(CLOSE_FOOTPATH)
  closeFootpath?: string;
}

export class UpdatePermitAlterationStatusDto {
  @ApiProperty({ enum: ALTERATION_DECISIONS, description: 'The highway authority’s assessment', example: 'granted' })
  @IsIn(ALTERATION_DECISIONS)
  status!: string;

  @ApiPropertyOptional({ maxLength: 500, description: 'Required when refusing or challenging the duration', example: 'Clashes with the Christmas embargo' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  comments?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, description: 'Fee discount in percent; required when granting', example: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  discountPercent?: number;

  @DateProperty(
    'Required when challenging the duration: the end date the authority considers reasonable, on or after the permit’s current end and before the one proposed',
    '2026-10-15',
    true,
  )
  reasonablePeriodEndDate?: string;
}
