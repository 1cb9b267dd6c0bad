import { ApiProperty } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';
import { withUnknown } from '../../common/vocabulary/street-manager-enums';
import {
  DEFECT_FIXED_ON_SITE,
  INSPECTION_CATEGORIES,
  INSPECTION_OUTCOMES,
  INSPECTION_RESPONSE_TYPES,
  INSPECTION_STATUSES,
  INSPECTION_TYPES,
} from './inspection-enums';

/** What lists and single reads share. */
class InspectionCoreDto {
  @ApiProperty({ description: 'Street Manager inspection reference number', example: 'NGN0000123-INSP-01' })
  inspectionReferenceNumber!: string;

  @ApiProperty({ description: 'The inspected work', example: 'NGN0000123' })
  workReferenceNumber!: string;

  @ApiProperty({ enum: withUnknown(INSPECTION_TYPES), example: 'live_site' })
  type!: string;

  @ApiProperty({ nullable: true, enum: withUnknown(INSPECTION_CATEGORIES), example: 'a' })
  category!: string | null;

  @ApiProperty({ nullable: true, enum: withUnknown(INSPECTION_OUTCOMES), example: 'passed' })
  outcome!: string | null;

  @ApiProperty({ enum: withUnknown(INSPECTION_STATUSES), example: 'recorded' })
  status!: string;

  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the inspection took place',
    example: '2026-08-09T10:30:00Z',
  })
  inspectionDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: null })
  reinspectionDate!: string | null;

  @ApiProperty({
    nullable: true,
    type: Boolean,
    description: 'Section 81 inspections: whether the highway authority made the site safe',
    example: null,
  })
  madeSafeByHighwayAuthority!: boolean | null;

  @ApiProperty({ example: 'Leeds City Council' })
  highwayAuthorityName!: string;

  @ApiProperty({ example: 'Northern Gas Networks' })
  promoterName!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-09T11:02:13Z' })
  dateCreated!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-09T11:02:13Z' })
  dateModified!: string | null;

  @ApiProperty({
    type: [LinkDto],
    description: 'self, work, permits (of the work), and the writes the caller may make',
  })
  links!: LinkDto[];
}

export class InspectionSummaryDto extends InspectionCoreDto {
  @ApiProperty({
    nullable: true,
    enum: withUnknown(INSPECTION_RESPONSE_TYPES),
    deprecated: true,
    description:
      'Always null: Street Manager V6 no longer says in its inspection list whether a row is a first inspection or a reinspection (it lists reinspections apart)',
  })
  responseType!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Briggate' })
  streetName!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Leeds' })
  town!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'City Centre' })
  area!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Outside number 12' })
  locationDescription!: string | null;
}

export class FailureReasonDto {
  @ApiProperty({
    description: 'Street Manager failure reason code (`unknown` for values newer than this API)',
    example: 'live_site_signage',
  })
  reason!: string;

  @ApiProperty({ example: 'Signs missing at the north end' })
  details!: string;
}

export class InspectionDto extends InspectionCoreDto {
  @ApiProperty({ nullable: true, type: String, example: 'Barrier missing on the footway side' })
  outcomeDetails!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    deprecated: true,
    description: 'Always null: Street Manager V6 no longer records defect details on an inspection',
    example: null,
  })
  defectDetails!: string | null;

  @ApiProperty({ type: [FailureReasonDto] })
  failureReasons!: FailureReasonDto[];

  @ApiProperty({ nullable: true, type: Boolean, example: null })
  wasCallLogged!: boolean | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  callLoggedTo!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  callLoggedReference!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  callLoggedSummary!: string | null;

  @ApiProperty({ nullable: true, enum: withUnknown(DEFECT_FIXED_ON_SITE), example: 'no' })
  defectFixedOnSite!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  additionalComments!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'J. Smith' })
  inspectorName!: string | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why the inspection was withdrawn, when it was',
    example: null,
  })
  withdrawalReason!: string | null;

  @ApiProperty({ nullable: true, type: String, example: null })
  withdrawalDetails!: string | null;
}
