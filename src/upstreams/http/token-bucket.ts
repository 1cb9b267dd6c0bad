/** The pacer's queue is longer than a caller may wait: nothing was reserved, nothing sent. */
export class PacerFullError extends Error {
  constructor(
    /** how long this caller would have waited */
    readonly waitMs: number,
    /** how much sooner the queue must drain before a caller is accepted again */
    readonly retryAfterMs: number,
  ) {
    super('pacer full');
    this.name = 'PacerFullError';
  }
}

/**
 * Paces outbound calls: at most `ratePerSecond` on average with bursts up to `burst`, so Street Manager's rate is
 * never exceeded. A caller waits for its token at most `maxWaitMs`; one that would wait longer is refused at once
 * (PacerFullError) rather than queued, so under load callers get a fast answer to back off on instead of joining
 * a queue that only grows. `pauseFor` holds every caller after the upstream has said 429 + Retry-After.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private pausedUntil = 0;
  /** reservations are handed out in order, so waiting callers are served first-come first-served */
  private nextFreeAt = 0;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number = Math.max(1, Math.ceil(ratePerSecond)),
    private readonly now: () => number = Date.now,
    private readonly maxWaitMs: number = Infinity,
  ) {
    this.tokens = this.burst;
    this.updatedAt = now();
  }

  /**
   * Reserves a slot and returns how long the caller must wait before sending (0 = now). Throws PacerFullError,
   * reserving nothing, when that wait would be over `maxWaitMs`.
   */
  reserve(): number {
    const now = this.now();
    this.refill(now);
    const start = Math.max(now, this.pausedUntil, this.nextFreeAt);
    if (start === now && this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    // Borrow against the future: the token this caller will use is the one that refills at `at`.
    const deficitMs = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.ratePerSecond) * 1000;
    const at = Math.max(start, now + deficitMs);
    if (at - now > this.maxWaitMs) {
      throw new PacerFullError(at - now, at - now - this.maxWaitMs);
    }
    this.tokens -= 1;
    this.nextFreeAt = at;
    return at - now;
  }

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsed * this.ratePerSecond);
    this.updatedAt = now;
  }
}
