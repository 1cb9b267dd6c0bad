import { ApiError, ErrorCode } from '../common/errors/api-error';
import type { Permission } from './permissions';

export const SUBSCRIPTION_KEY_HEADER = 'Ocp-Apim-Subscription-Key';

/**
 * RFC 7235 challenges for the schemes this gateway accepts. `invalid_token` (RFC 6750) tells a client its token was
 * refused without saying why: which check failed is for our logs, not for whoever holds the token.
 */
export function challenge(bearerEnabled: boolean, bearerError?: 'invalid_token'): string {
  const bearer = bearerError ? `Bearer error="${bearerError}"` : 'Bearer';
  const apiKey = `ApiKey header="${SUBSCRIPTION_KEY_HEADER}"`;
  return bearerEnabled ? `${bearer}, ${apiKey}` : apiKey;
}

export class UnauthorizedError extends ApiError {
  constructor(message: string, wwwAuthenticate: string) {
    super(401, ErrorCode.UNAUTHORIZED, message, undefined, { 'WWW-Authenticate': wwwAuthenticate });
  }
}

export class ForbiddenError extends ApiError {
  constructor(permission: Permission) {
    super(403, ErrorCode.FORBIDDEN, `you are not allowed to do this: it needs the ${permission} permission`);
  }
}

/** The identity provider's keys could not be fetched: the caller's token may be fine, so this is not a 401. */
export class KeysUnavailableError extends ApiError {
  constructor() {
    super(503, ErrorCode.SERVICE_UNAVAILABLE, 'credentials cannot be checked at the moment', undefined, {
      'Retry-After': '5',
    });
  }
}
