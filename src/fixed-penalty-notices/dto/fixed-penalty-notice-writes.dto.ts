import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  PatternProperty,
  SM_LIMITS,
  TextProperty,
  WorkReferenceProperty,
} from '../../common/validation/bounded';
import { EnumArrayProperty } from '../../common/validation/bounded-array';
import { DateTimeProperty } from '../../common/validation/date-time';
import { FPN_STATUSES, OFFENCE_CODES, PAYMENT_METHODS } from './fpn-enums';

export class CreateFixedPenaltyNoticeDto {
  @WorkReferenceProperty({ description: 'The work the notice is about', example: 'NGN0001984033' })
  workReferenceNumber!: string;

  @PatternProperty(/^[A-Za-z0-9_-]{1,40}$/, 40, 'must be a permit reference number', {
    description: 'The permit of the work the offence concerns, e.g. `NGN0002163600-01`',
    optional: true,
  })
  permitReferenceNumber?: string;

  @ApiProperty({ enum: OFFENCE_CODES, example: 'offence_code_05' })
  @IsIn(OFFENCE_CODES)
  offenceCode!: string;

  @DateTimeProperty('When the offence happened; must be in the past', '2026-08-08T14:00:00Z')
  offenceDate!: string;

  @TextProperty(SM_LIMITS.longText, {
    description: 'What happened',
    example: 'Works started without a permit',
  })
  offenceDetails!: string;

  @TextProperty(SM_LIMITS.shortText, { example: 'A. Officer' })
  authorisedOfficer!: string;

  @TextProperty(SM_LIMITS.shortText, { example: '0113 222 4444' })
  officerContactDetails!: string;

  @TextProperty(SM_LIMITS.longText, { example: 'Civic Hall, Leeds LS1 1UR' })
  officerAddress!: string;

  @TextProperty(SM_LIMITS.shortText, { example: 'Street works team' })
  representationsContact!: string;

  @TextProperty(SM_LIMITS.longText, { example: 'Civic Hall, Leeds LS1 1UR' })
  representationsContactAddress!: string;

  @EnumArrayProperty(
    { minSize: 1, maxSize: PAYMENT_METHODS.length, of: PAYMENT_METHODS, unique: true },
    { example: ['bank_transfer', 'card_payment'] },
  )
  paymentMethods!: string[];
}

export class UpdateFixedPenaltyNoticeStatusDto {
  @ApiProperty({ enum: FPN_STATUSES, example: 'paid' })
  @IsIn(FPN_STATUSES)
  status!: string;

  @TextProperty(SM_LIMITS.longText, {
    description: 'Required when the status becomes withdrawn or disputed',
    example: 'Paid by bank transfer',
    optional: true,
    minLength: 1,
  })
  reason?: string;
}
