import { Counter, type Registry } from 'prom-client';

export type ReceivedOutcome = 'stored' | 'duplicate' | 'confirmed' | 'unsubscribed' | 'ignored';
export type RefusedReason =
  | 'malformed'
  | 'unknown-credential'
  | 'unsigned'
  | 'wrong-topic'
  | 'stale'
  | 'untrusted-certificate'
  | 'certificate-unavailable'
  | 'bad-signature'
  | 'unexpected-confirmation';

/** What operators watch: notifications received and refused, and where stored events came from. */
export class IntakeMetrics {
  readonly received: Counter<'outcome'>;
  readonly refused: Counter<'reason'>;
  readonly stored: Counter<'source'>;

  constructor(registry: Registry) {
    this.received = new Counter({
      name: 'gateway_events_received_total',
      help: 'Verified Street Manager notifications, by what became of them',
      labelNames: ['outcome'] as const,
      registers: [registry],
    });
    this.refused = new Counter({
      name: 'gateway_events_refused_total',
      help: 'Notifications refused (forged, unsigned, stale, wrong topic, malformed): stored nowhere',
      labelNames: ['reason'] as const,
      registers: [registry],
    });
    this.stored = new Counter({
      name: 'gateway_events_stored_total',
      help: 'Events appended to the log, by source (notification, or reconciler: a gap the notifications left)',
      labelNames: ['source'] as const,
      registers: [registry],
    });
  }
}
