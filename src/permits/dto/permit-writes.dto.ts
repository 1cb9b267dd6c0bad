import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  IntegerProperty,
  SM_LIMITS,
  TextProperty,
  WorkReferenceProperty,
} from '../../common/validation/bounded';
import { REFUSAL_REASONS } from '../../common/vocabulary/street-manager-enums';
import { EnumArrayProperty } from '../../common/validation/bounded-array';
import { PermitApplicationDto } from './permit-application.dto';

/** A further permit application on an existing work. */
export class CreatePermitDto extends PermitApplicationDto {
  @WorkReferenceProperty({
    description: 'The work to apply on (one whose earlier permit was cancelled)',
    example: 'NGN0000289421',
  })
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

  @TextProperty(SM_LIMITS.longText, { example: 'Job no longer needed', optional: true, minLength: 1 })
  comments?: string;
}

export const ASSESSMENT_DECISIONS = ['granted', 'refused', 'permit_modification_request', 'revoked'] as const;

/** The highway authority's decision on a permit. */
export class AssessPermitDto {
  @ApiProperty({ enum: ASSESSMENT_DECISIONS, example: 'granted' })
  @IsIn(ASSESSMENT_DECISIONS)
  decision!: string;

  @IntegerProperty(0, 100, {
    description: 'Required when granting: the discount (0–100 %) on the permit fee',
    example: 0,
    optional: true,
  })
  discountPercent?: number;

  @EnumArrayProperty(
    { minSize: 1, maxSize: 5, of: REFUSAL_REASONS, unique: true },
    { description: 'Required when refusing: 1 to 5 reason codes, e.g. `["RC10"]`', optional: true },
  )
  reasonsForRefusal?: string[];

  @TextProperty(SM_LIMITS.longText, {
    description: 'Required when refusing, revoking or asking for a modification',
    example: 'Clashes with the city marathon',
    optional: true,
    minLength: 1,
  })
  comments?: string;
}
