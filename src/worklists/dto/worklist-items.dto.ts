import { ApiProperty } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';
import {
  TRAFFIC_MANAGEMENT_TYPES,
  WORK_CATEGORIES,
  withUnknown,
} from '../../common/vocabulary/street-manager-enums';
import { REFUSAL_REASONS } from '../../common/vocabulary/street-manager-enums';

/** What every worklist row names: the permit, its work and where. */
class WorklistItemDto {
  @ApiProperty({
    description: 'Permit reference number, `{workReferenceNumber}-NN`',
    example: 'NGN0000847560-01',
  })
  permitReferenceNumber!: string;

  @ApiProperty({ example: 'NGN0000847560' })
  workReferenceNumber!: string;

  @ApiProperty({
    description: 'Where the works are, as Street Manager words it: the street and the location description',
    example: 'Briggate, Outside no. 12',
  })
  location!: string;
}

/** A permit application the highway authority has not assessed, deemed granted today unless it acts. */
export class DeemingPermitDto extends WorklistItemDto {
  @ApiProperty({ example: 'Northern Gas Networks' })
  promoterName!: string;

  @ApiProperty({
    description: 'When the permit is deemed granted unless assessed first',
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-05T17:00:00Z',
  })
  deemDate!: string | null;

  @ApiProperty({
    description: 'When the application was submitted',
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-11-30T09:12:00Z',
  })
  submittedDate!: string | null;

  @ApiProperty({ enum: withUnknown(WORK_CATEGORIES), example: 'standard' })
  workCategory!: string;

  @ApiProperty({
    description: 'The most disruptive traffic management the application asks for',
    enum: withUnknown(TRAFFIC_MANAGEMENT_TYPES),
    example: 'two_way_signals',
  })
  highestTrafficManagementType!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-14' })
  proposedStartDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-18' })
  proposedEndDate!: string | null;

  @ApiProperty({
    type: [LinkDto],
    description: 'permit, work, and `assess` (PUT) for a caller who may assess permits',
  })
  links!: LinkDto[];
}

/** Works the promoter started and has not stopped, whose proposed end is yesterday, today or tomorrow. */
export class DueWorkStopDto extends WorklistItemDto {
  @ApiProperty({ example: 'Leeds City Council' })
  highwayAuthorityName!: string;

  @ApiProperty({
    description: 'When the works started',
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-01T08:00:00Z',
  })
  actualStartDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-05' })
  proposedEndDate!: string | null;

  @ApiProperty({
    description: 'End of the reasonable period: stopping later is an overrun',
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-05T23:59:59Z',
  })
  reasonablePeriodEndDate!: string | null;

  @ApiProperty({ description: 'The promoter workstream the works belong to', example: 'NGN' })
  workstreamPrefix!: string;

  @ApiProperty({ type: [LinkDto], description: 'permit and work' })
  links!: LinkDto[];
}

/** A permit application the highway authority refused. */
export class RefusedPermitDto extends WorklistItemDto {
  @ApiProperty({ example: 'Leeds City Council' })
  highwayAuthorityName!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-14' })
  proposedStartDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-18' })
  proposedEndDate!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-03T14:20:00Z' })
  refusedDate!: string | null;

  @ApiProperty({
    description: 'Why it was refused: Street Manager’s reason codes, as in a permit assessment',
    enum: withUnknown(REFUSAL_REASONS),
    isArray: true,
    example: ['RC20', 'RC40'],
  })
  refusalReasons!: string[];

  @ApiProperty({ type: [LinkDto], description: 'permit and work' })
  links!: LinkDto[];
}

/** Works started and not stopped whose reasonable period ended one to seven days ago: they may be overrunning. */
export class PotentialOverrunDto extends WorklistItemDto {
  @ApiProperty({ example: 'Northern Gas Networks' })
  promoterName!: string;

  @ApiProperty({
    description: 'When the works started',
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-11-24T08:00:00Z',
  })
  actualStartDate!: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-12-02' })
  proposedEndDate!: string | null;

  @ApiProperty({
    description: 'End of the reasonable period, now passed',
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-02T17:00:00Z',
  })
  reasonablePeriodEndDate!: string | null;

  @ApiProperty({
    type: [LinkDto],
    description: 'permit, work, and `dismiss` (DELETE) for a caller who may write as the highway authority',
  })
  links!: LinkDto[];
}
