import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, MaxLength } from 'class-validator';
import { DATE_TIME_LENGTH, IntegerProperty } from '../../common/validation/bounded';
import { LinkDto } from '../../common/links/link';
import { NotWith } from '../../common/paging/not-with.validator';

export const OBJECT_TYPES = [
  'permit',
  'reinstatement',
  'inspection',
  'fpn',
  'paa',
  'workstream',
  'work',
  'organisation',
  'activity',
  'forward_plan',
  'comment',
  'scheduled_inspection',
  'section_81',
  'user',
  'geographical_area',
  'change_request',
  'application',
  // V6
  'sample_inspection',
  'section_74',
  'section_58',
  'site',
  'sample_inspection_target',
  'fee_matrix',
  'non_compliance',
  'private_street',
  'event_subscription',
  'material_classification',
] as const;

export const DEFAULT_UPDATES_LIMIT = 100;
/** At most this many updates per response: two pages of Street Manager's Event API (250 rows each). */
export const MAX_UPDATES_LIMIT = 500;

export class WorkUpdatesQueryDto {
  // `after` and `since` exclude each other and one is needed: `after` carries the example (0: from the start).
  @IntegerProperty(0, Number.MAX_SAFE_INTEGER, {
    description:
      'Cursor: only updates after this update id, e.g. `104233`. Follow the `next` link rather than building it. ' +
      'Cannot be combined with `since`.',
    example: 0,
    optional: true,
    query: true,
  })
  @NotWith('since')
  after?: number;

  @ApiPropertyOptional({
    description:
      'Where to start the feed: updates at or after this instant (ISO 8601 date-time), e.g. `2026-08-09T13:58:07Z`. ' +
      'Cannot be combined with `after`.',
    format: 'date-time',
    maxLength: DATE_TIME_LENGTH,
  })
  @IsOptional()
  @MaxLength(DATE_TIME_LENGTH)
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  @NotWith('after')
  since?: string;

  @IntegerProperty(1, MAX_UPDATES_LIMIT, {
    description: `Maximum updates in this response, default ${DEFAULT_UPDATES_LIMIT}, at most ${MAX_UPDATES_LIMIT}`,
    default: DEFAULT_UPDATES_LIMIT,
    optional: true,
    query: true,
  })
  limit?: number;
}

export class WorkUpdateDto {
  @ApiProperty({ description: 'Increasing id of the update; the feed’s cursor', example: 104234 })
  updateId!: number;

  @ApiProperty({ example: 'NGN0000847560' })
  workReferenceNumber!: string;

  @ApiProperty({
    description:
      'What happened, in Street Manager’s event vocabulary (e.g. permit_granted, work_start_logged); `unknown` for placeholders',
    example: 'permit_granted',
  })
  eventType!: string;

  @ApiProperty({ enum: [...OBJECT_TYPES, 'unknown'], example: 'permit' })
  objectType!: string;

  @ApiProperty({ type: String, nullable: true, format: 'date-time', example: '2026-08-09T13:58:07Z' })
  updatedAt!: string | null;

  @ApiProperty({ type: [LinkDto] })
  links!: LinkDto[];
}

export class WorkUpdatesCursorDto {
  @ApiProperty({ description: 'Updates in this response', example: 100 })
  count!: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'The id the next request continues after (the last update id seen)',
    example: 104333,
  })
  nextAfter!: number | null;
}

export class WorkUpdatesMetadataDto {
  @ApiProperty({ type: WorkUpdatesCursorDto })
  cursor!: WorkUpdatesCursorDto;
}

export class WorkUpdatesPageDto {
  @ApiProperty({ type: WorkUpdatesMetadataDto })
  metadata!: WorkUpdatesMetadataDto;

  @ApiProperty({ type: [WorkUpdateDto] })
  results!: WorkUpdateDto[];

  @ApiProperty({
    type: [LinkDto],
    description:
      '`self`, and `next`: follow it for ever (an empty page keeps the same cursor; poll again later) to see every update once, in order',
  })
  links!: LinkDto[];
}
