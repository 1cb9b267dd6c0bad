import { ApiProperty } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';
import { GeometryDto } from '../../common/geo/geometry.dto';
import {
  LOCATION_TYPES,
  TRAFFIC_MANAGEMENT_TYPES,
  withUnknown,
} from '../../common/vocabulary/street-manager-enums';
import { ACTIVITY_KINDS } from './activity-enums';

/** An activity on the highway that is not a street work (a skip, scaffolding, an event), recorded by the highway authority. */
export class ActivitySummaryDto {
  @ApiProperty({ example: 'ACTLCC900123' })
  activityReferenceNumber!: string;

  @ApiProperty({ example: 'Scaffolding at number 12' })
  name!: string;

  @ApiProperty({ enum: withUnknown(ACTIVITY_KINDS), example: 'scaffolding' })
  activityType!: string;

  @ApiProperty({ example: 'Footway outside number 12' })
  locationDescription!: string;

  @ApiProperty({ nullable: true, type: String, example: 'Briggate' })
  streetName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'City Centre' })
  area!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-09-01T08:00:00Z' })
  startDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-09-14T18:00:00Z' })
  endDate!: string | null;

  @ApiProperty({ example: false })
  cancelled!: boolean;

  @ApiProperty({ type: GeometryDto, nullable: true, description: 'Where the activity is, GeoJSON in WGS84' })
  geometry!: GeometryDto | null;

  @ApiProperty({ type: [LinkDto], description: 'self, and `update-status` (cancel) where the caller may' })
  links!: LinkDto[];
}

export class ActivityDto extends ActivitySummaryDto {
  @ApiProperty({ nullable: true, type: Number, example: 10104523 })
  usrn!: number | null;

  @ApiProperty({ nullable: true, type: String, example: 'Leeds' })
  town!: string | null;

  @ApiProperty({ nullable: true, type: Number, example: 3 })
  roadCategory!: number | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'What the activity is, when its type is `other`',
    example: null,
  })
  activityTypeDetails!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Site manager' })
  contactName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '0113 496 0000' })
  contactDetails!: string | null;

  @ApiProperty({ enum: withUnknown(LOCATION_TYPES), isArray: true, example: ['footway'] })
  locationTypes!: string[];

  @ApiProperty({ enum: withUnknown(TRAFFIC_MANAGEMENT_TYPES), example: 'no_carriageway_incursion' })
  trafficManagementType!: string;

  @ApiProperty({ example: false })
  collaborativeWorking!: boolean;

  @ApiProperty({ nullable: true, type: String, example: null })
  additionalInfo!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  cancelledReason!: string | null;

  @ApiProperty({ example: '4720' })
  highwayAuthoritySwaCode!: string;
}
