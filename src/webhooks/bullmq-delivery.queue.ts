import { Logger } from '@nestjs/common';
import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import Redis from 'ioredis';
import { DeliveryQueue, type DeliveryJob, type DeliveryProcessor, type QueueHealth } from './delivery-queue';

const QUEUE = 'webhook-deliveries';
const BACKOFF = 'webhook';
/** We stop retrying ourselves (the retry window), so BullMQ's attempt limit is only a backstop. */
const MAX_ATTEMPTS = 10_000;
/** Finished job ids are kept this long, so an event queued twice in that time is still queued once. */
const KEEP_COMPLETED_SECONDS = 24 * 3600;
/** BullMQ waits for Redis rather than failing; our callers must not (an append waits for its listeners). */
const ENQUEUE_TIMEOUT_MS = 5_000;
/** At shutdown, in-flight attempts get this long to finish; the rest are left to another instance's stalled check. */
const CLOSE_GRACE_MS = 5_000;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Carries the delay a failed attempt asked for to the backoff strategy. */
class RetryLater extends Error {
  constructor(readonly delayMs: number) {
    super('delivery failed; retrying');
    this.name = 'RetryLater';
  }
}

export interface BullMqQueueOptions {
  url: string;
  /** the gateway's REDIS_KEY_PREFIX: BullMQ does not use ioredis's keyPrefix, it takes its own */
  keyPrefix: string;
  concurrency: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  /** how long the failed set keeps dead letters */
  keepFailedMs: number;
}

/**
 * Deliveries in BullMQ, shared by every instance: any instance's worker takes the next job; a job whose worker dies
 * mid-attempt (its lock not renewed) is found by another instance's stalled check and attempted again, with the same
 * webhook-id. Retries are BullMQ retries whose delay our backoff strategy takes from the attempt (the schedule with
 * jitter, or Retry-After); a dead delivery ends in the failed set. A receiver with no free slot is moved back to
 * delayed without counting an attempt, so a slow receiver never holds the workers others need.
 */
export class BullMqDeliveryQueue extends DeliveryQueue {
  private readonly logger = new Logger('WebhookQueue');
  private readonly connection: Redis;
  private readonly queue: Queue<DeliveryJob>;
  private worker?: Worker<DeliveryJob>;
  private workerConnection?: Redis;

  constructor(private readonly options: BullMqQueueOptions) {
    super();
    // BullMQ needs commands to wait for a reconnect rather than fail (maxRetriesPerRequest null).
    this.connection = new Redis(options.url, {
      maxRetriesPerRequest: null,
      lazyConnect: false,
      connectionName: 'streetworks-gateway-webhooks',
    });
    this.connection.on('error', () => undefined);
    this.queue = new Queue<DeliveryJob>(QUEUE, { connection: this.connection, prefix: this.prefix });
    this.queue.on('error', (e) => this.logger.warn({ reason: e.message }, 'webhook queue error'));
  }

  private get prefix(): string {
    return `${this.options.keyPrefix}bull`;
  }

  start(processor: DeliveryProcessor): Promise<void> {
    this.workerConnection = this.connection.duplicate();
    this.worker = new Worker<DeliveryJob>(
      QUEUE,
      async (job: Job<DeliveryJob>, token?: string) => {
        const outcome = await processor(job.data);
        switch (outcome.kind) {
          case 'done':
            return;
          case 'retry':
            throw new RetryLater(outcome.delayMs);
          case 'dead':
            throw new UnrecoverableError('delivery given up: a dead letter');
          case 'busy':
            await job.moveToDelayed(Date.now() + outcome.delayMs, token);
            throw new DelayedError();
        }
      },
      {
        connection: this.workerConnection,
        prefix: this.prefix,
        concurrency: this.options.concurrency,
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
        // A job found stalled is attempted again this many times (a crash loop would otherwise retry for ever).
        maxStalledCount: 5,
        removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
        removeOnFail: { age: Math.ceil(this.options.keepFailedMs / 1000) },
        settings: {
          backoffStrategy: (_attemptsMade: number, _type?: string, err?: Error) =>
            err instanceof RetryLater ? err.delayMs : 5_000,
        },
      },
    );
    this.worker.on('error', (e) => this.logger.warn({ reason: e.message }, 'webhook worker error'));
    return Promise.resolve();
  }

  async enqueue(jobId: string, job: DeliveryJob): Promise<void> {
    await within(
      this.queue.add('deliver', job, {
        jobId,
        attempts: MAX_ATTEMPTS,
        backoff: { type: BACKOFF },
        removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
        removeOnFail: { age: Math.ceil(this.options.keepFailedMs / 1000) },
      }),
      ENQUEUE_TIMEOUT_MS,
      'queueing a webhook delivery',
    );
  }

  async health(): Promise<QueueHealth> {
    const counts = await this.queue.getJobCounts('wait', 'delayed', 'active', 'failed');
    return {
      engine: 'bullmq',
      waiting: counts.wait ?? 0,
      delayed: counts.delayed ?? 0,
      active: counts.active ?? 0,
      failed: counts.failed ?? 0,
    };
  }

  async close(): Promise<void> {
    // Every step is bounded: with Redis down, BullMQ and ioredis would wait for it for ever.
    const worker = this.worker;
    if (this.connection.status !== 'ready') {
      // Redis is away: nothing can be finished or handed back; drop the connections so the steps below end at once.
      this.workerConnection?.disconnect();
      this.connection.disconnect();
    }
    if (worker) {
      // A job still running after the grace keeps its lock until it expires; another instance then takes it over.
      await within(worker.close(), CLOSE_GRACE_MS, 'closing the webhook worker').catch(() =>
        within(worker.close(true), CLOSE_GRACE_MS, 'force-closing the webhook worker').catch(() => undefined),
      );
    }
    await within(this.queue.close(), CLOSE_GRACE_MS, 'closing the webhook queue').catch(() => undefined);
    // BullMQ leaves connections it was given open.
    for (const connection of [this.workerConnection, this.connection]) {
      if (connection?.status === 'ready') {
        await within(connection.quit(), 1_000, 'closing a webhook queue connection').catch(() =>
          connection.disconnect(),
        );
      } else {
        connection?.disconnect();
      }
    }
  }
}
