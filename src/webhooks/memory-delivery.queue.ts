import type { Clock } from './clock';
import {
  type AttemptOutcome,
  DeliveryQueue,
  type DeliveryJob,
  type DeliveryProcessor,
  type QueueHealth,
} from './delivery-queue';

interface Entry {
  job: DeliveryJob;
  timer?: unknown;
  state: 'waiting' | 'delayed' | 'active';
}

/**
 * One instance, in memory: the same schedule as BullMQ (the processor decides every delay), driven by a Clock so tests
 * can advance time instead of sleeping. At most `concurrency` attempts run at once; the rest wait in order.
 */
export class MemoryDeliveryQueue extends DeliveryQueue {
  private readonly entries = new Map<string, Entry>();
  private readonly ready: string[] = [];
  private processor?: DeliveryProcessor;
  private active = 0;
  private closed = false;
  private dead = 0;

  constructor(
    private readonly clock: Clock,
    private readonly concurrency: number,
  ) {
    super();
  }

  start(processor: DeliveryProcessor): Promise<void> {
    this.processor = processor;
    this.pump();
    return Promise.resolve();
  }

  enqueue(jobId: string, job: DeliveryJob): Promise<void> {
    if (this.closed || this.entries.has(jobId)) {
      return Promise.resolve();
    }
    this.entries.set(jobId, { job, state: 'waiting' });
    this.ready.push(jobId);
    this.pump();
    return Promise.resolve();
  }

  health(): Promise<QueueHealth> {
    const states = [...this.entries.values()].map((e) => e.state);
    return Promise.resolve({
      engine: 'memory',
      waiting: states.filter((s) => s === 'waiting').length,
      delayed: states.filter((s) => s === 'delayed').length,
      active: this.active,
      failed: this.dead,
    });
  }

  close(): Promise<void> {
    this.closed = true;
    for (const entry of this.entries.values()) {
      if (entry.timer !== undefined) {
        this.clock.clearTimeout(entry.timer);
      }
    }
    this.entries.clear();
    this.ready.length = 0;
    return Promise.resolve();
  }

  private pump(): void {
    while (this.processor && !this.closed && this.active < this.concurrency && this.ready.length > 0) {
      const jobId = this.ready.shift()!;
      const entry = this.entries.get(jobId);
      if (!entry) {
        continue;
      }
      entry.state = 'active';
      this.active++;
      void this.run(jobId, entry);
    }
  }

  private async run(jobId: string, entry: Entry): Promise<void> {
    let outcome: AttemptOutcome;
    try {
      outcome = await this.processor!(entry.job);
    } catch {
      // The processor records its own failures; an unexpected one is retried soon rather than lost.
      outcome = { kind: 'busy', delayMs: 5_000 };
    }
    this.active--;
    if (this.closed) {
      return;
    }
    if (outcome.kind === 'retry' || outcome.kind === 'busy') {
      entry.state = 'delayed';
      entry.timer = this.clock.setTimeout(() => {
        entry.timer = undefined;
        entry.state = 'waiting';
        this.ready.push(jobId);
        this.pump();
      }, outcome.delayMs);
    } else {
      if (outcome.kind === 'dead') {
        this.dead++;
      }
      this.entries.delete(jobId);
    }
    this.pump();
  }
}
