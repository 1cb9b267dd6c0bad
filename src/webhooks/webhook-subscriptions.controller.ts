import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-permission.decorator';
import { ApiErrorResponses } from '../common/errors/api-error-responses.decorator';
import { ApiIdempotencyKey } from '../idempotency/api-idempotency-key.decorator';
import type { Collection } from '../common/paging/collection';
import { ApiCollectionResponse } from '../common/paging/collection.dto';
import { PagingQueryDto } from '../common/paging/paging-query.dto';
import {
  CreateRedeliveryDto,
  CreateReplayDto,
  CreateWebhookSubscriptionDto,
  UpdateWebhookSubscriptionDto,
  WebhookDeliveryIdParamDto,
  WebhookSubscriptionIdParamDto,
} from './dto/webhook-subscription-input.dto';
import {
  CreatedWebhookSubscriptionDto,
  WebhookDeliveryDto,
  WebhookReplayDto,
  WebhookSecretDto,
  WebhookSubscriptionDto,
} from './dto/webhook-subscription.dto';
import { subscriptionPath } from './webhook-subscriptions.mapper';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

const OWNERSHIP =
  'A subscription belongs to the caller’s organisation; another organisation’s is a 404, like one that does not exist.';

/** Subscriptions need only the read permission: receiving events is reading them, pushed. */
@ApiTags('webhook-subscriptions')
@Controller({ path: 'webhook-subscriptions', version: '1' })
export class WebhookSubscriptionsController {
  constructor(private readonly subscriptions: WebhookSubscriptionsService) {}

