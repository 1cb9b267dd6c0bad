import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { HealthStatus, type PublicHealth } from './health-status';

const summarySchema = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: ['ok', 'error'] },
    details: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: { status: { type: 'string', enum: ['up', 'down'] } },
      },
    },
  },
};

@ApiTags('health')
@Public()
@Controller({ version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly health: HealthStatus) {}

  @Get('status')
  @SkipThrottle()
  @ApiOperation({
    summary: 'Liveness: the process is serving',
    description: 'Checks nothing but the process itself.',
  })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } } } })
  status(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('healthcheck')
  @ApiOperation({
    summary: 'Readiness: every dependency answers',
    description:
      'Each dependency up or down, from checks run at most every few seconds. The reasons are on the operator port.',
  })
  @ApiOkResponse({ description: 'every dependency is up', schema: summarySchema })
  @ApiServiceUnavailableResponse({ description: 'at least one dependency is down', schema: summarySchema })
  async healthcheck(@Res({ passthrough: true }) reply: FastifyReply): Promise<PublicHealth> {
    const summary = await this.health.summary();
    void reply.header('cache-control', 'no-store');
    if (summary.status !== 'ok') {
      void reply.status(503);
    }
    return summary;
  }
}
