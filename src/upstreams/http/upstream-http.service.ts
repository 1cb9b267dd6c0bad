import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  BrokenCircuitError,
  BulkheadRejectedError,
  type BulkheadPolicy,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  TaskCancelledError,
  bulkhead,
  circuitBreaker,
  handleType,
  type IBackoff,
} from 'cockatiel';
import type { IncomingHttpHeaders } from 'node:http';
import { Pool } from 'undici';
import { Clock } from '../../common/clock';
import { MetricsService, type UpstreamOutcome } from '../../metrics/metrics.service';
import { fullJitterDelayMs, parseRetryAfterMs } from './backoff';
import { redactPath } from './redact';
import { RetryBudget } from './retry-budget';
import { PacerFullError, type TokenBucket } from './token-bucket';
import {
  UpstreamBadResponseError,
  UpstreamBusyError,
  UpstreamTimeoutError,
  UpstreamUnavailableError,
} from './upstream-errors';
import { type HttpMethod, SAFE_METHODS, type UpstreamSettings } from './upstream-settings';

export interface UpstreamCall {
  /** a name registered with `register()`; breaker, bulkhead and metrics are per upstream */
  upstream: string;
  /** a stable operation name for metrics and logs, e.g. `getWork` */
  operation: string;
  method: HttpMethod;
  /** scheme, host and port, e.g. `https://api.example.org`: one keep-alive pool per origin */
  origin: string;
  /** path and query, already encoded; sent exactly as given (no dot-segment resolution that `..` could climb) */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** paces this call against a per-credential rate */
  pacer?: TokenBucket;
  signal?: AbortSignal;
}

export interface UpstreamResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One attempt's failure, as seen by the breaker. Never leaves this file. */
class AttemptFailure extends Error {
  constructor(
    readonly kind: 'connect' | 'timeout' | 'body' | 'status',
    readonly status?: number,
    readonly headers?: IncomingHttpHeaders,
  ) {
    super(kind);
  }
}

interface GuardedUpstream {
  name: string;
  settings: UpstreamSettings;
  breaker: CircuitBreakerPolicy;
  bulkhead: BulkheadPolicy;
  budget: RetryBudget;
  pools: Map<string, Pool>;
  openedAt?: number;
}

/** Statuses that say "the upstream is struggling": they feed the breaker and are never returned to the caller. */
const FAILURE_STATUSES = new Set([500, 502, 503, 504]);
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);
const TIMEOUT_ERROR_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/**
 * The guarded HTTP core: the only code in the gateway that opens outbound connections. Per upstream: keep-alive
 * undici pools per origin with explicit timeouts, a circuit breaker, a bulkhead and a retry budget; per call: a total
 * deadline, retries for GET/HEAD only (connection errors, 429, 502-504) with full-jitter backoff that honours
 * Retry-After, an optional pacer, metrics and redacted logs. Answers come back as they are for 2xx-4xx (except 429);
 * everything else becomes a typed upstream error.
 */
@Injectable()
export class UpstreamHttp implements OnApplicationShutdown {
  private readonly logger = new Logger('UpstreamHttp');
  private readonly upstreams = new Map<string, GuardedUpstream>();
  private closing?: Promise<void>;

  constructor(
    private readonly metrics: MetricsService,
    private readonly clock: Clock,
  ) {}

