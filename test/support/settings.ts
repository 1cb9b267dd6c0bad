import type { AuthConfig, AzureAdSettings } from '../../src/config/auth.config';
import type { RateLimitWindow, ThrottlingConfig } from '../../src/config/throttling.config';
import { APP_ID, AUDIENCE, ISSUER, TENANT } from './local-issuer';

/** Auth settings with nothing enabled; each suite switches on what it tests. */
export function authSettings(over: Partial<AuthConfig> = {}): AuthConfig {
  return {
    azureAd: undefined,
    subscriptionsFile: undefined,
    subscriptionsReloadSeconds: 0,
    sandbox: undefined,
    bodyMaxDepth: 32,
    ...over,
  };
}

export function azureAdSettings(jwksUri: string, over: Partial<AzureAdSettings> = {}): AzureAdSettings {
  return {
    tenantId: TENANT,
    audience: AUDIENCE,
    issuer: ISSUER,
    jwksUri,
    clockSkewSeconds: 30,
    jwksCooldownMs: 60_000,
    jwksCacheMaxAgeMs: 600_000,
    allowDelegated: false,
    clients: { [APP_ID]: { name: 'Works register', product: 'internal', organisation: '4720' } },
    defaultProduct: 'internal',
    ...over,
  };
}

export const SANDBOX_KEYS = {
  demoKey: 'sandbox-demo-key-for-tests',
  promoterKey: 'sandbox-promoter-key',
  authorityKey: 'sandbox-authority-key',
  promoterOrganisation: '7374',
  authorityOrganisation: '4720',
};

/** Generous limits, so suites that do not test throttling never meet it. */
export function throttlingSettings(
  products: Record<string, RateLimitWindow[]> = {},
  enabled = true,
): ThrottlingConfig {
  const roomy = [{ name: 'per-second', limit: 10_000, windowSeconds: 1 }];
  return {
    enabled,
    products: { default: roomy, internal: roomy, anonymous: roomy, sandbox: roomy, ...products },
  };
}
