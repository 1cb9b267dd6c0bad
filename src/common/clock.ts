import { Global, Module } from '@nestjs/common';

/**
 * The gateway's time: token lifetimes, cool-downs, breaker, throttling windows, idempotency records, backoff waits.
 * Injected (a Nest token and a constructor parameter), so tests move time instead of sleeping through it.
 */
export abstract class Clock {
  /** epoch ms */
  abstract now(): number;
  /** resolves after `ms` of this clock; rejects with the signal's reason if it aborts first */
  abstract sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export class SystemClock extends Clock {
  now(): number {
    return Date.now();
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
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason as Error);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

/** For code built outside Nest (the standalone sandbox, plain classes' defaults). */
export const SYSTEM_CLOCK: Clock = new SystemClock();

/** Global, so any provider can take a `Clock`; tests override it with a clock they move. */
@Global()
@Module({
  providers: [{ provide: Clock, useValue: SYSTEM_CLOCK }],
  exports: [Clock],
})
export class ClockModule {}
