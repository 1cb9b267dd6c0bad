import { buildAuthConfig } from './auth.config';
import { ConfigurationError } from './validate-env';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    buildAuthConfig(env);
  } catch (e) {
    return (e as ConfigurationError).problems;
  }
  return [];
}

describe('auth configuration', () => {
  it('has demo subscriptions and no bearer auth on a fresh machine (sandbox mode)', () => {
    const config = buildAuthConfig({});
    expect(config.azureAd).toBeUndefined();
    expect(config.sandbox).toEqual({
      demoKey: 'sandbox-demo-key',
      promoterKey: 'sandbox-promoter-key',
      authorityKey: 'sandbox-authority-key',
      promoterOrganisation: '7374',
      authorityOrganisation: '4720',
    });
    expect(buildAuthConfig({ SANDBOX_SUBSCRIPTION_KEY: 'my-own-demo-key' }).sandbox?.demoKey).toBe(
      'my-own-demo-key',
    );
  });

  it('has no demo subscriptions against a real Street Manager or in production', () => {
    expect(
      buildAuthConfig({ STREET_MANAGER_URL: 'https://api.sandbox.manage-roadworks.service.gov.uk' }).sandbox,
    ).toBeUndefined();
    expect(
      buildAuthConfig({ NODE_ENV: 'production', SUBSCRIPTIONS_FILE: '/etc/gw/subscriptions.yaml' }).sandbox,
    ).toBeUndefined();
  });

  it('refuses to start in production with no way to authenticate callers', () => {
    expect(problems({ NODE_ENV: 'production', STREET_MANAGER_URL: 'https://sm.example' })).toEqual([
      'SUBSCRIPTIONS_FILE or AZURE_AD_TENANT_ID + AZURE_AD_AUDIENCE: production needs at least one way to authenticate callers',
    ]);
    expect(
      problems({ NODE_ENV: 'production', AZURE_AD_TENANT_ID: 'tenant-1', AZURE_AD_AUDIENCE: 'api://gw' }),
    ).toEqual([]);
  });

  it('derives the v2 issuer and the tenant keys URL, and lets both be overridden', () => {
    const azure = buildAuthConfig({ AZURE_AD_TENANT_ID: 'tenant-1', AZURE_AD_AUDIENCE: 'api://gw' }).azureAd;
    expect(azure).toMatchObject({
      issuer: 'https://login.microsoftonline.com/tenant-1/v2.0',
      jwksUri: 'https://login.microsoftonline.com/tenant-1/discovery/v2.0/keys',
      clockSkewSeconds: 30,
      jwksCooldownMs: 30_000,
      allowDelegated: false,
      defaultProduct: 'internal',
    });
    const custom = buildAuthConfig({
      AZURE_AD_TENANT_ID: 'tenant-1',
      AZURE_AD_AUDIENCE: 'api://gw',
      AZURE_AD_ISSUER: 'https://sts.windows.net/tenant-1/',
      AZURE_AD_JWKS_URI: 'https://keys.example/keys',
      AZURE_AD_CLIENTS:
        '{"app-1": {"name": "Works register", "product": "internal", "organisation": "4720"}}',
    }).azureAd;
    expect(custom).toMatchObject({
      issuer: 'https://sts.windows.net/tenant-1/',
      jwksUri: 'https://keys.example/keys',
      clients: { 'app-1': { name: 'Works register', product: 'internal', organisation: '4720' } },
    });
  });

  it('names every bad variable', () => {
    expect(problems({ AZURE_AD_TENANT_ID: 'tenant-1' })).toEqual([
      'AZURE_AD_TENANT_ID and AZURE_AD_AUDIENCE: set both to accept Azure AD bearer tokens, or neither',
    ]);
    expect(
      problems({ AZURE_AD_TENANT_ID: 'tenant-1', AZURE_AD_AUDIENCE: 'a', AZURE_AD_CLIENTS: 'nope' }),
    ).toHaveLength(1);
    expect(problems({ AZURE_AD_CLOCK_SKEW_SECONDS: '3600', BODY_MAX_DEPTH: '1' })).toHaveLength(2);
  });
});
