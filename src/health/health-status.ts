import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheckService, type HealthCheckResult, HealthIndicatorService } from '@nestjs/terminus';
import { type AppConfig, appConfig } from '../config/app.config';
import { HealthRegistry } from './health-registry';

/** What anyone may see: each dependency up or down, nothing about why or for which organisation. */
export interface PublicHealth {
  status: 'ok' | 'error';
  details: Record<string, { status: 'up' | 'down' }>;
}

/**
 * Runs the registered dependency checks at most once per HEALTH_CHECK_CACHE_MS, however many probes ask: each run
 * costs upstream calls (one per Street Manager API), and a public endpoint must not multiply them.
 */
@Injectable()
export class HealthStatus {
  private latest?: { at: number; result: Promise<HealthCheckResult> };

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly registry: HealthRegistry,
    @Inject(appConfig.KEY) private readonly config: AppConfig,
  ) {}

  /** The full result, error texts included: for operators only. */
  detail(): Promise<HealthCheckResult> {
    const now = Date.now();
    if (!this.latest || now - this.latest.at >= this.config.healthCheckCacheMs) {
      this.latest = { at: now, result: this.run() };
    }
    return this.latest.result;
  }

  async summary(): Promise<PublicHealth> {
    const result = await this.detail();
    const details = Object.fromEntries(
      Object.entries(result.details).map(([name, d]) => [
        name,
        { status: d.status === 'up' ? ('up' as const) : ('down' as const) },
      ]),
    );
    return { status: result.status === 'ok' ? 'ok' : 'error', details };
  }

  private async run(): Promise<HealthCheckResult> {
    const timeoutMs = this.config.healthCheckTimeoutMs;
    const checks = this.registry.entries().map(([name, check]) => async () => {
      const indicator = this.indicator.check(name);
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const detail = await Promise.race([
          check(signal),
          new Promise<never>((_, reject) =>
            signal.addEventListener('abort', () => reject(new Error(`no answer within ${timeoutMs} ms`)), {
              once: true,
            }),
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
      // Terminus reports a failed check by throwing; the per-dependency body is the answer, not an error.
      if (e instanceof ServiceUnavailableException) {
        return e.getResponse() as HealthCheckResult;
      }
      throw e;
    }
  }
}
