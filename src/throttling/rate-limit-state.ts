import { ApiError, ErrorCode } from '../common/errors/api-error';

/** Where a client stands in one window after this request; /v1/me reports these. */
export interface RateLimitState {
  name: string;
  limit: number;
  windowSeconds: number;
  remaining: number;
  /** seconds until the window starts afresh */
  resetSeconds: number;
  resetsAt: string;
}

export type RequestWithRateLimits = { rateLimits?: RateLimitState[] };

/** The window a client is closest to exhausting: fewest remaining, and of those the one that resets last. */
export function tightest(states: RateLimitState[]): RateLimitState | undefined {
  let pick: RateLimitState | undefined;
  for (const s of states) {
    if (
      !pick ||
      s.remaining < pick.remaining ||
      (s.remaining === pick.remaining && s.resetSeconds > pick.resetSeconds)
    ) {
      pick = s;
    }
  }
  return pick;
}

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(state.resetSeconds),
  };
}

export class TooManyRequestsError extends ApiError {
  constructor(retryAfterSeconds: number, headers: Record<string, string>) {
    super(
      429,
      ErrorCode.TOO_MANY_REQUESTS,
      `rate limit exceeded; try again in ${retryAfterSeconds} s`,
      undefined,
      {
        ...headers,
        'Retry-After': String(retryAfterSeconds),
      },
    );
  }
}
