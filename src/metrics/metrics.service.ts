import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type UpstreamOutcome =
  | 'success'
  | 'client_error'
  | 'timeout'
  | 'connect_error'
  | 'circuit_open'
  | 'bulkhead_rejected'
  | 'throttled'
  /** refused before sending: the pacer's wait would exceed STREET_MANAGER_PACER_MAX_WAIT_MS (503 UPSTREAM_BUSY) */
  | 'pacer_full'
  | 'unavailable'
  | 'bad_response';

/**
 * One registry per application instance (not prom-client's global one), so several apps in one process (e2e
 * suites) never collide on metric names.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly upstreamCalls = new Counter({
    name: 'gateway_upstream_requests_total',
    help: 'Calls to upstream APIs by upstream, operation and outcome (one per logical call, retries included)',
    labelNames: ['upstream', 'operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly upstreamDuration = new Histogram({
    name: 'gateway_upstream_request_duration_seconds',
    help: 'Duration of upstream calls, retries and waits included',
    labelNames: ['upstream', 'operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });

  readonly upstreamRetries = new Counter({
    name: 'gateway_upstream_retries_total',
    help: 'Retried upstream attempts',
    labelNames: ['upstream', 'operation'] as const,
    registers: [this.registry],
  });

  readonly circuitState = new Gauge({
    name: 'gateway_upstream_circuit_open',
    help: '1 while the circuit breaker of an upstream is open or half-open, else 0',
    labelNames: ['upstream'] as const,
    registers: [this.registry],
  });

  readonly upstreamAuthentications = new Counter({
    name: 'gateway_upstream_authentications_total',
    help: 'Street Manager sign-ins and token refreshes by credential and result',
    labelNames: ['credential', 'kind', 'result'] as const,
    registers: [this.registry],
  });

  readonly httpRequests = new Counter({
    name: 'gateway_http_requests_total',
    help: 'Requests served, by client, route pattern, method and status',
    labelNames: ['client', 'route', 'method', 'status'] as const,
    registers: [this.registry],
  });

  readonly logLinesDropped = new Counter({
    name: 'gateway_log_lines_dropped_total',
    help: 'Log lines dropped because stdout could not take them and the log buffer (LOG_BUFFER_BYTES) was full',
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  recordUpstream(upstream: string, operation: string, outcome: UpstreamOutcome, seconds: number): void {
    this.upstreamCalls.inc({ upstream, operation, outcome });
    this.upstreamDuration.observe({ upstream, operation, outcome }, seconds);
  }

  async render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
