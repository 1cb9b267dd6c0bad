import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Public()
@Controller({ version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get('metrics')
  @SkipThrottle()
  @ApiOperation({ summary: 'Prometheus metrics', description: 'Usage per client and route, upstream calls and their outcomes.' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } })
  async metricsText(@Res() reply: FastifyReply): Promise<void> {
    // Written straight to the reply: the representation interceptors serve JSON/XML resources, not this text.
    const text = await this.metrics.render();
    await reply.status(200).header('content-type', this.metrics.contentType).header('cache-control', 'no-store').send(text);
  }
}
