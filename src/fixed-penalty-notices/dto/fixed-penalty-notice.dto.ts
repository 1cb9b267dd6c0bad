import { ApiProperty } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';
import { withUnknown } from '../../common/vocabulary/street-manager-enums';
import { FPN_STATUSES, OFFENCE_CODES, PAYMENT_METHODS } from './fpn-enums';

class FixedPenaltyNoticeCoreDto {
  @ApiProperty({ description: 'Street Manager FPN reference number', example: 'NGN0000123-FPN-01' })
  fpnReferenceNumber!: string;

  @ApiProperty({ example: 'NGN0000123' })
  workReferenceNumber!: string;

  @ApiProperty({
    enum: withUnknown(OFFENCE_CODES),
    description: 'The offence (Street Manager offence code)',
    example: 'offence_code_05',
  })
  offenceCode!: string;

  @ApiProperty({ enum: withUnknown(FPN_STATUSES), example: 'issued' })
  status!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-09T10:30:00Z' })
  issueDate!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-09T10:30:00Z' })
  statusChangedDate!: string | null;

  @ApiProperty({ example: 'Northern Gas Networks' })
  promoterName!: string;

  @ApiProperty({ example: 'Leeds City Council' })
  highwayAuthorityName!: string;

  @ApiProperty({
    type: [LinkDto],
    description: 'self, work, permit, and the status change the caller may make',
  })
  links!: LinkDto[];
}

export class FixedPenaltyNoticeSummaryDto extends FixedPenaltyNoticeCoreDto {
  @ApiProperty({ nullable: true, type: String, example: 'Briggate' })
  streetName!: string | null;
}

export class FixedPenaltyNoticeDto extends FixedPenaltyNoticeCoreDto {
  @ApiProperty({ nullable: true, type: String, example: 'NGN0000123-01' })
  permitReferenceNumber!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', example: '2026-08-08T14:00:00Z' })
  offenceDate!: string | null;

  @ApiProperty({ example: 'Works started without a permit' })
  offenceDetails!: string;

  @ApiProperty({ example: 'Outside number 12, Briggate' })
  location!: string;

  @ApiProperty({ example: 'A. Officer' })
  authorisedOfficer!: string;

  @ApiProperty({ example: '0113 222 4444' })
  officerContactDetails!: string;

  @ApiProperty({ nullable: true, type: String, example: 'Civic Hall, Leeds LS1 1UR' })
  officerAddress!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Street works team' })
  representationsContact!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'Civic Hall, Leeds LS1 1UR' })
  representationsContactAddress!: string | null;

  @ApiProperty({ enum: withUnknown(PAYMENT_METHODS), isArray: true, example: ['bank_transfer'] })
  paymentMethods!: string[];
}
