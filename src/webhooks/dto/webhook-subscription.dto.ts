import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LinkDto } from '../../common/links/link';

export class WebhookSubscriptionDto {
  @ApiProperty({ example: '3f1b8a52-6c0e-4d3a-9b7f-2a9c4e1d7b60' })
  id!: string;

  @ApiProperty({ example: 'https://hooks.example.com/streetworks' })
  url!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Permit decisions to the dispatch system' })
  description!: string | null;

  @ApiProperty({ type: [String], example: ['permit.*', 'work.created'] })
  eventTypes!: string[];

  @ApiProperty({ type: [String], description: 'Empty: every work', example: [] })
  workReferenceNumbers!: string[];

  @ApiProperty({
    description: 'false when paused by you, or disabled after a 410 or after failing for days',
    example: true,
  })
  enabled!: boolean;

  @ApiProperty({
    enum: ['receiver-gone', 'failing', 'requested', null],
    nullable: true,
    description:
      '`receiver-gone`: the receiver answered 410; `failing`: no success for the configured days; `requested`: you paused it',
    example: null,
  })
  disabledReason!: 'receiver-gone' | 'failing' | 'requested' | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  disabledAt!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The first failure since the last success',
    example: null,
  })
  failingSince!: string | null;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'When the current signing secret was made',
    example: '2026-12-05T09:00:00.000Z',
  })
  secretCreatedAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'After a rotation, the previous secret also signs until this time',
    example: null,
  })
  previousSecretExpiresAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-05T09:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-05T09:00:00.000Z' })
  updatedAt!: string;

  @ApiProperty({
    type: [LinkDto],
    example: [
      { rel: 'self', href: '/v1/webhook-subscriptions/3f1b8a52-6c0e-4d3a-9b7f-2a9c4e1d7b60', type: 'GET' },
      {
        rel: 'deliveries',
        href: '/v1/webhook-subscriptions/3f1b8a52-6c0e-4d3a-9b7f-2a9c4e1d7b60/deliveries',
        type: 'GET',
      },
    ],
  })
  links!: LinkDto[];
}

export class CreatedWebhookSubscriptionDto extends WebhookSubscriptionDto {
  @ApiProperty({
    description:
      'The signing secret, shown this once: store it to verify deliveries (Standard Webhooks, `whsec_` + base64)',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret!: string;
}

export class WebhookSecretDto {
  @ApiProperty({
    description: 'The new signing secret, shown this once',
    example: 'whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD',
  })
  secret!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-05T09:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    description:
      'Deliveries carry a signature with the previous secret too until this time; switch your receiver before it',
    example: '2026-12-06T09:00:00.000Z',
  })
  previousSecretExpiresAt!: string;
}

export class WebhookDeliveryAttemptDto {
  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-05T09:00:01.000Z' })
  at!: string;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'The status your receiver answered; null when it did not answer',
    example: 500,
  })
  responseStatus!: number | null;

  @ApiProperty({ example: 182 })
  latencyMs!: number;

  @ApiProperty({ enum: ['delivered', 'failed', 'timeout', 'unreachable', 'refused'], example: 'failed' })
  outcome!: string;

  @ApiProperty({ type: String, nullable: true, example: 'the receiver answered 500' })
  error!: string | null;
}

export class WebhookDeliveryDto {
  @ApiProperty({
    description: 'The `webhook-id` it is sent with, the same on every attempt',
    example: 'msg_5c9d0e4f1a2b3c4d5e6f708192a3b4c5',
  })
  id!: string;

  @ApiProperty({ example: '1733389200000-0' })
  eventId!: string;

  @ApiProperty({ example: 'permit.granted' })
  eventType!: string;

  @ApiProperty({ description: 'A test delivery (not retried)', example: false })
  test!: boolean;

  @ApiProperty({
    enum: ['pending', 'retrying', 'delivered', 'dead'],
    description: '`dead`: given up (a dead letter), replay it when your receiver is back',
    example: 'retrying',
  })
  status!: string;

  @ApiProperty({ type: [WebhookDeliveryAttemptDto], description: 'Oldest first (the last 30)' })
  attempts!: WebhookDeliveryAttemptDto[];

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-05T09:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-05T09:00:21.000Z' })
  nextAttemptAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  deliveredAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  deadAt!: string | null;

  @ApiProperty({ type: [LinkDto] })
  links!: LinkDto[];
}

export class WebhookReplayDto {
  @ApiProperty({ description: 'Deliveries queued', example: 12 })
  queued!: number;

  @ApiPropertyOptional({
    description: 'true when more matched than one replay queues (10 000): replay again from the last one',
    example: false,
  })
  truncated!: boolean;
}
