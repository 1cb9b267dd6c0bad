import { Clock } from '../../src/common/clock';

interface Sleeper {
  ms: number;
  wakeAt: number;
  wake(): void;
}

/**
 * A clock the test moves. By default it runs with the system clock (so a booted app keeps working: pacers refill,
 * short backoffs pass) and `advance()` jumps it ahead, waking every sleep that is due. `startAt` runs it from another
 * instant (a pinned day); `frozenAt` stops it: time then moves only by `advance()`, for specs that want exact values.
 */
export class TestClock extends Clock {
  private offsetMs = 0;
  private readonly frozenAt?: number;
  private readonly sleepers = new Set<Sleeper>();
  /** each waits for a state of the sleepers, checked whenever a sleep starts */
  private readonly watchers = new Set<() => boolean>();

  constructor(options: { frozenAt?: number; startAt?: number } = {}) {
    super();
    this.frozenAt = options.frozenAt;
    if (options.startAt !== undefined) {
      this.offsetMs = options.startAt - Date.now();
    }
  }

  now(): number {
    return (this.frozenAt ?? Date.now()) + this.offsetMs;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms <= 0) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason as Error);
        return;
      }
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this.sleepers.delete(sleeper);
      };
      const onAbort = (): void => {
        done();
        reject(signal?.reason as Error);
      };
      const sleeper: Sleeper = {
        ms,
        wakeAt: this.now() + ms,
        wake: () => {
          done();
          resolve();
        },
      };
      const timer = this.frozenAt === undefined ? setTimeout(sleeper.wake, ms) : undefined;
      signal?.addEventListener('abort', onAbort, { once: true });
      this.sleepers.add(sleeper);
      for (const satisfied of this.watchers) {
        if (satisfied()) {
          this.watchers.delete(satisfied);
        }
      }
    });
  }

  /** Moves the clock `ms` ahead and wakes every sleep that is due by then. */
  advance(ms: number): void {
    this.offsetMs += ms;
    const now = this.now();
    for (const sleeper of [...this.sleepers]) {
      if (sleeper.wakeAt <= now) {
        sleeper.wake();
      }
    }
  }

  /**
   * Resolves (with its length) once something sleeps on this clock for a length `matches` accepts: a latency fault,
   * a backoff, a pacer wait. The event to wait on instead of polling.
   */
  sleeping(matches: (ms: number) => boolean = () => true): Promise<number> {
    return this.when(() => [...this.sleepers].find((s) => matches(s.ms))?.ms);
  }

  /** Resolves once `count` sleeps wait on this clock at the same time (e.g. every contender polling for a lock). */
  async sleepingTogether(count: number): Promise<void> {
    await this.when(() => (this.sleepers.size >= count ? true : undefined));
  }

  private when<T>(probe: () => T | undefined): Promise<T> {
    const now = probe();
    if (now !== undefined) {
      return Promise.resolve(now);
    }
    return new Promise((resolve) => {
      this.watchers.add(() => {
        const value = probe();
        if (value !== undefined) {
          resolve(value);
        }
        return value !== undefined;
      });
    });
  }

  /** How many sleeps are waiting on this clock. */
  get sleepCount(): number {
    return this.sleepers.size;
  }
}
