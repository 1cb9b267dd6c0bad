import { ApiProperty } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';
import { GeometryDto } from '../../common/geo/geometry.dto';
import { TRAFFIC_MANAGEMENT_TYPES, withUnknown } from '../../common/vocabulary/street-manager-enums';

export const FORWARD_PLAN_STATUSES = ['raised', 'cancelled', 'progressed'] as const;
/** A promoter's advance notice of works it plans, before any permit application. */
export class ForwardPlanSummaryDto {
  @ApiProperty({ example: 'NGN0000123-FP-01' })
  forwardPlanReferenceNumber!: string;

  @ApiProperty({ example: 'NGN0000123' })
  workReferenceNumber!: string;

  @ApiProperty({ enum: withUnknown(FORWARD_PLAN_STATUSES), example: 'raised' })
  status!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2026-10-01' })
  proposedStartDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2026-10-14' })
  proposedEndDate!: string | null;

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
    type: [LinkDto],
    description: 'self, work, and `update-status` (cancel) where the caller may',
  })
  links!: LinkDto[];
}

export class ForwardPlanDto extends ForwardPlanSummaryDto {
  @ApiProperty({ example: '7374' })
  promoterSwaCode!: string;

  @ApiProperty({ example: '4720' })
  highwayAuthoritySwaCode!: string;

  @ApiProperty({ nullable: true, type: Number, example: 10104523 })
  usrn!: number | null;

  @ApiProperty({ example: 'Replace 200 m of gas main' })
  description!: string;

  @ApiProperty({ nullable: true, enum: withUnknown(TRAFFIC_MANAGEMENT_TYPES), example: 'road_closure' })
  trafficManagementType!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  projectReferenceNumber!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  additionalInfo!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  cancelledReason!: string | null;

  @ApiProperty({
    type: GeometryDto,
    nullable: true,
    description: 'Where the works are planned, GeoJSON in WGS84',
  })
  geometry!: GeometryDto | null;
}
