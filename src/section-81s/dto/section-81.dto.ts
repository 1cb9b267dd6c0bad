import { ApiProperty } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';
import { GeometryDto } from '../../common/geo/geometry.dto';
import { LOCATION_TYPES, withUnknown } from '../../common/vocabulary/street-manager-enums';
import {
  SECTION_81_SEVERITIES,
  SECTION_81_STATUSES,
  SECTION_81_TYPES,
  SECTION_81_WORK_TYPES,
} from './section-81-enums';

/** A highway authority's notice to a promoter of apparatus in the street that is defective (NRSWA section 81). */
export class Section81SummaryDto {
  @ApiProperty({
    description:
      'Street Manager section 81 reference number: the work reference followed by -S81- and a number',
    example: 'NGN0000123-S81-01',
  })
  section81ReferenceNumber!: string;

  @ApiProperty({ example: 'NGN0000123' })
  workReferenceNumber!: string;

  @ApiProperty({ enum: withUnknown(SECTION_81_STATUSES), example: 'issued' })
  status!: string;

  @ApiProperty({ enum: withUnknown(SECTION_81_SEVERITIES), example: 'high' })
  severity!: string;

  @ApiProperty({
    description: 'Whether the highway authority made the apparatus safe itself',
    example: false,
  })
  madeSafeByHighwayAuthority!: boolean;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-09T10:30:00Z' })
  issueDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-09T10:30:00Z' })
  statusChangedDate!: string | null;

  @ApiProperty({ example: 'Northern Gas Networks' })
  promoterName!: string;

  @ApiProperty({ example: 'Leeds City Council' })
  highwayAuthorityName!: string;

  @ApiProperty({ nullable: true, type: String, example: 'Briggate' })
  streetName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Leeds' })
  town!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'City Centre' })
  area!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Outside number 12' })
  locationDescription!: string | null;

  @ApiProperty({
    type: [LinkDto],
    description: 'self, work, and `update-status` while it is open and the caller may set it',
  })
  links!: LinkDto[];
}

export class Section81Dto extends Section81SummaryDto {
  @ApiProperty({ enum: withUnknown(SECTION_81_TYPES), example: 'cabinet' })
  type!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'What the apparatus is, when type is `other`',
  })
  otherTypeDetails!: string | null;

  @ApiProperty({ enum: withUnknown(LOCATION_TYPES), isArray: true, example: ['footway'] })
  locationTypes!: string[];

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-09T09:00:00Z' })
  inspectionDate!: string | null;

  @ApiProperty({ example: 'Apparatus cover damaged and rocking' })
  details!: string;

  @ApiProperty({ nullable: true, type: String, example: 'A. Inspector' })
  inspectorName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '0113 222 4444' })
  inspectorContactNumber!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    example: null,
    description: 'The promoter’s reply, once it has given one',
  })
  promoterResponse!: string | null;

  @ApiProperty({
    nullable: true,
    enum: withUnknown(SECTION_81_WORK_TYPES),
    example: 'permit_works',
    description: 'How the promoter will repair it, once accepted',
  })
  workType!: string | null;

  @ApiProperty({ example: '7374' })
  promoterSwaCode!: string;

  @ApiProperty({ example: '4720' })
  highwayAuthoritySwaCode!: string;

  @ApiProperty({ nullable: true, type: Number, example: 10104523 })
  usrn!: number | null;

  @ApiProperty({ type: GeometryDto, nullable: true, description: 'Where the apparatus is, GeoJSON in WGS84' })
  geometry!: GeometryDto | null;
}
