import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Geometry } from '../../common/geo/geometry';
import { IsWorksGeometry } from '../../common/geo/writable-geometry';
import {
  SM_LIMITS,
  SwaCodeProperty,
  TextProperty,
  UsrnProperty,
  WorkReferenceProperty,
} from '../../common/validation/bounded';
import { DateProperty } from '../../common/validation/date-time';
import { TRAFFIC_MANAGEMENT_TYPES } from '../../common/vocabulary/street-manager-enums';

export class CreateForwardPlanDto {
  // No example: a fixed reference would make the documented example succeed once, then collide.
  @WorkReferenceProperty({
    description:
      'Your own reference for the work (≤ 24 letters, digits, - or _); Street Manager makes one when absent',
    optional: true,
  })
  workReferenceNumber?: string;

  @SwaCodeProperty({ description: 'SWA code of the promoter (the caller’s organisation)', example: '7374' })
  promoterSwaCode!: string;

  @SwaCodeProperty({ description: 'SWA code of the highway authority for the street', example: '4720' })
  highwayAuthoritySwaCode!: string;

  @UsrnProperty({ example: 10100456 })
  usrn!: number;

  // Far-future example dates keep the documented example a valid request for years (Try it out must succeed).
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
  @ApiProperty({
    enum: ['cancelled'],
    description: 'The only change Street Manager offers: cancelling the plan',
    example: 'cancelled',
  })
  @IsIn(['cancelled'])
  status!: string;

  @TextProperty(SM_LIMITS.longText, { example: 'Works no longer needed' })
  reason!: string;
}
