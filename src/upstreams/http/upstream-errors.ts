import { ApiError, ErrorCode, type ErrorDetail } from '../../common/errors/api-error';

/**
 * Why an upstream call failed, for logs, metrics and callers that react differently (the session backs off only on
 * "busy" answers). Never shown to API callers.
 */
export type UpstreamFailureReason =
  | 'timeout'
  | 'connect'
  | 'circuit-open'
  | 'bulkhead-full'
  | 'throttled'
  | 'paced'
  | 'unavailable'
  | 'bad-status'
  | 'bad-body'
  | 'credentials';

const retryAfterHeader = (seconds: number | undefined): Record<string, string> | undefined =>
  seconds === undefined ? undefined : { 'Retry-After': String(Math.max(1, Math.ceil(seconds))) };

/** Messages are ours: never the upstream's text, URL or token. `upstream` names the dependency for logs only. */
export class UpstreamTimeoutError extends ApiError {
  readonly reason: UpstreamFailureReason = 'timeout';
  constructor(readonly upstream: string) {
    super(504, ErrorCode.UPSTREAM_TIMEOUT, `${describeUpstream(upstream)} did not answer in time`);
    this.name = 'UpstreamTimeoutError';
  }
}

/** Refusals that prove the upstream did not act: the gateway's own guards (nothing sent) or the upstream's 429. */
const NOT_SENT: ReadonlySet<UpstreamFailureReason> = new Set([
  'circuit-open',
  'bulkhead-full',
  'throttled',
  'paced',
]);

export class UpstreamUnavailableError extends ApiError {
  /** false when the upstream cannot have acted on the call (idempotency may then release the key) */
  get sent(): boolean {
    return !NOT_SENT.has(this.reason);
  }

  constructor(
    readonly upstream: string,
    readonly reason: UpstreamFailureReason,
    readonly retryAfterSeconds = 5,
    code: ErrorCode = ErrorCode.UPSTREAM_UNAVAILABLE,
    message = `${describeUpstream(upstream)} is temporarily unavailable; try again later`,
  ) {
    super(503, code, message, undefined, retryAfterHeader(retryAfterSeconds));
    this.name = 'UpstreamUnavailableError';
  }
}

/**
 * The outbound pacer would hold the call longer than STREET_MANAGER_PACER_MAX_WAIT_MS: a fast 503 with Retry-After
 * instead of a wait in a growing queue. Nothing was sent, so an Idempotency-Key is released.
 */
export class UpstreamBusyError extends UpstreamUnavailableError {
  constructor(upstream: string, retryAfterSeconds: number) {
    super(
      upstream,
      'paced',
      retryAfterSeconds,
      ErrorCode.UPSTREAM_BUSY,
      `${describeUpstream(upstream)} is being called as fast as its rate limit allows; try again after Retry-After seconds`,
    );
    this.name = 'UpstreamBusyError';
  }
}

export class UpstreamBadResponseError extends ApiError {
  constructor(
    readonly upstream: string,
    readonly reason: UpstreamFailureReason = 'bad-status',
  ) {
    super(
      502,
      ErrorCode.UPSTREAM_ERROR,
      `${describeUpstream(upstream)} gave an answer the gateway could not use`,
    );
    this.name = 'UpstreamBadResponseError';
  }
}

export class UpstreamValidationError extends ApiError {
  constructor(message = 'Street Manager did not accept the request', details?: ErrorDetail[]) {
    super(422, ErrorCode.VALIDATION_FAILED, message, details);
    this.name = 'UpstreamValidationError';
  }
}

export class UpstreamForbiddenError extends ApiError {
  constructor(message = 'you are not allowed to do this') {
    super(403, ErrorCode.FORBIDDEN, message);
    this.name = 'UpstreamForbiddenError';
  }
}

export class UpstreamConflictError extends ApiError {
  constructor(message = 'the request conflicts with the current state of the resource') {
    super(409, ErrorCode.CONFLICT, message);
    this.name = 'UpstreamConflictError';
  }
}

/** Upstream names are internal keys such as `street-manager-work`; callers see a readable name only. */
function describeUpstream(upstream: string): string {
  if (upstream.startsWith('street-manager')) {
    return 'Street Manager';
  }
  return 'an upstream service';
}

/** The errors that mean "the upstream is busy or unreachable", as opposed to "it refused this request". */
export function isBusyFailure(e: unknown): boolean {
  return (
    e instanceof UpstreamTimeoutError ||
    (e instanceof UpstreamUnavailableError && e.reason !== 'circuit-open' && e.reason !== 'credentials') ||
    (e instanceof UpstreamBadResponseError && e.reason === 'bad-status')
  );
}
