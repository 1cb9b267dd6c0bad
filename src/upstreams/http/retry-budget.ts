/**
 * Caps retries at a fraction of recent calls (Envoy's retry budget), so that when an upstream struggles the gateway
 * adds at most ~20 % load on top instead of multiplying it. Counts live in one-second buckets over a short window.
 */
export class RetryBudget {
  private readonly calls: number[];
  private readonly retries: number[];
  private readonly stamps: number[];

  constructor(
    private readonly ratio: number,
    /** a floor so that a quiet upstream can still retry an occasional failure */
    private readonly minRetriesPerWindow = 3,
    private readonly windowSeconds = 10,
    private readonly now: () => number = Date.now,
  ) {
    this.calls = new Array<number>(windowSeconds).fill(0);
    this.retries = new Array<number>(windowSeconds).fill(0);
    this.stamps = new Array<number>(windowSeconds).fill(-1);
  }

  recordCall(): void {
    this.calls[this.bucket()]++;
  }

  /** Takes one retry from the budget if there is room; false means "do not retry". */
  tryAcquireRetry(): boolean {
    const index = this.bucket();
    let calls = 0;
    let retries = 0;
    for (let i = 0; i < this.windowSeconds; i++) {
      calls += this.calls[i];
      retries += this.retries[i];
    }
    if (retries + 1 > Math.max(this.minRetriesPerWindow, this.ratio * calls)) {
      return false;
    }
    this.retries[index]++;
    return true;
  }

  private bucket(): number {
    const second = Math.floor(this.now() / 1000);
    const index = second % this.windowSeconds;
    if (this.stamps[index] !== second) {
      this.stamps[index] = second;
      this.calls[index] = 0;
      this.retries[index] = 0;
    }
    // Buckets untouched for a whole window hold stale counts; clear them lazily.
    for (let i = 0; i < this.windowSeconds; i++) {
      if (this.stamps[i] !== -1 && second - this.stamps[i] >= this.windowSeconds) {
        this.stamps[i] = -1;
        this.calls[i] = 0;
        this.retries[i] = 0;
      }
    }
    return index;
  }
}
