import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { load as loadYaml } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { ConfigurationError, validateEnv } from './validate-env';

const toNumber = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const url = { require_tld: false, require_protocol: true, protocols: ['http', 'https'] };

class StreetManagerEnv {
  @IsOptional()
  @IsUrl(url)
  STREET_MANAGER_URL?: string;

  @IsOptional()
  @Matches(/^(v\d+|latest)$/, { message: 'STREET_MANAGER_VERSION must look like v6 or latest' })
  STREET_MANAGER_VERSION?: string;

  @IsOptional() @IsUrl(url) STREET_MANAGER_WORK_URL?: string;
  @IsOptional() @IsUrl(url) STREET_MANAGER_REPORTING_URL?: string;
  @IsOptional() @IsUrl(url) STREET_MANAGER_PARTY_URL?: string;
  @IsOptional() @IsUrl(url) STREET_MANAGER_LOOKUP_URL?: string;
  @IsOptional() @IsUrl(url) STREET_MANAGER_GEOJSON_URL?: string;
  @IsOptional() @IsUrl(url) STREET_MANAGER_EVENT_URL?: string;
  @IsOptional() @IsUrl(url) STREET_MANAGER_WORKLIST_URL?: string;

  @IsOptional()
  @IsEmail({ require_tld: false })
  STREET_MANAGER_EMAIL?: string;

  @IsOptional()
  @IsString()
  STREET_MANAGER_PASSWORD?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9]{1,4}$/, { message: 'STREET_MANAGER_ORGANISATION must be a SWA code such as 0123' })
  STREET_MANAGER_ORGANISATION?: string;

  @IsOptional()
  @IsString()
  STREET_MANAGER_CREDENTIALS_FILE?: string;

  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(50)
  @Max(60_000)
  STREET_MANAGER_CONNECT_TIMEOUT_MS?: number;
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(50)
  @Max(300_000)
  STREET_MANAGER_HEADERS_TIMEOUT_MS?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(50) @Max(300_000) STREET_MANAGER_BODY_TIMEOUT_MS?: number;
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  @Max(600_000)
  STREET_MANAGER_TOTAL_TIMEOUT_MS?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(10) STREET_MANAGER_RETRY_ATTEMPTS?: number;
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(60_000)
  STREET_MANAGER_RETRY_BASE_DELAY_MS?: number;
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(1)
  @Max(120_000)
  STREET_MANAGER_RETRY_MAX_DELAY_MS?: number;
  @IsOptional() @Transform(toNumber) @IsNumber() @Min(0) @Max(1) STREET_MANAGER_RETRY_BUDGET_RATIO?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(1000) STREET_MANAGER_BREAKER_FAILURES?: number;
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(100)
  @Max(600_000)
  STREET_MANAGER_BREAKER_HALF_OPEN_MS?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(10_000) STREET_MANAGER_BULKHEAD_SIZE?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(0) @Max(100_000) STREET_MANAGER_BULKHEAD_QUEUE?: number;
  @IsOptional()
  @Transform(toNumber)
  @IsNumber()
  @Min(0.1)
  @Max(10_000)
  STREET_MANAGER_RATE_PER_SECOND?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(10_000) STREET_MANAGER_RATE_BURST?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(0) @Max(600_000) STREET_MANAGER_PACER_MAX_WAIT_MS?: number;
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(0)
  @Max(3_000)
  STREET_MANAGER_TOKEN_RENEW_BEFORE_SECONDS?: number;
  @IsOptional() @Transform(toNumber) @IsInt() @Min(1) @Max(10) STREET_MANAGER_AUTH_ATTEMPTS?: number;
  @IsOptional()
  @Transform(toNumber)
  @IsInt()
  @Min(60)
  @Max(86_400)
  STREET_MANAGER_AUTH_FAILURE_COOLDOWN_SECONDS?: number;

  @IsOptional()
  @IsIn(['development', 'test', 'production'])
  NODE_ENV?: string;
}

/** The Street Manager V6 APIs the gateway calls, each at `${host}/${version}/${api}`. */
export const STREET_MANAGER_APIS = [
  'work',
  'reporting',
  'party',
  'lookup',
  'geojson',
  'event',
  'worklist',
] as const;
export type StreetManagerApiName = (typeof STREET_MANAGER_APIS)[number];

