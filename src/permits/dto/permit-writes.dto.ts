import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { BoundedArray } from '../../common/validation/bounded-array';
import { PermitApplicationDto } from './permit-application.dto';

/** A further permit application on an existing work. */
export class CreatePermitDto extends PermitApplicationDto {
  @ApiProperty({ description: 'The work to apply on', example: 'NGN0000847560' })
  @Matches(/^[A-Za-z0-9_-]{1,24}$/, { message: 'must be 1 to 24 letters, digits, - or _' })
  workReferenceNumber!: string;
}

export const PROMOTER_STATUS_CHANGES = ['cancelled', 'closed'] as const;

/** The promoter's state changes of a permit. */
export class UpdatePermitStatusDto {
  @ApiProperty({
    enum: PROMOTER_STATUS_CHANGES,
    description:
      '`cancelled` withdraws the application or permit; `closed` ends works under a granted permit',
    example: 'cancelled',
  })
  @IsIn(PROMOTER_STATUS_CHANGES)
  status!: string;

  @ApiPropertyOptional({ maxLength: 500, example: 'Job no longer needed' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  comments?: string;
}

export const ASSESSMENT_DECISIONS = ['granted', 'refused', 'permit_modification_request', 'revoked'] as const;
export const REFUSAL_REASONS = [
  'RC10',
  'RC11',
  'RC12',
  'RC20',
  'RC21',
  'RC22',
  'RC23',
  'RC30',
  'RC31',
  'RC32',
  'RC33',
  'RC40',
  'RC41',
  'RC42',
  'RC43',
  'RC44',
  'RC50',
] as const;

/** The highway authority's decision on a permit. */
export class AssessPermitDto {
  @ApiProperty({ enum: ASSESSMENT_DECISIONS, example: 'granted' })
  @IsIn(ASSESSMENT_DECISIONS)
  decision!: string;

  @ApiPropertyOptional({
    description: 'Required when granting: the discount (0–100 %) on the permit fee',
    minimum: 0,
    maximum: 100,
    example: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  discountPercent?: number;

  @ApiPropertyOptional({
    enum: REFUSAL_REASONS,
    isArray: true,
    description: 'Required when refusing: 1 to 5 reason codes',
    example: ['RC10'],
  })
  @IsOptional()
  @BoundedArray({ minSize: 1, maxSize: 5, of: REFUSAL_REASONS, unique: true })
  reasonsForRefusal?: string[];

  @ApiPropertyOptional({
    maxLength: 500,
    description: 'Required when refusing, revoking or asking for a modification',
    example: 'Clashes with the city marathon',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  comments?: string;
}
