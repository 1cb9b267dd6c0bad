import { registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { ConfigurationError, validateEnv } from './validate-env';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : Number(value);
const SWA_CODE = /^[A-Za-z0-9]{1,10}$/;

class AuthEnv {
  @IsOptional()
  @Matches(/^[A-Za-z0-9.-]{1,64}$/, { message: 'AZURE_AD_TENANT_ID must be a tenant id (GUID)' })
  AZURE_AD_TENANT_ID?: string;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  AZURE_AD_AUDIENCE?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  AZURE_AD_ISSUER?: string;

  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  AZURE_AD_JWKS_URI?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  AZURE_AD_CLOCK_SKEW_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  AZURE_AD_JWKS_COOLDOWN_SECONDS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86_400)
  AZURE_AD_JWKS_CACHE_SECONDS?: number;

  @IsOptional()
  @IsIn(['true', 'false'])
  AZURE_AD_ALLOW_DELEGATED?: string;

  @IsOptional()
  @IsString()
  AZURE_AD_CLIENTS?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/)
  AZURE_AD_DEFAULT_PRODUCT?: string;

  @IsOptional()
  @IsString()
  SUBSCRIPTIONS_FILE?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86_400)
  SUBSCRIPTIONS_RELOAD_SECONDS?: number;

  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  SANDBOX_SUBSCRIPTION_KEY?: string;

  @IsOptional()
  @Matches(SWA_CODE)
  SANDBOX_PROMOTER_ORGANISATION?: string;

  @IsOptional()
  @Matches(SWA_CODE)
  SANDBOX_AUTHORITY_ORGANISATION?: string;

  @IsOptional()
  @IsString()
  STREET_MANAGER_URL?: string;

  @IsOptional()
  @IsIn(['development', 'test', 'production'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(256)
  BODY_MAX_DEPTH?: number;
}

/** What an Azure AD application (by its azp/appid) is to the gateway; unknown apps get the default product. */
export interface AzureAdClient {
  name?: string;
  product?: string;
  organisation?: string;
}

function parseClients(raw: string | undefined): Record<string, AzureAdClient> {
  if (!raw) {
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigurationError([
      'AZURE_AD_CLIENTS: must be JSON, e.g. {"<app id>": {"name": "...", "product": "internal", "organisation": "7332"}}',
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigurationError([
      'AZURE_AD_CLIENTS: must be a JSON object keyed by application (client) id',
    ]);
  }
  const clients: Record<string, AzureAdClient> = {};
  for (const [appId, value] of Object.entries(parsed as Record<string, unknown>)) {
    const v = (value ?? {}) as Record<string, unknown>;
    const ok =
      typeof value === 'object' &&
      (v.name === undefined || typeof v.name === 'string') &&
      (v.product === undefined || typeof v.product === 'string') &&
      (v.organisation === undefined || (typeof v.organisation === 'string' && SWA_CODE.test(v.organisation)));
    if (!ok) {
      throw new ConfigurationError([
        `AZURE_AD_CLIENTS: entry ${appId} must be { name?, product?, organisation? (SWA code) }`,
      ]);
    }
    clients[appId] = {
      name: v.name as string | undefined,
      product: v.product as string | undefined,
      organisation: v.organisation as string | undefined,
    };
  }
  return clients;
}

export const DEFAULT_SANDBOX_KEYS = {
  demo: 'sandbox-demo-key',
  promoter: 'sandbox-promoter-key',
  authority: 'sandbox-authority-key',
} as const;

export function buildAuthConfig(source: NodeJS.ProcessEnv): AuthConfigShape {
  const env = validateEnv(AuthEnv, source);
  const production = env.NODE_ENV === 'production';
  const problems: string[] = [];

  let azureAd: AzureAdSettings | undefined;
  if (env.AZURE_AD_TENANT_ID || env.AZURE_AD_AUDIENCE) {
    if (!env.AZURE_AD_TENANT_ID || !env.AZURE_AD_AUDIENCE) {
      problems.push(
        'AZURE_AD_TENANT_ID and AZURE_AD_AUDIENCE: set both to accept Azure AD bearer tokens, or neither',
      );
    } else {
      const tenant = env.AZURE_AD_TENANT_ID;
      azureAd = {
        tenantId: tenant,
        audience: env.AZURE_AD_AUDIENCE,
        issuer: env.AZURE_AD_ISSUER ?? `https://login.microsoftonline.com/${tenant}/v2.0`,
        jwksUri: env.AZURE_AD_JWKS_URI ?? `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
        clockSkewSeconds: env.AZURE_AD_CLOCK_SKEW_SECONDS ?? 30,
        jwksCooldownMs: (env.AZURE_AD_JWKS_COOLDOWN_SECONDS ?? 30) * 1000,
        jwksCacheMaxAgeMs: (env.AZURE_AD_JWKS_CACHE_SECONDS ?? 600) * 1000,
        allowDelegated: env.AZURE_AD_ALLOW_DELEGATED === 'true',
        clients: parseClients(env.AZURE_AD_CLIENTS),
        defaultProduct: env.AZURE_AD_DEFAULT_PRODUCT ?? 'internal',
      };
    }
  }

  // The sandbox stands in for Street Manager when no URL is configured; its demo keys must never exist in production.
  const sandboxMode = !env.STREET_MANAGER_URL && !production;
  if (production && !azureAd && !env.SUBSCRIPTIONS_FILE) {
    problems.push(
      'SUBSCRIPTIONS_FILE or AZURE_AD_TENANT_ID + AZURE_AD_AUDIENCE: production needs at least one way to authenticate callers',
    );
  }
  if (problems.length > 0) {
    throw new ConfigurationError(problems);
  }

  return {
    azureAd,
    subscriptionsFile: env.SUBSCRIPTIONS_FILE,
    subscriptionsReloadSeconds: env.SUBSCRIPTIONS_RELOAD_SECONDS ?? 30,
    sandbox: sandboxMode
      ? {
          demoKey: env.SANDBOX_SUBSCRIPTION_KEY ?? DEFAULT_SANDBOX_KEYS.demo,
          promoterKey: DEFAULT_SANDBOX_KEYS.promoter,
          authorityKey: DEFAULT_SANDBOX_KEYS.authority,
          // Northern Gas Networks and Leeds City Council in the sandbox's seeded organisations (src/sandbox/data).
          promoterOrganisation: env.SANDBOX_PROMOTER_ORGANISATION ?? '7374',
          authorityOrganisation: env.SANDBOX_AUTHORITY_ORGANISATION ?? '4720',
        }
      : undefined,
    bodyMaxDepth: env.BODY_MAX_DEPTH ?? 32,
  };
}

export const authConfig = registerAs('auth', (): AuthConfigShape => buildAuthConfig(process.env));

export interface AzureAdSettings {
  tenantId: string;
  audience: string;
  issuer: string;
  jwksUri: string;
  clockSkewSeconds: number;
  jwksCooldownMs: number;
  jwksCacheMaxAgeMs: number;
  allowDelegated: boolean;
  clients: Record<string, AzureAdClient>;
  defaultProduct: string;
}

export interface SandboxSubscriptionSettings {
  demoKey: string;
  promoterKey: string;
  authorityKey: string;
  /** SWA codes of the organisations the bound demo subscriptions act for */
  promoterOrganisation: string;
  authorityOrganisation: string;
}

interface AuthConfigShape {
  azureAd?: AzureAdSettings;
  subscriptionsFile?: string;
  subscriptionsReloadSeconds: number;
  sandbox?: SandboxSubscriptionSettings;
  bodyMaxDepth: number;
}
export type AuthConfig = AuthConfigShape;

/** For the subscriptions CLI, which runs outside Nest but must not read process.env itself. */
export function subscriptionsFileFromEnv(): string | undefined {
  return process.env.SUBSCRIPTIONS_FILE || undefined;
}
