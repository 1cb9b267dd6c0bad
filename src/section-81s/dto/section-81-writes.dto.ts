import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { BoundedArray } from '../../common/validation/bounded-array';
import type { Geometry } from '../../common/geo/geometry';
import { DateTimeProperty } from '../../common/validation/date-time';
import { IsWorksGeometry } from '../../common/geo/writable-geometry';
import { LOCATION_TYPES } from '../../common/vocabulary/street-manager-enums';
import { AUTHORITY_SECTION_81_STATUSES, SECTION_81_SEVERITIES, SECTION_81_TYPES } from './section-81-enums';

const SWA_CODE = /^\d{1,4}$/;

export class CreateSection81Dto {
  @ApiProperty({ description: 'SWA code of the promoter whose apparatus it is', example: '7374' })
  @Matches(SWA_CODE, { message: 'must be a SWA code of up to 4 digits' })
  promoterSwaCode!: string;

  @ApiProperty({ description: 'SWA code of the highway authority issuing it (the caller’s organisation)', example: '4720' })
  @Matches(SWA_CODE, { message: 'must be a SWA code of up to 4 digits' })
  highwayAuthoritySwaCode!: string;

  @ApiProperty({ example: 10104523, type: 'integer' })
  @IsInt()
  @Min(1_000_001)
  @Max(99_999_999)
  usrn!: number;

  @IsWorksGeometry()
  geometry!: Geometry;

  @ApiProperty({ maxLength: 500, example: 'Outside number 12, Briggate' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  locationDescription!: string;

  @ApiProperty({ enum: LOCATION_TYPES, isArray: true, example: ['footway'] })
  @BoundedArray({ minSize: 1, maxSize: LOCATION_TYPES.length, of: LOCATION_TYPES, unique: true })
  locationTypes!: string[];

  @DateTimeProperty('When the apparatus was inspected; not in the future', '2026-08-09T09:00:00Z')
  inspectionDate!: string;

  @ApiProperty({ enum: SECTION_81_TYPES, example: 'cabinet' })
  @IsIn(SECTION_81_TYPES)
  type!: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Required when type is `other`', example: 'Loose manhole frame' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  otherTypeDetails?: string;

  @ApiProperty({ enum: SECTION_81_SEVERITIES, example: 'high' })
  @IsIn(SECTION_81_SEVERITIES)
  severity!: string;

  @ApiProperty({ description: 'Whether the highway authority made the apparatus safe itself', example: false })
  @IsBoolean()
  madeSafeByHighwayAuthority!: boolean;

  @ApiProperty({ maxLength: 500, example: 'Apparatus cover damaged and rocking' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  details!: string;

  @ApiPropertyOptional({ maxLength: 100, example: 'A. Inspector' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  inspectorName?: string;

  @ApiPropertyOptional({ maxLength: 100, example: '0113 222 4444' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  inspectorContactNumber?: string;
}

export class UpdateSection81StatusDto {
  @ApiProperty({
    enum: AUTHORITY_SECTION_81_STATUSES,
    description: 'What a highway authority may set: `resolved_by_ha` (it repaired the defect itself) or `cancelled`',
    example: 'resolved_by_ha',
  })
  @IsIn(AUTHORITY_SECTION_81_STATUSES)
  status!: string;

  @ApiProperty({ maxLength: 500, description: 'Why; Street Manager requires one for both statuses', example: 'Cover replaced by our contractor' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}
