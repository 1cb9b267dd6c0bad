import type { ErrorCode, ErrorDetail } from './api-error';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[]; requestId: string };
}

export function errorBody(
  code: ErrorCode,
  message: string,
  requestId: string,
  details?: ErrorDetail[],
): ErrorBody {
  return { error: { code, message, ...(details && details.length > 0 ? { details } : {}), requestId } };
}
