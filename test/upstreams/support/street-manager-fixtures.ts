import type { Caller } from '../../../src/auth/caller';
import { streetManagerConfig, type StreetManagerConfig } from '../../../src/config/street-manager.config';
import type { RunningSandbox } from '../../../src/sandbox/sandbox.types';

export interface SandboxStats {
  authentications: number;
  failedAuthentications: number;
  refreshes: number;
  logouts: number;
  innerTokensIssued: number;
  requests: Record<string, number>;
}

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

/** The sandbox's admin API: fault rules and counters. */
export function sandboxAdmin(sandbox: RunningSandbox) {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return res.status === 204 ? undefined : res.json();
  };
  return {
    stats: async () => (await call('GET', '/__admin/stats')) as SandboxStats,
    faults: (rule: object) => call('POST', '/__admin/faults', rule),
    clearFaults: () => call('DELETE', '/__admin/faults'),
  };
}
