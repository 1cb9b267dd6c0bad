import { Counter, Histogram, type Registry } from 'prom-client';

/** Webhook delivery on /metrics (the operator port), registered on the app's own registry. */
export class WebhookMetrics {
  readonly deliveries: Counter<'outcome'>;
  readonly lag: Histogram;

  constructor(registry: Registry) {
    this.deliveries = new Counter({
      name: 'gateway_webhook_deliveries_total',
      help: 'Webhook delivery attempts by outcome: delivered, retried (failed, another attempt scheduled), dead (given up: a dead letter)',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    this.lag = new Histogram({
      name: 'gateway_webhook_delivery_lag_seconds',
      help: 'From an event queued for a subscription to the receiver accepting it, retries included',
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 21600, 86400],
      registers: [registry],
    });
  }
}
