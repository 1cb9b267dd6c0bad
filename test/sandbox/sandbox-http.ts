import type { RunningSandbox, SandboxUser } from '../../src/sandbox/sandbox.types';

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

/** A plain HTTP call to the sandbox; the body is parsed when it is JSON, else left as text. */
export async function call(method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) {
    headers.token = options.token;
  }
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
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
  const res = await call('POST', `${sandbox.baseUrls.work}/authenticate`, { body: { emailAddress: user.email, password: user.password } });
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
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}
