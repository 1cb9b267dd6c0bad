import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { SM_LIMITS, SwaCodeProperty, TextProperty, UsrnProperty } from '../../common/validation/bounded';
import { EnumArrayProperty } from '../../common/validation/bounded-array';
import type { Geometry } from '../../common/geo/geometry';
import { DateTimeProperty } from '../../common/validation/date-time';
import { IsWorksGeometry } from '../../common/geo/writable-geometry';
import { LOCATION_TYPES } from '../../common/vocabulary/street-manager-enums';
import { AUTHORITY_SECTION_81_STATUSES, SECTION_81_SEVERITIES, SECTION_81_TYPES } from './section-81-enums';

export class CreateSection81Dto {
  @SwaCodeProperty({ description: 'SWA code of the promoter whose apparatus it is', example: '7374' })
  promoterSwaCode!: string;

  @SwaCodeProperty({
    description: 'SWA code of the highway authority issuing it (the caller’s organisation)',
    example: '4720',
  })
  highwayAuthoritySwaCode!: string;

  @UsrnProperty({ example: 10100456 })
  usrn!: number;

  @IsWorksGeometry()
  geometry!: Geometry;

  @TextProperty(SM_LIMITS.longText, { example: 'Outside number 12, Briggate' })
  locationDescription!: string;

  @EnumArrayProperty(
    { minSize: 1, maxSize: LOCATION_TYPES.length, of: LOCATION_TYPES, unique: true },
    { example: ['footway'] },
  )
  locationTypes!: string[];

  @DateTimeProperty('When the apparatus was inspected; not in the future', '2026-08-09T09:00:00Z')
  inspectionDate!: string;

  @ApiProperty({ enum: SECTION_81_TYPES, example: 'cabinet' })
  @IsIn(SECTION_81_TYPES)
  type!: string;

  @TextProperty(SM_LIMITS.shortText, {
    description: 'Required when type is `other`',
    example: 'Loose manhole frame',
    optional: true,
    minLength: 1,
  })
  otherTypeDetails?: string;

  @ApiProperty({ enum: SECTION_81_SEVERITIES, example: 'high' })
  @IsIn(SECTION_81_SEVERITIES)
  severity!: string;

  @ApiProperty({
    description: 'Whether the highway authority made the apparatus safe itself',
    example: false,
  })
  @IsBoolean()
  madeSafeByHighwayAuthority!: boolean;

  @TextProperty(SM_LIMITS.longText, { example: 'Apparatus cover damaged and rocking' })
  details!: string;

  @TextProperty(SM_LIMITS.shortText, { example: 'A. Inspector', optional: true })
  inspectorName?: string;

  @TextProperty(SM_LIMITS.shortText, { example: '0113 222 4444', optional: true })
  inspectorContactNumber?: string;
}

export class UpdateSection81StatusDto {
  @ApiProperty({
    enum: AUTHORITY_SECTION_81_STATUSES,
    description:
      'What a highway authority may set: `resolved_by_ha` (it repaired the defect itself) or `cancelled`',
    example: 'resolved_by_ha',
  })
  @IsIn(AUTHORITY_SECTION_81_STATUSES)
  status!: string;

  @TextProperty(SM_LIMITS.longText, {
    description: 'Why; Street Manager requires one for both statuses',
    example: 'Cover replaced by our contractor',
  })
  reason!: string;
}
