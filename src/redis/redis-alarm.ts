import { Logger } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';

/** The shared stores, as named in logs and in `gateway_redis_failures_total{store}`. */
export type SharedStore =
  'throttling' | 'idempotency' | 'cache' | 'session' | 'connection' | 'events' | 'webhooks';

const LOG_EVERY_MS = 10_000;

/**
 * Says loudly, but not once per request, that Redis failed and the gateway degraded: one error line per store every
 * 10 s (the alarm to page on), and a counter of every failure for dashboards.
 */
export class RedisAlarm {
  private readonly logger = new Logger('Redis');
  private readonly lastLogged = new Map<SharedStore, number>();
  private readonly suppressed = new Map<SharedStore, number>();
  readonly failures: Counter<'store'>;

  constructor(registry?: Registry) {
    this.failures = new Counter({
      name: 'gateway_redis_failures_total',
      help: 'Redis commands that failed or timed out, by the shared store that degraded',
      labelNames: ['store'] as const,
      registers: registry ? [registry] : [],
    });
  }

  raise(store: SharedStore, error: unknown, consequence: string): void {
    this.failures.inc({ store });
    const now = Date.now();
    if (now - (this.lastLogged.get(store) ?? 0) < LOG_EVERY_MS) {
      this.suppressed.set(store, (this.suppressed.get(store) ?? 0) + 1);
      return;
    }
    const suppressed = this.suppressed.get(store) ?? 0;
    this.lastLogged.set(store, now);
    this.suppressed.set(store, 0);
    // The message of an ioredis error names the command and the connection state, never a key's value or a password.
    this.logger.error(
      {
        alarm: 'redis-unavailable',
        store,
        reason: error instanceof Error ? error.message : 'unknown',
        suppressedSinceLast: suppressed,
      },
      `Redis failed for ${store}: ${consequence}`,
    );
  }
}
