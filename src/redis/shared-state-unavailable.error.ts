import { ApiError, ErrorCode } from '../common/errors/api-error';

/** A request that cannot be served safely without the shared store (e.g. an idempotent POST): retry shortly. */
export class SharedStateUnavailableError extends ApiError {
  constructor(retryAfterSeconds = 5) {
    super(
      503,
      ErrorCode.SERVICE_UNAVAILABLE,
      'the gateway cannot reach its shared state store; retry shortly',
      undefined,
      {
        'Retry-After': String(retryAfterSeconds),
      },
    );
  }
}
