import { createSandbox } from '../../src/sandbox/sandbox';
import { endpointsFromSandbox } from '../../src/sandbox/sandbox-endpoints';
import type { RunningSandbox, SandboxUser } from '../../src/sandbox/sandbox.types';
import {
  type EmbeddedSandbox,
  STREET_MANAGER_ENDPOINTS,
  type StreetManagerEndpoints,
} from '../../src/upstreams/street-manager/street-manager-endpoints';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { TestClock } from './test-clock';

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

/** A plain HTTP call to the sandbox; the body is parsed when it is JSON, else left as text. */
export async function call(
  method: string,
  url: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) {
    headers.token = options.token;
  }
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(url, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, text, body };
}

export interface Tokens {
  idToken: string;
  accessToken: string;
  refreshToken: string;
}

export async function login(sandbox: RunningSandbox, user: SandboxUser): Promise<Tokens> {
  const res = await call('POST', `${sandbox.baseUrls.work}/authenticate`, {
    body: { emailAddress: user.email, password: user.password },
  });
  if (res.status !== 200) {
    throw new Error(`login failed with ${res.status}`);
  }
  return res.body as Tokens;
}

export function userOf(sandbox: RunningSandbox, swaCode: string): SandboxUser {
  const user = sandbox.users.find((u) => u.organisationSwaCode === swaCode);
  if (!user) {
    throw new Error(`no seeded user for ${swaCode}`);
  }
  return user;
}

export function jwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}

export interface SandboxStats {
  authentications: number;
  failedAuthentications: number;
  refreshes: number;
  logouts: number;
  innerTokensIssued: number;
  requests: Record<string, number>;
}

/** The sandbox's admin API: fault rules and counters. */
export function sandboxAdmin(sandbox: Pick<RunningSandbox, 'url'>) {
  const admin = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await call(method, `${sandbox.url}/__admin${path}`, { body });
    if (res.status >= 300) {
      throw new Error(`sandbox admin ${method} ${path} answered ${res.status}`);
    }
    return res.body;
  };
  return {
    stats: async () => (await admin('GET', '/stats')) as SandboxStats,
    faults: (rule: object) => admin('POST', '/faults', rule),
    clearFaults: () => admin('DELETE', '/faults'),
  };
}

/** The embedded sandbox the booted app talks to. */
export function sandboxOf(booted: BootedApp): EmbeddedSandbox {
  const endpoints = booted.app.get<StreetManagerEndpoints>(STREET_MANAGER_ENDPOINTS);
  if (!endpoints.sandbox) {
    throw new Error('the app is not running against a sandbox');
  }
  return endpoints.sandbox;
}

/** The embedded sandbox's origin (for fault injection and counters). */
export function sandboxUrl(booted: BootedApp): string {
  return sandboxOf(booted).url;
}

/** The embedded sandbox's counters: sign-ins, refreshes, requests per API. */
export function sandboxStats(booted: BootedApp): Promise<SandboxStats> {
  return sandboxAdmin(sandboxOf(booted)).stats();
}

export async function setFault(booted: BootedApp, rule: Record<string, unknown>): Promise<void> {
  await sandboxAdmin(sandboxOf(booted)).faults(rule);
}

export async function clearFaults(booted: BootedApp): Promise<void> {
  await sandboxAdmin(sandboxOf(booted)).clearFaults();
}

/**
 * The gateway over a sandbox seeded with `works` works (default 600), for lists that need more rows than the default
 * data set gives one organisation; both share the app's clock. Closing it closes the sandbox too.
 */
export async function bootWithSandbox(works: number): Promise<BootedApp> {
  const clock = new TestClock();
  const sandbox = await createSandbox({ works, clock });
  const booted = await bootApp({
    clock,
    overrides: [{ provide: STREET_MANAGER_ENDPOINTS, useValue: endpointsFromSandbox(sandbox) }],
  });
  return {
    ...booted,
    close: async () => {
      await booted.close();
      await sandbox.close();
    },
  };
}
