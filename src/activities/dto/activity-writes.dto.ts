import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { BoundedArray } from '../../common/validation/bounded-array';
import type { Geometry } from '../../common/geo/geometry';
import { DateTimeProperty } from '../../common/validation/date-time';
import { IsWorksGeometry } from '../../common/geo/writable-geometry';
import { LOCATION_TYPES, TRAFFIC_MANAGEMENT_TYPES } from '../../common/vocabulary/street-manager-enums';
import { ACTIVITY_KINDS } from './activity-enums';

export class CreateActivityDto {
  @ApiProperty({ description: 'Unique Street Reference Number of the street', example: 10104523, type: 'integer' })
  @IsInt()
  @Min(1_000_001)
  @Max(99_999_999)
  usrn!: number;

  @ApiProperty({ maxLength: 100, example: 'Scaffolding at number 12' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ enum: ACTIVITY_KINDS, example: 'scaffolding' })
  @IsIn(ACTIVITY_KINDS)
  activityType!: string;

  @ApiPropertyOptional({ description: 'Required when activityType is `other`', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  activityTypeDetails?: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'Site manager' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactName?: string;

  @ApiPropertyOptional({ maxLength: 100, example: '0113 496 0000' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactDetails?: string;

  @DateTimeProperty('When the activity starts; must be in the future', '2026-09-01T08:00:00Z')
  startDate!: string;

  @DateTimeProperty('When the activity ends; after startDate', '2026-09-14T18:00:00Z')
  endDate!: string;

  @ApiProperty({ enum: LOCATION_TYPES, isArray: true, example: ['footway'] })
  @BoundedArray({ minSize: 1, maxSize: LOCATION_TYPES.length, of: LOCATION_TYPES, unique: true })
  locationTypes!: string[];

  @ApiProperty({ maxLength: 500, example: 'Footway outside number 12' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  locationDescription!: string;

  @ApiProperty({ enum: TRAFFIC_MANAGEMENT_TYPES, example: 'no_carriageway_incursion' })
  @IsIn(TRAFFIC_MANAGEMENT_TYPES)
  trafficManagementType!: string;

  @ApiProperty({ example: false })
  @IsBoolean()
  collaborativeWorking!: boolean;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  additionalInfo?: string;

  @IsWorksGeometry()
  geometry!: Geometry;
}

export class UpdateActivityStatusDto {
  @ApiProperty({ enum: ['cancelled'], description: 'The only change Street Manager offers: cancelling the activity', example: 'cancelled' })
  @IsIn(['cancelled'])
  status!: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Event called off' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
