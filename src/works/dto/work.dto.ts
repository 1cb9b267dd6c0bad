import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';
import { GeometryDto } from '../../common/geo/geometry.dto';
import {
  PERMIT_STATUSES,
  TRAFFIC_MANAGEMENT_TYPES,
  WORK_CATEGORIES,
  WORK_STATUSES,
  withUnknown,
} from '../../common/vocabulary/street-manager-enums';

/** A work as listed: what every list row carries. */
export class WorkSummaryDto {
  @ApiProperty({ description: 'Street Manager work reference number', example: 'TSR1591199404915' })
  workReferenceNumber!: string;

  @ApiProperty({
    enum: withUnknown(WORK_STATUSES),
    description: 'Status of the work (`unknown` for values newer than this API)',
    example: 'planned',
  })
  status!: string;

  @ApiProperty({ enum: withUnknown(WORK_CATEGORIES), example: 'standard' })
  workCategory!: string;

  @ApiProperty({ nullable: true, type: String, example: 'Replace 20 m of gas main' })
  description!: string | null;

  @ApiProperty({ description: 'SWA code of the promoter', example: '7001' })
  promoterSwaCode!: string;

  @ApiProperty({ example: 'Northern Gas Networks' })
  promoterName!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'SWA code of the highway authority (absent in some list sources)',
    example: '4720',
  })
  highwayAuthoritySwaCode!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Leeds City Council' })
  highwayAuthorityName!: string | null;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Unique Street Reference Number',
    example: 10104523,
  })
  usrn!: number | null;

  @ApiProperty({ nullable: true, type: String, example: 'Briggate' })
  streetName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Leeds' })
  town!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'City Centre' })
  area!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Outside number 12' })
  locationDescription!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2026-08-09' })
  proposedStartDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2026-08-14' })
  proposedEndDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-09T07:30:00Z' })
  actualStartDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null })
  actualEndDate!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The permit currently in force or applied for',
    example: 'TSR1591199404915-01',
  })
  activePermitReferenceNumber!: string | null;

  @ApiProperty({ nullable: true, enum: withUnknown(PERMIT_STATUSES), example: 'granted' })
  activePermitStatus!: string | null;

  @ApiProperty({ nullable: true, enum: withUnknown(TRAFFIC_MANAGEMENT_TYPES), example: 'two_way_signals' })
  trafficManagementType!: string | null;

  @ApiProperty({ type: GeometryDto, nullable: true, description: 'Where the work is, GeoJSON in WGS84' })
  geometry!: GeometryDto | null;

  @ApiProperty({ type: [LinkDto] })
  links!: LinkDto[];
}

export class PermitSummaryDto {
  @ApiProperty({ example: 'TSR1591199404915-01' })
  permitReferenceNumber!: string;

  @ApiProperty({ enum: withUnknown(PERMIT_STATUSES), example: 'granted' })
  status!: string;

  @ApiProperty({ enum: withUnknown(WORK_CATEGORIES), example: 'standard' })
  workCategory!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2026-08-09' })
  proposedStartDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2026-08-14' })
  proposedEndDate!: string | null;

  @ApiProperty({ type: [LinkDto] })
  links!: LinkDto[];
}

/** The organisation's own record of the work, from its works register (an inner API). */
export class OrganisationRecordDto {
  @ApiProperty({
    description:
      'False when the works register could not be reached (the response then carries `X-Enrichment-Unavailable: works-register`), or when this gateway has no works register configured (no header); the rest of the work is still current',
    example: true,
  })
  available!: boolean;

  @ApiPropertyOptional({
    description: 'Whether the works register holds a record of this work (present when available)',
    example: true,
  })
  found?: boolean;

  @ApiPropertyOptional({
    description: "The organisation's own job number for the work",
    example: 'JOB-0200412',
  })
  jobNumber?: string;

  @ApiPropertyOptional({ example: 'CC-4410' })
  costCentre?: string;

  @ApiPropertyOptional({ example: 'Leeds North gang 3' })
  contactTeam?: string;

  @ApiPropertyOptional({ example: 'Access via rear lane' })
  notes?: string;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-08-01T09:12:00Z' })
  updatedAt?: string;
}

/** One work in full. */
export class WorkDto extends WorkSummaryDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Road category (0–10) of the street',
    example: 3,
  })
  roadCategory!: number | null;

  @ApiProperty({ type: [PermitSummaryDto], description: 'Permits of the work, latest first' })
  permits!: PermitSummaryDto[];

  @ApiProperty({
    type: OrganisationRecordDto,
    nullable: true,
    description:
      "The organisation's own record of the work from its works register. The register is the gateway operator's data, " +
      "not Street Manager's: it is `null` for callers bound to an organisation the register does not belong to " +
      '(internal Azure AD clients and unbound subscriptions see it)',
  })
  organisationRecord!: OrganisationRecordDto | null;
}
