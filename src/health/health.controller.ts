import { Controller, Get, Inject, Res, ServiceUnavailableException, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { type AppConfig, appConfig } from '../config/app.config';
import { HealthRegistry } from './health-registry';
import { Public } from '../auth/public.decorator';

@ApiTags('health')
@Public()
@Controller({ version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly registry: HealthRegistry,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  @Get('status')
  @SkipThrottle()
  @ApiOperation({ summary: 'Liveness: the process is serving', description: 'Checks nothing but the process itself.' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', example: 'ok' } } } })
  status(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('healthcheck')
  @ApiOperation({ summary: 'Readiness: every dependency answers', description: 'Runs each registered dependency check with a timeout.' })
  @ApiOkResponse({ description: 'every dependency is up' })
  @ApiServiceUnavailableResponse({ description: 'at least one dependency is down; the body names it' })
  async healthcheck(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    const timeoutMs = this.config.healthCheckTimeoutMs;
    const checks = this.registry.entries().map(([name, check]) => async () => {
      const indicator = this.indicator.check(name);
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const detail = await Promise.race([
          check(signal),
          new Promise<never>((_, reject) =>
            signal.addEventListener('abort', () => reject(new Error(`no answer within ${timeoutMs} ms`)), { once: true }),
          ),
        ]);
        return indicator.up(detail ?? {});
      } catch (e) {
        return indicator.down({ message: e instanceof Error ? e.message : 'check failed' });
      }
    });
    try {
      return await this.health.check(checks);
    } catch (e) {
      // Terminus reports a failed check by throwing; the per-dependency body is the answer, not an error envelope.
      if (e instanceof ServiceUnavailableException) {
        void reply.status(503).header('cache-control', 'no-store');
        return e.getResponse() as HealthCheckResult;
      }
      throw e;
    }
  }
}
