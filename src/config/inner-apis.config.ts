import { registerAs } from '@nestjs/config';
import { IsOptional, IsString } from 'class-validator';
import { load as loadYaml } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { ConfigurationError, validateEnv } from './validate-env';

class InnerApisEnv {
  /** JSON list of inner APIs (see InnerApiSettings) */
  @IsOptional()
  @IsString()
  INNER_APIS?: string;

  /** the same list in a YAML or JSON file */
  @IsOptional()
  @IsString()
  INNER_APIS_FILE?: string;
}

/** One inner API: the organisation's own service, reached with an Azure AD client-credentials token. */
export interface InnerApiSettings {
  name: string;
  baseUrl: string;
  /** Entra ID authority, e.g. https://login.microsoftonline.com/{tenant} (msal-node) */
  authority?: string;
  /** a plain OAuth2 token endpoint; loopback only (sandbox and tests), since msal-node refuses http authorities */
  tokenUrl?: string;
  clientId: string;
  readonly clientSecret: string;
  scope: string;
  connectTimeoutMs: number;
  timeoutMs: number;
  totalTimeoutMs: number;
  /** relative to baseUrl; registered with /healthcheck */
  healthPath?: string;
  /**
   * SWA codes of the organisations whose data this API holds (the works register: whose job numbers and cost
   * centres it keeps). Callers bound to another organisation never see its answers; none listed = no bound caller.
   */
  organisations: string[];
}

const NAME = /^[a-z][a-z0-9-]{0,40}$/;
const SWA_CODE = /^[A-Za-z0-9]{1,4}$/;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isUrl(value: unknown): value is string {
  if (typeof value !== 'string') {
    return false;
  }
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function positive(value: unknown, fallback: number): number | undefined {
  if (value === undefined) {
    return fallback;
  }
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= 600_000
    ? value
    : undefined;
}

export function parseInnerApis(list: unknown, source: string): InnerApiSettings[] {
  if (!Array.isArray(list)) {
    throw new ConfigurationError([`${source}: must be a list of inner APIs`]);
  }
  const problems: string[] = [];
  const apis = list.flatMap((raw: unknown, index): InnerApiSettings[] => {
    const e = (raw ?? {}) as Record<string, unknown>;
    const where = `${source}[${index}]${typeof e.name === 'string' ? ` (${e.name})` : ''}`;
    const before = problems.length;
    if (typeof e.name !== 'string' || !NAME.test(e.name)) {
      problems.push(`${where}: name must be lowercase letters, digits and hyphens`);
    }
    if (!isUrl(e.baseUrl)) {
      problems.push(`${where}: baseUrl must be an http(s) URL`);
    }
    if (e.authority === undefined && e.tokenUrl === undefined) {
      problems.push(`${where}: give authority (Entra ID) or tokenUrl (loopback test issuer)`);
    }
    if (e.authority !== undefined && (!isUrl(e.authority) || !e.authority.startsWith('https://'))) {
      problems.push(`${where}: authority must be an https URL`);
    }
    if (e.tokenUrl !== undefined && (!isUrl(e.tokenUrl) || !LOOPBACK.has(new URL(e.tokenUrl).hostname))) {
      problems.push(`${where}: tokenUrl is for loopback test issuers only; use authority for Entra ID`);
    }
    for (const field of ['clientId', 'clientSecret', 'scope'] as const) {
      if (typeof e[field] !== 'string' || !e[field]) {
        problems.push(`${where}: ${field} is required`);
      }
    }
    if (e.healthPath !== undefined && (typeof e.healthPath !== 'string' || !e.healthPath.startsWith('/'))) {
      problems.push(`${where}: healthPath must start with /`);
    }
    const organisations = e.organisations ?? [];
    if (
      !Array.isArray(organisations) ||
      !organisations.every((o) => typeof o === 'string' && SWA_CODE.test(o))
    ) {
      problems.push(`${where}: organisations must be a list of SWA codes (1 to 4 letters or digits)`);
    }
    const connectTimeoutMs = positive(e.connectTimeoutMs, 2_000);
    const timeoutMs = positive(e.timeoutMs, 5_000);
    const totalTimeoutMs = positive(e.totalTimeoutMs, 8_000);
    if (connectTimeoutMs === undefined || timeoutMs === undefined || totalTimeoutMs === undefined) {
      problems.push(`${where}: timeouts must be whole milliseconds between 1 and 600000`);
    }
    if (problems.length > before) {
      return [];
    }
    return [
      innerApi({
        name: e.name as string,
        baseUrl: (e.baseUrl as string).replace(/\/$/, ''),
        authority: e.authority as string | undefined,
        tokenUrl: e.tokenUrl as string | undefined,
        clientId: e.clientId as string,
        clientSecret: e.clientSecret as string,
        scope: e.scope as string,
        connectTimeoutMs: connectTimeoutMs!,
        timeoutMs: timeoutMs!,
        totalTimeoutMs: totalTimeoutMs!,
        healthPath: e.healthPath as string | undefined,
        organisations: organisations as string[],
      }),
    ];
  });
  const names = apis.map((a) => a.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) {
    problems.push(`${source}: inner API ${duplicate} is declared twice`);
  }
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }
  return apis;
}

/** The secret is not enumerable, so the settings can be logged or serialised without it. */
export function innerApi(settings: InnerApiSettings): InnerApiSettings {
  const { clientSecret, ...rest } = settings;
  const api = { ...rest } as InnerApiSettings;
  Object.defineProperty(api, 'clientSecret', { value: clientSecret, enumerable: false });
  return api;
}

export const innerApisConfig = registerAs('innerApis', () => {
  const env = validateEnv(InnerApisEnv);
  const apis: InnerApiSettings[] = [];
  if (env.INNER_APIS) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(env.INNER_APIS);
    } catch {
      throw new ConfigurationError(['INNER_APIS: must be a JSON list']);
    }
    apis.push(...parseInnerApis(parsed, 'INNER_APIS'));
  }
  if (env.INNER_APIS_FILE) {
    let parsed: unknown;
    try {
      const text = readFileSync(env.INNER_APIS_FILE, 'utf8');
      parsed = env.INNER_APIS_FILE.endsWith('.json') ? JSON.parse(text) : loadYaml(text);
    } catch {
      throw new ConfigurationError([`INNER_APIS_FILE: cannot read ${env.INNER_APIS_FILE} as YAML or JSON`]);
    }
    apis.push(...parseInnerApis(parsed, 'INNER_APIS_FILE'));
  }
  return { apis };
});
export type InnerApisConfig = ReturnType<typeof innerApisConfig>;
