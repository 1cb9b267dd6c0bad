/** How one upstream API is guarded. Every field is set explicitly per upstream from configuration. */
export interface UpstreamSettings {
  /** TCP/TLS connect timeout */
  connectTimeoutMs: number;
  /** time from sending the request to the response headers */
  headersTimeoutMs: number;
  /** longest silence while the body streams */
  bodyTimeoutMs: number;
  /** deadline for the whole call: bulkhead queue, pacing, every attempt and every backoff */
  totalTimeoutMs: number;
  retry: {
    /** attempts in all, the first included (1 = never retry) */
    maxAttempts: number;
    baseDelayMs: number;
    maxDelayMs: number;
    /** retries allowed as a fraction of recent calls (0.2 = 20 %) */
    budgetRatio: number;
  };
  breaker: {
    /** consecutive failed attempts that open the circuit */
    consecutiveFailures: number;
    /** how long the circuit stays open before one probe is let through */
    halfOpenAfterMs: number;
  };
  bulkhead: { maxConcurrent: number; maxQueue: number };
  /** answers larger than this are refused as bad answers (default 16 MiB) */
  maxResponseBytes?: number;
}

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'HEAD']);
