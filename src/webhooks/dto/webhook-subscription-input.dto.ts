import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUrl, MaxLength } from 'class-validator';
import { PatternProperty, TextProperty } from '../../common/validation/bounded';
import { DateTimeProperty } from '../../common/validation/date-time';
import { WORK_REFERENCE } from '../../common/vocabulary/references';
import { BoundedStrings } from './bounded-strings';

/** `permit.granted`, a family `permit.*`, or `*` (src/events/event-vocabulary.ts names every type `<object>.<action>`). */
export const EVENT_TYPE_PATTERN = /^(\*|[a-z][a-z0-9-]{0,39}\.(\*|[a-z0-9][a-z0-9-]{0,99}))$/;
export const MAX_EVENT_TYPES = 50;
export const MAX_WORK_REFERENCES = 100;
export const MAX_URL_LENGTH = 2048;

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DELIVERY_ID_PATTERN = /^msg_[A-Za-z0-9_]{1,64}$/;

export class WebhookSubscriptionInputDto {
  @ApiProperty({
    description:
      'Where deliveries are POSTed: an https URL (http is refused in production) whose host resolves to public addresses ' +
      'only; private, loopback, link-local and metadata addresses are refused here and at every delivery.',
    example: 'https://hooks.example.com/streetworks',
    format: 'uri',
    maxLength: MAX_URL_LENGTH,
  })
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  @IsUrl(
    { protocols: ['https', 'http'], require_protocol: true, require_tld: false, allow_underscores: true },
    { message: 'url must be an absolute https URL' },
  )
  url!: string;

  @ApiProperty({
    description:
      'Event types wanted: exact (`permit.granted`), a family (`permit.*`) or everything (`*`). A test delivery has the type `webhook.test`.',
    example: ['permit.*', 'work.created'],
    type: [String],
    minItems: 1,
    maxItems: MAX_EVENT_TYPES,
    uniqueItems: true,
    items: { type: 'string', pattern: EVENT_TYPE_PATTERN.source, maxLength: 141 },
  })
  @BoundedStrings({
    minSize: 1,
    maxSize: MAX_EVENT_TYPES,
    pattern: EVENT_TYPE_PATTERN,
    shape: 'an event type such as permit.granted, a family such as permit.*, or *',
  })
  eventTypes!: string[];

  @ApiPropertyOptional({
    description: 'Only events of these works, when given',
    example: ['TSR1591199404915'],
    type: [String],
    maxItems: MAX_WORK_REFERENCES,
    uniqueItems: true,
    items: { type: 'string', pattern: WORK_REFERENCE.source, maxLength: 24 },
  })
  @IsOptional()
  @BoundedStrings({
    minSize: 0,
    maxSize: MAX_WORK_REFERENCES,
    pattern: WORK_REFERENCE,
    shape: 'a work reference number (1 to 24 letters, digits, - or _)',
  })
  workReferenceNumbers?: string[];

  @TextProperty(200, {
    description: 'Your own note, shown back to you',
    example: 'Permit decisions to the dispatch system',
    optional: true,
  })
  description?: string;
}

export class CreateWebhookSubscriptionDto extends WebhookSubscriptionInputDto {}

export class UpdateWebhookSubscriptionDto extends WebhookSubscriptionInputDto {
  @ApiPropertyOptional({
    description:
      'false pauses deliveries (events meanwhile are not kept); true re-enables a subscription disabled by a 410 or by ' +
      'failures, after which its dead letters can be replayed. Default true.',
    example: true,
    default: true,
  })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}

export class WebhookSubscriptionIdParamDto {
  @PatternProperty(ID_PATTERN, 36, 'must be a webhook subscription id', {
    description: 'Webhook subscription id',
    example: '3f1b8a52-6c0e-4d3a-9b7f-2a9c4e1d7b60',
    format: 'uuid',
  })
  webhookSubscriptionId!: string;
}

export class WebhookDeliveryIdParamDto extends WebhookSubscriptionIdParamDto {
  @PatternProperty(DELIVERY_ID_PATTERN, 68, 'must be a delivery id (msg_…)', {
    description: 'Delivery id: the `webhook-id` header it was sent with',
    example: 'msg_5c9d0e4f1a2b3c4d5e6f708192a3b4c5',
  })
  deliveryId!: string;
}

export class CreateRedeliveryDto {
  @PatternProperty(DELIVERY_ID_PATTERN, 68, 'must be a delivery id (msg_…)', {
    description: 'The delivery to send again, with the same `webhook-id`',
    example: 'msg_5c9d0e4f1a2b3c4d5e6f708192a3b4c5',
  })
  deliveryId!: string;
}

export class CreateReplayDto {
  @DateTimeProperty(
    'Queue again every event of the subscription’s types that occurred at or after this time (within the event log’s retention). Give this or `deadLetters`.',
    '2026-12-05T09:00:00Z',
    true,
  )
  since?: string;

  @ApiPropertyOptional({
    description:
      'true: queue every dead letter again (they leave the dead-letter list). Give this or `since`.',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  deadLetters?: boolean;
}
