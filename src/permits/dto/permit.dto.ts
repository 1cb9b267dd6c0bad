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

export const ASSESSMENT_STATUSES = [
  'granted',
  'granted_auto',
  'refused',
  'refused_auto',
  'permit_modification_request',
  'revoked',
] as const;

/** A permit application as listed and read. */
export class PermitDto {
  @ApiProperty({
    description: 'Permit reference number: the work reference and a two-digit sequence',
    example: 'NGN0000847560-01',
  })
  permitReferenceNumber!: string;

  @ApiProperty({ example: 'NGN0000847560' })
  workReferenceNumber!: string;

  @ApiProperty({ enum: withUnknown(PERMIT_STATUSES), example: 'granted' })
  status!: string;

  @ApiProperty({ nullable: true, enum: withUnknown(ASSESSMENT_STATUSES), example: 'granted' })
  assessmentStatus!: string | null;

  @ApiProperty({ enum: withUnknown(WORK_CATEGORIES), example: 'standard' })
  workCategory!: string;

  @ApiProperty({ enum: withUnknown(WORK_STATUSES), example: 'planned' })
  workStatus!: string;

  @ApiProperty({ nullable: true, type: String, example: 'Replace low pressure gas main' })
  description!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Outside no. 163' })
  locationDescription!: string | null;

  @ApiProperty({ example: '7374' })
  promoterSwaCode!: string;

  @ApiProperty({ example: 'Northern Gas Networks' })
  promoterName!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Absent from list rows (Street Manager lists name the authority only)',
    example: '4510',
  })
  highwayAuthoritySwaCode!: string | null;

  @ApiProperty({ example: 'Newcastle City Council' })
  highwayAuthorityName!: string;

  @ApiProperty({ nullable: true, type: Number, example: 10500046 })
  usrn!: number | null;

  @ApiProperty({ nullable: true, type: String, example: 'Victoria Road' })
  streetName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Newcastle upon Tyne' })
  town!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2027-01-12' })
  proposedStartDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2027-01-17' })
  proposedEndDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null })
  actualStartDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null })
  actualEndDate!: string | null;

  @ApiProperty({ nullable: true, enum: withUnknown(TRAFFIC_MANAGEMENT_TYPES), example: 'two_way_signals' })
  trafficManagementType!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the highway authority must have assessed it',
    example: '2026-12-20T00:00:00Z',
  })
  deadlineDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-11-20T09:30:00Z' })
  dateCreated!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-11-22T14:02:11Z' })
  statusChangedDate!: string | null;

  @ApiProperty({ type: GeometryDto, nullable: true, description: 'Where the works are, GeoJSON in WGS84' })
  geometry!: GeometryDto | null;

  @ApiProperty({ type: [LinkDto] })
  links!: LinkDto[];
}
