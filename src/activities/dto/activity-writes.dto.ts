import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { SM_LIMITS, TextProperty, UsrnProperty } from '../../common/validation/bounded';
import { EnumArrayProperty } from '../../common/validation/bounded-array';
import type { Geometry } from '../../common/geo/geometry';
import { DateTimeProperty } from '../../common/validation/date-time';
import { IsWorksGeometry } from '../../common/geo/writable-geometry';
import { LOCATION_TYPES, TRAFFIC_MANAGEMENT_TYPES } from '../../common/vocabulary/street-manager-enums';
import { ACTIVITY_KINDS } from './activity-enums';

export class CreateActivityDto {
  @UsrnProperty({ example: 10100456 })
  usrn!: number;

  @TextProperty(SM_LIMITS.shortText, { example: 'Scaffolding at number 12' })
  name!: string;

  @ApiProperty({ enum: ACTIVITY_KINDS, example: 'scaffolding' })
  @IsIn(ACTIVITY_KINDS)
  activityType!: string;

  @TextProperty(SM_LIMITS.shortText, { description: 'Required when activityType is `other`', optional: true })
  activityTypeDetails?: string;

  @TextProperty(SM_LIMITS.shortText, { example: 'Site manager', optional: true })
  contactName?: string;

  @TextProperty(SM_LIMITS.shortText, { example: '0113 496 0000', optional: true })
  contactDetails?: string;

  @DateTimeProperty('When the activity starts; must be in the future', '2036-09-01T08:00:00Z')
  startDate!: string;

  @DateTimeProperty('When the activity ends; after startDate', '2036-09-14T18:00:00Z')
  endDate!: string;

  @EnumArrayProperty(
    { minSize: 1, maxSize: LOCATION_TYPES.length, of: LOCATION_TYPES, unique: true },
    { example: ['footway'] },
  )
  locationTypes!: string[];

  @TextProperty(SM_LIMITS.longText, { example: 'Footway outside number 12' })
  locationDescription!: string;

  @ApiProperty({ enum: TRAFFIC_MANAGEMENT_TYPES, example: 'no_carriageway_incursion' })
  @IsIn(TRAFFIC_MANAGEMENT_TYPES)
  trafficManagementType!: string;

  @ApiProperty({ example: false })
  @IsBoolean()
  collaborativeWorking!: boolean;

  @TextProperty(SM_LIMITS.longText, { optional: true })
  additionalInfo?: string;

  @IsWorksGeometry()
  geometry!: Geometry;
}

export class UpdateActivityStatusDto {
  @ApiProperty({
    enum: ['cancelled'],
    description: 'The only change Street Manager offers: cancelling the activity',
    example: 'cancelled',
  })
  @IsIn(['cancelled'])
  status!: string;

  @TextProperty(SM_LIMITS.longText, { example: 'Event called off', optional: true })
  reason?: string;
}