  /** Idempotent: the first registration of a name wins, so modules may register defensively. */
  register(name: string, settings: UpstreamSettings): void {
    if (this.upstreams.has(name)) {
      return;
    }
    const breaker = circuitBreaker(handleType(AttemptFailure), {
      halfOpenAfter: { next: () => this.halfOpenAfter(settings.breaker.halfOpenAfterMs) },
      breaker: new ConsecutiveBreaker(settings.breaker.consecutiveFailures),
    });
    const guarded: GuardedUpstream = {
      name,
      settings,
      breaker,
      bulkhead: bulkhead(settings.bulkhead.maxConcurrent, settings.bulkhead.maxQueue),
      budget: new RetryBudget(settings.retry.budgetRatio, undefined, undefined, () => this.clock.now()),
      pools: new Map(),
    };
    this.metrics.circuitState.set({ upstream: name }, 0);
    breaker.onStateChange((state) => {
      if (state === CircuitState.Open) {
        guarded.openedAt = this.clock.now();
        this.logger.warn({ upstream: name }, 'circuit opened: failing fast until a probe succeeds');
      } else if (state === CircuitState.Closed) {
        this.logger.log({ upstream: name }, 'circuit closed: upstream recovered');
      }
      this.metrics.circuitState.set({ upstream: name }, state === CircuitState.Closed ? 0 : 1);
    });
    this.upstreams.set(name, guarded);
  }

  isRegistered(name: string): boolean {
    return this.upstreams.has(name);
  }

  circuitState(name: string): 'closed' | 'open' | 'half-open' | 'isolated' {
    const state = this.get(name).breaker.state;
    return state === CircuitState.Closed
      ? 'closed'
      : state === CircuitState.Open
        ? 'open'
        : state === CircuitState.HalfOpen
          ? 'half-open'
          : 'isolated';
  }

