import type { Caller } from '../../src/auth/caller';
import { streetManagerConfig, type StreetManagerConfig } from '../../src/config/street-manager.config';

export function caller(organisation?: string): Caller {
  return {
    clientId: 'test-client',
    kind: 'subscription-key',
    name: 'test',
    product: 'test',
    permissions: [],
    organisation,
    userIdentifier: 'user-1',
    userName: 'Test User',
  };
}

/** Production defaults with short backoffs, a breaker that stays out of the way and a generous pacer. */
export function testStreetManagerConfig(): StreetManagerConfig {
  const base = streetManagerConfig();
  return {
    ...base,
    upstream: {
      ...base.upstream,
      totalTimeoutMs: 5_000,
      retry: { ...base.upstream.retry, baseDelayMs: 10, maxDelayMs: 50 },
      breaker: { consecutiveFailures: 1_000, halfOpenAfterMs: 1_000 },
    },
    pacer: { ratePerSecond: 1_000, burst: 200, maxWaitMs: 5_000 },
    session: { ...base.session, authAttempts: 3, authBaseDelayMs: 10, authMaxDelayMs: 50 },
  };
}
