/** What one attempt decided; each queue turns it into its own mechanics (timers, or BullMQ's backoff and sets). */
export type AttemptOutcome =
  /** delivered, or nothing left to do (the subscription or delivery is gone) */
  | { kind: 'done' }
  /** failed: try again after `delayMs` (the schedule, or the receiver's Retry-After) */
  | { kind: 'retry'; delayMs: number }
  /** given up: the delivery is a dead letter */
  | { kind: 'dead' }
  /** not attempted: the receiver already has as many deliveries in flight as it may; try again shortly */
  | { kind: 'busy'; delayMs: number };

export interface DeliveryJob {
  /** the webhook-id; the same for every attempt and every redelivery */
  deliveryId: string;
}

export type DeliveryProcessor = (job: DeliveryJob) => Promise<AttemptOutcome>;

export interface QueueHealth {
  engine: 'bullmq' | 'memory';
  waiting: number;
  delayed: number;
  active: number;
  failed: number;
}

/**
 * Carries deliveries between attempts. `jobId` dedupes: a job whose id is already queued is not queued again
 * (BullMQ also remembers finished ids for a day), so an event is queued once per subscription across instances.
 */
export abstract class DeliveryQueue {
  abstract start(processor: DeliveryProcessor): Promise<void>;
  abstract enqueue(jobId: string, job: DeliveryJob): Promise<void>;
  abstract health(): Promise<QueueHealth>;
  abstract close(): Promise<void>;
}