  async request(call: UpstreamCall): Promise<UpstreamResponse> {
    const upstream = this.get(call.upstream);
    const { settings } = upstream;
    const started = performance.now();
    const deadlineAt = Date.now() + settings.totalTimeoutMs;
    // A timer cleared when the call ends: AbortSignal.timeout()'s timer (and its weak references) would live for the
    // whole deadline after every call, tens of thousands of them under load.
    const deadlineController = new AbortController();
    const deadlineTimer = setTimeout(abortForTimeout, settings.totalTimeoutMs, deadlineController);
    const deadline = deadlineController.signal;
    const signal = call.signal ? AbortSignal.any([deadline, call.signal]) : deadline;
    const retryable = SAFE_METHODS.has(call.method);
    upstream.budget.recordCall();

    let outcome: UpstreamOutcome = 'success';
    try {
      for (let attempt = 1; ; attempt++) {
        let failure: { error: Error; retryAfterMs?: number; mayRetry: boolean };
        try {
          const response = await upstream.breaker.execute(
            () => upstream.bulkhead.execute(() => this.attempt(upstream, call, signal), signal),
            signal,
          );
          if (response.status !== 429) {
            outcome = response.status >= 400 ? 'client_error' : 'success';
            return response;
          }
          const retryAfterMs = parseRetryAfterMs(response.headers['retry-after']);
          call.pacer?.pauseFor(retryAfterMs ?? DEFAULT_RETRY_AFTER_SECONDS * 1000);
          failure = {
            error: new UpstreamUnavailableError(
              upstream.name,
              'throttled',
              (retryAfterMs ?? DEFAULT_RETRY_AFTER_SECONDS * 1000) / 1000,
            ),
            retryAfterMs,
            mayRetry: true,
          };
        } catch (e) {
          failure = this.classify(upstream, e, deadline);
        }
        this.logAttemptFailure(upstream, call, attempt, failure.error);
        const delayMs = Math.max(
          fullJitterDelayMs(attempt - 1, settings.retry.baseDelayMs, settings.retry.maxDelayMs),
          failure.retryAfterMs ?? 0,
        );
        const canRetry =
          retryable &&
          failure.mayRetry &&
          attempt < settings.retry.maxAttempts &&
          // a retry that cannot finish before the deadline only delays the inevitable answer
          Date.now() + delayMs < deadlineAt - Math.min(50, settings.totalTimeoutMs / 10) &&
          upstream.budget.tryAcquireRetry();
        if (!canRetry) {
          throw failure.error;
        }
        this.metrics.upstreamRetries.inc({ upstream: upstream.name, operation: call.operation });
        try {
          await this.clock.sleep(delayMs, signal);
        } catch {
          throw new UpstreamTimeoutError(upstream.name);
        }
      }
    } catch (e) {
      outcome = outcomeOf(e);
      throw e;
    } finally {
      clearTimeout(deadlineTimer);
      this.metrics.recordUpstream(
        upstream.name,
        call.operation,
        outcome,
        (performance.now() - started) / 1000,
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** Closes every pool; idempotent, so shutdown code that must run after logout can call it first. */
  close(): Promise<void> {
    this.closing ??= Promise.all(
      [...this.upstreams.values()].flatMap((u) =>
        [...u.pools.values()].map(async (pool) => {
          // Let in-flight calls finish briefly, then cut: shutdown must not hang on a stuck upstream.
          const timer = setTimeout(() => void pool.destroy().catch(() => undefined), 2_000);
          await pool.close().catch(() => undefined);
          clearTimeout(timer);
        }),
      ),
    ).then(() => undefined);
    return this.closing;
  }

  /**
   * cockatiel compares its own Date.now() against the backoff's duration, read at each call; a duration of 0 once
   * `ms` have passed on the injected clock (and unbounded before) lets that clock decide when the breaker half-opens.
   */
  private halfOpenAfter(ms: number): IBackoff<unknown> {
    const openedAt = this.clock.now();
    const clock = this.clock;
    return {
      get duration() {
        return clock.now() - openedAt >= ms ? 0 : Number.POSITIVE_INFINITY;
      },
      next: () => this.halfOpenAfter(ms),
    };
  }

  private get(name: string): GuardedUpstream {
    const upstream = this.upstreams.get(name);
    if (!upstream) {
      throw new Error(`upstream ${name} was never registered`);
    }
    return upstream;
  }

  private pool(upstream: GuardedUpstream, origin: string): Pool {
    let pool = upstream.pools.get(origin);
    if (!pool) {
      const { settings } = upstream;
      pool = new Pool(origin, {
        connections: settings.bulkhead.maxConcurrent,
        connect: { timeout: settings.connectTimeoutMs },
        headersTimeout: settings.headersTimeoutMs,
        bodyTimeout: settings.bodyTimeoutMs,
        keepAliveTimeout: 30_000,
        keepAliveMaxTimeout: 60_000,
      });
      upstream.pools.set(origin, pool);
    }
    return pool;
  }

  private async attempt(
    upstream: GuardedUpstream,
    call: UpstreamCall,
    signal: AbortSignal,
  ): Promise<UpstreamResponse> {
    await this.clock.sleep(call.pacer?.reserve() ?? 0, signal);
    let response;
    try {
      response = await this.pool(upstream, call.origin).request({
        method: call.method,
        path: call.path,
        headers: call.headers,
        body: call.body,
        signal,
      });
    } catch (e) {
      throw signal.aborted || isTimeout(e)
        ? new AttemptFailure('timeout')
        : isConnectionError(e)
          ? new AttemptFailure('connect')
          : e;
    }
    const { statusCode, headers, body } = response;
    if (FAILURE_STATUSES.has(statusCode)) {
      await body.dump().catch(() => undefined);
      throw new AttemptFailure('status', statusCode, headers);
    }
    try {
      return {
        status: statusCode,
        headers,
        body: await readLimited(body, upstream.settings.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
      };
    } catch (e) {
      throw signal.aborted || isTimeout(e) ? new AttemptFailure('timeout') : new AttemptFailure('body');
    }
  }

  private classify(
    upstream: GuardedUpstream,
    e: unknown,
    deadline: AbortSignal,
  ): { error: Error; retryAfterMs?: number; mayRetry: boolean } {
    const name = upstream.name;
    if (e instanceof AttemptFailure) {
      switch (e.kind) {
        case 'connect':
          return {
            error: new UpstreamUnavailableError(name, 'connect', DEFAULT_RETRY_AFTER_SECONDS),
            mayRetry: true,
          };
        case 'timeout':
          return { error: new UpstreamTimeoutError(name), mayRetry: false };
        case 'body':
          return { error: new UpstreamBadResponseError(name, 'bad-body'), mayRetry: false };
        case 'status': {
          const retryAfterMs = parseRetryAfterMs(e.headers?.['retry-after']);
          const error =
            e.status === 503
              ? new UpstreamUnavailableError(
                  name,
                  'unavailable',
                  (retryAfterMs ?? DEFAULT_RETRY_AFTER_SECONDS * 1000) / 1000,
                )
              : e.status === 504
                ? new UpstreamTimeoutError(name)
                : new UpstreamBadResponseError(name, 'bad-status');
          return { error, retryAfterMs, mayRetry: RETRYABLE_STATUSES.has(e.status ?? 0) };
        }
      }
    }
    if (e instanceof BrokenCircuitError) {
      const openFor =
        upstream.settings.breaker.halfOpenAfterMs -
        (this.clock.now() - (upstream.openedAt ?? this.clock.now()));
      return {
        error: new UpstreamUnavailableError(name, 'circuit-open', Math.max(1, openFor / 1000)),
        mayRetry: false,
      };
    }
    if (e instanceof PacerFullError) {
      return { error: new UpstreamBusyError(name, Math.max(1, e.retryAfterMs / 1000)), mayRetry: false };
    }
    if (e instanceof BulkheadRejectedError) {
      return { error: new UpstreamUnavailableError(name, 'bulkhead-full', 1), mayRetry: false };
    }
    if (e instanceof TaskCancelledError || deadline.aborted || isAbort(e)) {
      return { error: new UpstreamTimeoutError(name), mayRetry: false };
    }
    throw e;
  }

  private logAttemptFailure(
    upstream: GuardedUpstream,
    call: UpstreamCall,
    attempt: number,
    error: Error,
  ): void {
    this.logger.debug(
      {
        upstream: upstream.name,
        operation: call.operation,
        method: call.method,
        path: redactPath(call.path),
        attempt,
        reason: (error as { reason?: string }).reason,
      },
      'upstream attempt failed',
    );
  }
}

/** Aborts as AbortSignal.timeout() does, with a TimeoutError, so callers see the same reason. */
function abortForTimeout(controller: AbortController): void {
  controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
}

async function readLimited(body: AsyncIterable<Buffer>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new Error('response too large');
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
}

function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string') {
    return code;
  }
  const cause = (e as { cause?: unknown } | undefined)?.cause;
  return cause && cause !== e ? errorCode(cause) : undefined;
}

function isConnectionError(e: unknown): boolean {
  const code = errorCode(e);
  return code !== undefined && CONNECTION_ERROR_CODES.has(code);
}

function isTimeout(e: unknown): boolean {
  const code = errorCode(e);
  return (
    (code !== undefined && TIMEOUT_ERROR_CODES.has(code)) ||
    (e as { name?: string } | undefined)?.name === 'TimeoutError'
  );
}

function isAbort(e: unknown): boolean {
  const name = (e as { name?: string } | undefined)?.name;
  return name === 'AbortError' || name === 'TimeoutError' || errorCode(e) === 'UND_ERR_ABORTED';
}

function outcomeOf(e: unknown): UpstreamOutcome {
  if (e instanceof UpstreamTimeoutError) {
    return 'timeout';
  }
  if (e instanceof UpstreamUnavailableError) {
    switch (e.reason) {
      case 'circuit-open':
        return 'circuit_open';
      case 'bulkhead-full':
        return 'bulkhead_rejected';
      case 'throttled':
        return 'throttled';
      case 'paced':
        return 'pacer_full';
      case 'connect':
        return 'connect_error';
      default:
        return 'unavailable';
    }
  }
  return 'bad_response';
}