  @Post()
  @RequirePermission(Permission.READ)
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Subscribe a receiver to events',
    description:
      'Events of the caller’s organisation that match `eventTypes` (and `workReferenceNumbers`, when given) are POSTed to ' +
      '`url`, signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature`) with the secret in ' +
      'this answer, shown only here. The URL must be https and resolve to public addresses only (422 otherwise). At ' +
      'most 50 subscriptions per organisation (409).',
  })
  @ApiCreatedResponse({
    type: CreatedWebhookSubscriptionDto,
    description: 'The subscription with its signing secret; `Location` is its URL',
    headers: { Location: { description: 'URL of the new subscription', schema: { type: 'string' } } },
  })
  @ApiErrorResponses(400, 401, 403, 406, 409, 413, 415, 422, 429, 503)
  async create(
    @Body() body: CreateWebhookSubscriptionDto,
    @CurrentCaller() caller: Caller,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CreatedWebhookSubscriptionDto> {
    const created = await this.subscriptions.create(caller, body);
    void reply.header('Location', subscriptionPath(created.id));
    return created;
  }

  @Get()
  @RequirePermission(Permission.READ)
  @ApiOperation({
    summary: 'List webhook subscriptions',
    description: 'The caller’s organisation’s subscriptions, newest first, 20 at a time (at most 100).',
  })
  @ApiCollectionResponse(WebhookSubscriptionDto, 'A page of webhook subscriptions')
  @ApiErrorResponses(400, 401, 403, 406, 429, 503)
  list(
    @Query() query: PagingQueryDto,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
  ): Promise<Collection<WebhookSubscriptionDto>> {
    return this.subscriptions.list(caller, query, request.url);
  }

  @Get(':webhookSubscriptionId')
  @RequirePermission(Permission.READ)
  @ApiOperation({
    summary: 'Read a webhook subscription',
    description: `Never shows the secret. ${OWNERSHIP}`,
  })
  @ApiOkResponse({ type: WebhookSubscriptionDto, description: 'The subscription' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 429, 503)
  get(
    @Param() params: WebhookSubscriptionIdParamDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookSubscriptionDto> {
    return this.subscriptions.get(caller, params.webhookSubscriptionId);
  }

  @Put(':webhookSubscriptionId')
  @RequirePermission(Permission.READ)
  @ApiOperation({
    summary: 'Replace a webhook subscription',
    description:
      'Replaces URL, types, filters and description; `enabled` pauses it (false) or enables it again (true, the default), ' +
      'also after it was disabled by a 410 or by failures. The secret is kept. ' +
      OWNERSHIP,
  })
  @ApiOkResponse({ type: WebhookSubscriptionDto, description: 'The subscription as it now is' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 413, 415, 422, 429, 503)
  update(
    @Param() params: WebhookSubscriptionIdParamDto,
    @Body() body: UpdateWebhookSubscriptionDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookSubscriptionDto> {
    return this.subscriptions.update(caller, params.webhookSubscriptionId, body);
  }

  @Delete(':webhookSubscriptionId')
  @RequirePermission(Permission.READ)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Delete a webhook subscription',
    description: `Stops deliveries; its delivery log and dead letters go with it. ${OWNERSHIP}`,
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrorResponses(400, 401, 403, 404, 429, 503)
  async delete(
    @Param() params: WebhookSubscriptionIdParamDto,
    @CurrentCaller() caller: Caller,
  ): Promise<void> {
    await this.subscriptions.delete(caller, params.webhookSubscriptionId);
  }

  @Post(':webhookSubscriptionId/secrets')
  @RequirePermission(Permission.READ)
  @ApiIdempotencyKey()
  @ApiOperation({
    summary: 'Rotate the signing secret',
    description:
      'Makes a new secret, shown once. Until `previousSecretExpiresAt` every delivery carries two signatures in ' +
      '`webhook-signature` (new and previous secret), so the receiver can switch without losing one.',
  })
  @ApiCreatedResponse({ type: WebhookSecretDto, description: 'The new secret' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 409, 422, 429, 503)
  rotateSecret(
    @Param() params: WebhookSubscriptionIdParamDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookSecretDto> {
    return this.subscriptions.rotateSecret(caller, params.webhookSubscriptionId);
  }

  @Post(':webhookSubscriptionId/test-deliveries')
  @RequirePermission(Permission.READ)
  @ApiIdempotencyKey()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a test delivery',
    description:
      'Queues one `webhook.test` event for this subscription, whatever types it wants. It is attempted once (not retried); follow its `self` link for the outcome.',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto, description: 'The queued test delivery' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 409, 422, 429, 503)
  testDelivery(
    @Param() params: WebhookSubscriptionIdParamDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookDeliveryDto> {
    return this.subscriptions.testDelivery(caller, params.webhookSubscriptionId);
  }

  @Get(':webhookSubscriptionId/deliveries')
  @RequirePermission(Permission.READ)
  @ApiOperation({
    summary: 'The delivery log',
    description:
      'Deliveries of this subscription, newest first, with every attempt: when, the status your receiver answered and the latency. Kept 14 days by default.',
  })
  @ApiCollectionResponse(WebhookDeliveryDto, 'A page of deliveries')
  @ApiErrorResponses(400, 401, 403, 404, 406, 429, 503)
  deliveries(
    @Param() params: WebhookSubscriptionIdParamDto,
    @Query() query: PagingQueryDto,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
  ): Promise<Collection<WebhookDeliveryDto>> {
    return this.subscriptions.deliveries(caller, params.webhookSubscriptionId, query, request.url, false);
  }

  @Get(':webhookSubscriptionId/deliveries/:deliveryId')
  @RequirePermission(Permission.READ)
  @ApiOperation({ summary: 'Read a delivery', description: 'One delivery with its attempts.' })
  @ApiOkResponse({ type: WebhookDeliveryDto, description: 'The delivery' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 429, 503)
  delivery(
    @Param() params: WebhookDeliveryIdParamDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookDeliveryDto> {
    return this.subscriptions.deliveryOf(caller, params.webhookSubscriptionId, params.deliveryId);
  }

  @Get(':webhookSubscriptionId/dead-letters')
  @RequirePermission(Permission.READ)
  @ApiOperation({
    summary: 'The dead letters',
    description:
      'Deliveries given up on: retried for over a day without success, or held while the subscription was disabled ' +
      '(a 410, or failures for days). Replay them with POST …/replays `{"deadLetters": true}` once the receiver is back.',
  })
  @ApiCollectionResponse(WebhookDeliveryDto, 'A page of dead letters, the most recently dead first')
  @ApiErrorResponses(400, 401, 403, 404, 406, 429, 503)
  deadLetters(
    @Param() params: WebhookSubscriptionIdParamDto,
    @Query() query: PagingQueryDto,
    @CurrentCaller() caller: Caller,
    @Req() request: FastifyRequest,
  ): Promise<Collection<WebhookDeliveryDto>> {
    return this.subscriptions.deliveries(caller, params.webhookSubscriptionId, query, request.url, true);
  }

  @Post(':webhookSubscriptionId/redeliveries')
  @RequirePermission(Permission.READ)
  @ApiIdempotencyKey()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Redeliver one delivery',
    description:
      'Sends the delivery again with the same `webhook-id` (so a receiver that had it can drop it) and a fresh retry schedule. The subscription must be enabled (409).',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryDto, description: 'The delivery, queued again' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 409, 413, 415, 422, 429, 503)
  redeliver(
    @Param() params: WebhookSubscriptionIdParamDto,
    @Body() body: CreateRedeliveryDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookDeliveryDto> {
    return this.subscriptions.redeliver(caller, params.webhookSubscriptionId, body.deliveryId);
  }

  @Post(':webhookSubscriptionId/replays')
  @RequirePermission(Permission.READ)
  @ApiIdempotencyKey()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Replay events or dead letters',
    description:
      '`{"since": "<date-time>"}` queues again every matching event of the organisation’s log since then (within its ' +
      'retention); `{"deadLetters": true}` queues every dead letter again. Each keeps its `webhook-id`. At most 10 000 ' +
      'per call (`truncated` says when there were more). The subscription must be enabled (409).',
  })
  @ApiAcceptedResponse({ type: WebhookReplayDto, description: 'How many deliveries were queued' })
  @ApiErrorResponses(400, 401, 403, 404, 406, 409, 413, 415, 422, 429, 503)
  replay(
    @Param() params: WebhookSubscriptionIdParamDto,
    @Body() body: CreateReplayDto,
    @CurrentCaller() caller: Caller,
  ): Promise<WebhookReplayDto> {
    return this.subscriptions.replay(caller, params.webhookSubscriptionId, body);
  }
}
