/**
 * Reads `exp` (and `iat`) from a JWT without verifying it: the gateway only needs to know when Street Manager will
 * stop accepting its own token, and Street Manager is the one that verifies it.
 */
export function jwtTimes(token: string): { exp?: number; iat?: number } {
  const payload = token.split('.')[1];
  if (!payload) {
    return {};
  }
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      exp?: unknown;
      iat?: unknown;
    };
    return {
      exp: typeof claims.exp === 'number' ? claims.exp * 1000 : undefined,
      iat: typeof claims.iat === 'number' ? claims.iat * 1000 : undefined,
    };
  } catch {
    return {};
  }
}