/** One Street Manager user. The password is not enumerable, so it never reaches a log line or JSON.stringify. */
export interface StreetManagerCredential {
  /** the organisation's SWA code, or `default` for the unbound default credential */
  readonly id: string;
  readonly organisation?: string;
  readonly email: string;
  readonly password: string;
}

export function credential(email: string, password: string, organisation?: string): StreetManagerCredential {
  const c = { id: organisation ?? 'default', organisation, email } as StreetManagerCredential;
  Object.defineProperty(c, 'password', { value: password, enumerable: false });
  return c;
}

function readCredentialsFile(path: string): StreetManagerCredential[] {
  let parsed: unknown;
  try {
    const text = readFileSync(path, 'utf8');
    parsed = path.endsWith('.json') ? JSON.parse(text) : loadYaml(text);
  } catch {
    throw new ConfigurationError([`STREET_MANAGER_CREDENTIALS_FILE: cannot read ${path} as YAML or JSON`]);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { credentials?: unknown } | null)?.credentials;
  if (!Array.isArray(list)) {
    throw new ConfigurationError([
      'STREET_MANAGER_CREDENTIALS_FILE: must hold a list of { organisation, email, password }',
    ]);
  }
  const problems: string[] = [];
  const credentials = list.flatMap((entry: unknown, index) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const organisation =
      typeof e.organisation === 'string' || typeof e.organisation === 'number' ? String(e.organisation) : '';
    if (
      !/^[A-Za-z0-9]{1,4}$/.test(organisation) ||
      typeof e.email !== 'string' ||
      typeof e.password !== 'string' ||
      !e.password
    ) {
      // Never echo the entry: it holds a password.
      problems.push(
        `STREET_MANAGER_CREDENTIALS_FILE: entry ${index + 1} needs organisation (SWA code), email and password`,
      );
      return [];
    }
    return [credential(e.email, e.password, organisation.padStart(4, '0'))];
  });
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }
  return credentials;
}

