/** Runs the intake's periodic work; tests bind a manual one and call EventIntake.tick() themselves. */
export interface IntakeScheduler {
  /** Calls `task` every `ms` (first after `firstAfterMs`), never two at once; returns the cancel function. */
  every(ms: number, firstAfterMs: number, task: () => Promise<void>): () => void;
}

export const INTAKE_SCHEDULER = Symbol('INTAKE_SCHEDULER');

export const timerScheduler: IntakeScheduler = {
  every(ms, firstAfterMs, task) {
    let running = false;
    let interval: NodeJS.Timeout | undefined;
    const run = () => {
      if (running) {
        return;
      }
      running = true;
      void task().finally(() => (running = false));
    };
    // unref: a pending run never keeps a stopping process alive.
    const first = setTimeout(() => {
      run();
      interval = setInterval(run, ms).unref();
    }, firstAfterMs).unref();
    return () => {
      clearTimeout(first);
      clearInterval(interval);
    };
  },
};

/** Never runs anything by itself. */
export const manualScheduler: IntakeScheduler = {
  every: () => () => undefined,
};
