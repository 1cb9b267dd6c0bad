import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { BoundedArray } from '../../common/validation/bounded-array';
import { DateTimeProperty } from '../../common/validation/date-time';
import { FPN_STATUSES, OFFENCE_CODES, PAYMENT_METHODS } from './fpn-enums';

export class CreateFixedPenaltyNoticeDto {
  @ApiProperty({ description: 'The work the notice is about', example: 'NGN0000123' })
  @Matches(/^[A-Za-z0-9_-]{1,24}$/, { message: 'must be 1 to 24 letters, digits, - or _' })
  workReferenceNumber!: string;

  @ApiPropertyOptional({ description: 'The permit of the work the offence concerns', example: 'NGN0000123-01' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'must be a permit reference number' })
  permitReferenceNumber?: string;

  @ApiProperty({ enum: OFFENCE_CODES, example: 'offence_code_05' })
  @IsIn(OFFENCE_CODES)
  offenceCode!: string;

  @DateTimeProperty('When the offence happened; must be in the past', '2026-08-08T14:00:00Z')
  offenceDate!: string;

  @ApiProperty({ description: 'What happened', maxLength: 500, example: 'Works started without a permit' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  offenceDetails!: string;

  @ApiProperty({ maxLength: 100, example: 'A. Officer' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  authorisedOfficer!: string;

  @ApiProperty({ maxLength: 100, example: '0113 222 4444' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  officerContactDetails!: string;

  @ApiProperty({ maxLength: 500, example: 'Civic Hall, Leeds LS1 1UR' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  officerAddress!: string;

  @ApiProperty({ maxLength: 100, example: 'Street works team' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  representationsContact!: string;

  @ApiProperty({ maxLength: 500, example: 'Civic Hall, Leeds LS1 1UR' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  representationsContactAddress!: string;

  @ApiProperty({ enum: PAYMENT_METHODS, isArray: true, example: ['bank_transfer', 'card_payment'] })
  @BoundedArray({ minSize: 1, maxSize: PAYMENT_METHODS.length, of: PAYMENT_METHODS, unique: true })
  paymentMethods!: string[];
}

export class UpdateFixedPenaltyNoticeStatusDto {
  @ApiProperty({ enum: FPN_STATUSES, example: 'paid' })
  @IsIn(FPN_STATUSES)
  status!: string;

  @ApiPropertyOptional({ description: 'Required when the status becomes withdrawn or disputed', maxLength: 500, example: 'Paid by bank transfer' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason?: string;
}
