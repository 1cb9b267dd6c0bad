import { ApiProperty } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';
import { GeometryDto } from '../../common/geo/geometry.dto';
import {
  PERMIT_STATUSES,
  TRAFFIC_MANAGEMENT_TYPES,
  WORK_CATEGORIES,
  WORK_STATUSES,
  withUnknown,
} from '../../common/vocabulary/street-manager-enums';
import { ALTERATION_STATUSES, ALTERATION_TYPES } from './permit-alteration-enums';

/** A request to change a permit's terms (dates, description, traffic management) and where it stands. */
class PermitAlterationCoreDto {
  @ApiProperty({
    description:
      'Street Manager alteration reference number: the permit reference followed by -ALT- and a number',
    example: 'NGN0000123-01-ALT-01',
  })
  alterationReferenceNumber!: string;

  @ApiProperty({ example: 'NGN0000123-01' })
  permitReferenceNumber!: string;

  @ApiProperty({ example: 'NGN0000123' })
  workReferenceNumber!: string;

  @ApiProperty({ enum: withUnknown(ALTERATION_STATUSES), example: 'submitted' })
  status!: string;

  @ApiProperty({ enum: withUnknown(ALTERATION_TYPES), example: 'PROMOTER_CHANGE_REQUEST' })
  type!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'First day of the works as altered',
    example: '2026-10-01',
  })
  proposedStartDate!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Last day of the works as altered',
    example: '2026-10-16',
  })
  proposedEndDate!: string | null;

  @ApiProperty({ enum: withUnknown(WORK_STATUSES), example: 'planned' })
  workStatus!: string;

  @ApiProperty({ enum: withUnknown(WORK_CATEGORIES), example: 'standard' })
  workCategory!: string;

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

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-09T10:30:00Z' })
  dateCreated!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the highway authority must have assessed it',
    example: '2026-08-14T10:30:00Z',
  })
  deadlineDate!: string | null;

  @ApiProperty({
    type: [LinkDto],
    description:
      'self, permit, work, and `update-status` (assess) while it awaits assessment and the caller may assess',
  })
  links!: LinkDto[];
}

export class PermitAlterationSummaryDto extends PermitAlterationCoreDto {
  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-09T10:30:00Z' })
  statusChangedDate!: string | null;
}

/** The permit terms an alteration changes, before (`original`) and after (`proposed`). */
export class PermitTermsDto {
  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2026-10-01' })
  proposedStartDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2026-10-14' })
  proposedEndDate!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Replace 200 m of gas main' })
  description!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Outside number 12' })
  locationDescription!: string | null;

  @ApiProperty({ nullable: true, enum: withUnknown(TRAFFIC_MANAGEMENT_TYPES), example: 'road_closure' })
  trafficManagementType!: string | null;

  @ApiProperty({ type: GeometryDto, nullable: true, description: 'Where the works are, GeoJSON in WGS84' })
  geometry!: GeometryDto | null;
}

export class PermitAlterationDto extends PermitAlterationCoreDto {
  @ApiProperty({ example: 'Extend duration for additional reinstatement' })
  reason!: string;

  @ApiProperty({
    nullable: true,
    enum: withUnknown(PERMIT_STATUSES),
    description: 'Status of the permit it alters',
    example: 'granted',
  })
  permitStatus!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The highway authority’s comments on its assessment',
    example: null,
  })
  assessmentComments!: string | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Fee discount granted, in percent',
    example: null,
  })
  assessmentDiscountPercent!: number | null;

  @ApiProperty({ example: '7374' })
  promoterSwaCode!: string;

  @ApiProperty({ example: '4720' })
  highwayAuthoritySwaCode!: string;

  @ApiProperty({ nullable: true, type: Number, example: 10104523 })
  usrn!: number | null;

  @ApiProperty({ type: PermitTermsDto, description: 'The permit’s terms before the alteration' })
  original!: PermitTermsDto;

  @ApiProperty({ type: PermitTermsDto, description: 'The permit’s terms as the alteration would make them' })
  proposed!: PermitTermsDto;
}