/** Exported for unit tests, which pass an environment instead of touching process.env. */
export function buildStreetManagerConfig(source: NodeJS.ProcessEnv = process.env) {
  const env = validateEnv(StreetManagerEnv, source);
  const problems: string[] = [];
  // V6 is the version the gateway's contract files describe (openapi/upstream/street-manager/v6); V3 was retired in 2023.
  const version = env.STREET_MANAGER_VERSION ?? 'v6';
  const host = env.STREET_MANAGER_URL?.replace(/\/$/, '');
  const overrides: Partial<Record<StreetManagerApiName, string | undefined>> = {
    work: env.STREET_MANAGER_WORK_URL,
    reporting: env.STREET_MANAGER_REPORTING_URL,
    party: env.STREET_MANAGER_PARTY_URL,
    lookup: env.STREET_MANAGER_LOOKUP_URL,
    geojson: env.STREET_MANAGER_GEOJSON_URL,
    event: env.STREET_MANAGER_EVENT_URL,
    worklist: env.STREET_MANAGER_WORKLIST_URL,
  };
  const allOverridden = STREET_MANAGER_APIS.every((api) => overrides[api]);
  const sandbox = !host && !allOverridden;
  const baseUrls = sandbox
    ? undefined
    : (Object.fromEntries(
        STREET_MANAGER_APIS.map((api) => [
          api,
          (overrides[api] ?? `${host}/${version}/${api}`).replace(/\/$/, ''),
        ]),
      ) as Record<StreetManagerApiName, string>);

  if (sandbox && env.NODE_ENV === 'production') {
    problems.push(
      'STREET_MANAGER_URL: must be set when NODE_ENV=production (the embedded sandbox is for development and tests only)',
    );
  }
  if (Boolean(env.STREET_MANAGER_EMAIL) !== Boolean(env.STREET_MANAGER_PASSWORD)) {
    problems.push('STREET_MANAGER_EMAIL and STREET_MANAGER_PASSWORD: set both or neither');
  }
  const credentials: StreetManagerCredential[] = [];
  if (env.STREET_MANAGER_EMAIL && env.STREET_MANAGER_PASSWORD) {
    credentials.push(
      credential(
        env.STREET_MANAGER_EMAIL,
        env.STREET_MANAGER_PASSWORD,
        env.STREET_MANAGER_ORGANISATION?.padStart(4, '0'),
      ),
    );
  }
  if (env.STREET_MANAGER_CREDENTIALS_FILE) {
    try {
      credentials.push(...readCredentialsFile(env.STREET_MANAGER_CREDENTIALS_FILE));
    } catch (e) {
      problems.push(
        ...(e instanceof ConfigurationError ? e.problems : ['STREET_MANAGER_CREDENTIALS_FILE: unreadable']),
      );
    }
  }
  const totalTimeoutMs = env.STREET_MANAGER_TOTAL_TIMEOUT_MS ?? 15_000;
  const headersTimeoutMs = env.STREET_MANAGER_HEADERS_TIMEOUT_MS ?? Math.min(10_000, totalTimeoutMs);
  const bodyTimeoutMs = env.STREET_MANAGER_BODY_TIMEOUT_MS ?? Math.min(10_000, totalTimeoutMs);
  const pacerMaxWaitMs = env.STREET_MANAGER_PACER_MAX_WAIT_MS ?? Math.min(2_000, totalTimeoutMs / 2);
  // Each of these ends a call before its deadline does; one longer than the deadline would never apply.
  for (const [name, value] of [
    ['STREET_MANAGER_HEADERS_TIMEOUT_MS', headersTimeoutMs],
    ['STREET_MANAGER_BODY_TIMEOUT_MS', bodyTimeoutMs],
    ['STREET_MANAGER_PACER_MAX_WAIT_MS', pacerMaxWaitMs],
  ] as const) {
    if (value > totalTimeoutMs) {
      problems.push(`${name} (${value}) must not exceed STREET_MANAGER_TOTAL_TIMEOUT_MS (${totalTimeoutMs})`);
    }
  }
  if (!sandbox && credentials.length === 0) {
    problems.push(
      'STREET_MANAGER_EMAIL / STREET_MANAGER_PASSWORD or STREET_MANAGER_CREDENTIALS_FILE: a real Street Manager needs at least one credential',
    );
  }
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }

  return {
    /** undefined = no upstream configured: StreetManagerModule starts the embedded sandbox */
    baseUrls,
    version,
    credentials,
    upstream: {
      connectTimeoutMs: env.STREET_MANAGER_CONNECT_TIMEOUT_MS ?? 2_000,
      headersTimeoutMs,
      bodyTimeoutMs,
      totalTimeoutMs,
      retry: {
        maxAttempts: env.STREET_MANAGER_RETRY_ATTEMPTS ?? 3,
        baseDelayMs: env.STREET_MANAGER_RETRY_BASE_DELAY_MS ?? 100,
        maxDelayMs: env.STREET_MANAGER_RETRY_MAX_DELAY_MS ?? 2_000,
        budgetRatio: env.STREET_MANAGER_RETRY_BUDGET_RATIO ?? 0.2,
      },
      breaker: {
        consecutiveFailures: env.STREET_MANAGER_BREAKER_FAILURES ?? 5,
        halfOpenAfterMs: env.STREET_MANAGER_BREAKER_HALF_OPEN_MS ?? 10_000,
      },
      bulkhead: {
        maxConcurrent: env.STREET_MANAGER_BULKHEAD_SIZE ?? 64,
        maxQueue: env.STREET_MANAGER_BULKHEAD_QUEUE ?? 256,
      },
    },
    pacer: {
      ratePerSecond: env.STREET_MANAGER_RATE_PER_SECOND ?? 20,
      burst:
        env.STREET_MANAGER_RATE_BURST ?? Math.max(1, Math.ceil(env.STREET_MANAGER_RATE_PER_SECOND ?? 20)),
      /** longest a call waits for its turn; beyond it a fast 503 UPSTREAM_BUSY with Retry-After */
      maxWaitMs: pacerMaxWaitMs,
    },
    session: {
      renewBeforeSeconds: env.STREET_MANAGER_TOKEN_RENEW_BEFORE_SECONDS ?? 300,
      authAttempts: env.STREET_MANAGER_AUTH_ATTEMPTS ?? 4,
      authBaseDelayMs: 250,
      authMaxDelayMs: 5_000,
      credentialsFailureCooldownSeconds: env.STREET_MANAGER_AUTH_FAILURE_COOLDOWN_SECONDS ?? 900,
    },
  };
}

export const streetManagerConfig = registerAs('streetManager', () => buildStreetManagerConfig());
export type StreetManagerConfig = ReturnType<typeof buildStreetManagerConfig>;
