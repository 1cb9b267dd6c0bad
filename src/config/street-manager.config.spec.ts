import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildStreetManagerConfig } from './street-manager.config';
import { ConfigurationError } from './validate-env';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    buildStreetManagerConfig(env);
    return [];
  } catch (e) {
    return e instanceof ConfigurationError ? e.problems : [String(e)];
  }
}

describe('street manager configuration', () => {
  it('derives every API base from the host and version, and lets per-API overrides win', () => {
    const config = buildStreetManagerConfig({
      STREET_MANAGER_URL: 'https://api.sandbox.manage-roadworks.service.gov.uk/',
      STREET_MANAGER_REPORTING_URL: 'https://reporting.example.test/v6/reporting',
      STREET_MANAGER_EMAIL: 'gateway@example.test',
      STREET_MANAGER_PASSWORD: 'pw',
    });
    expect(config.baseUrls).toEqual({
      work: 'https://api.sandbox.manage-roadworks.service.gov.uk/v6/work',
      reporting: 'https://reporting.example.test/v6/reporting',
      party: 'https://api.sandbox.manage-roadworks.service.gov.uk/v6/party',
      lookup: 'https://api.sandbox.manage-roadworks.service.gov.uk/v6/lookup',
      geojson: 'https://api.sandbox.manage-roadworks.service.gov.uk/v6/geojson',
      event: 'https://api.sandbox.manage-roadworks.service.gov.uk/v6/event',
      worklist: 'https://api.sandbox.manage-roadworks.service.gov.uk/v6/worklist',
    });
    expect(config.version).toBe('v6');
    expect(config.upstream.retry).toEqual({
      maxAttempts: 3,
      baseDelayMs: 100,
      maxDelayMs: 2000,
      budgetRatio: 0.2,
    });
  });

  it('means the embedded sandbox when no URL is set, and refuses that in production', () => {
    expect(buildStreetManagerConfig({}).baseUrls).toBeUndefined();
    expect(problems({ NODE_ENV: 'production' })).toEqual([
      'STREET_MANAGER_URL: must be set when NODE_ENV=production (the embedded sandbox is for development and tests only)',
    ]);
  });

  it('waits at most 2 s for the pacer by default, and takes a configured wait', () => {
    expect(buildStreetManagerConfig({}).pacer).toEqual({ ratePerSecond: 20, burst: 20, maxWaitMs: 2_000 });
    expect(buildStreetManagerConfig({ STREET_MANAGER_PACER_MAX_WAIT_MS: '0' }).pacer.maxWaitMs).toBe(0);
    expect(problems({ STREET_MANAGER_PACER_MAX_WAIT_MS: '-1' }).join('\n')).toMatch(
      /STREET_MANAGER_PACER_MAX_WAIT_MS/,
    );
  });

  it('refuses a wait or timeout that would outlive the call deadline (it could never apply)', () => {
    expect(
      problems({
        STREET_MANAGER_TOTAL_TIMEOUT_MS: '5000',
        STREET_MANAGER_HEADERS_TIMEOUT_MS: '8000',
        STREET_MANAGER_PACER_MAX_WAIT_MS: '6000',
      }),
    ).toEqual([
      'STREET_MANAGER_HEADERS_TIMEOUT_MS (8000) must not exceed STREET_MANAGER_TOTAL_TIMEOUT_MS (5000)',
      'STREET_MANAGER_PACER_MAX_WAIT_MS (6000) must not exceed STREET_MANAGER_TOTAL_TIMEOUT_MS (5000)',
    ]);
    // a short deadline alone brings the defaults under it
    expect(buildStreetManagerConfig({ STREET_MANAGER_TOTAL_TIMEOUT_MS: '4000' }).upstream).toMatchObject({
      headersTimeoutMs: 4_000,
      bodyTimeoutMs: 4_000,
      totalTimeoutMs: 4_000,
    });
  });

  it('names every bad variable', () => {
    const found = problems({
      STREET_MANAGER_URL: 'not a url',
      STREET_MANAGER_RETRY_ATTEMPTS: '0',
      STREET_MANAGER_EMAIL: 'a@b.test',
    });
    expect(found.join('\n')).toMatch(/STREET_MANAGER_URL/);
    expect(found.join('\n')).toMatch(/STREET_MANAGER_RETRY_ATTEMPTS/);
  });

  it('reads more credentials from a YAML file, padding SWA codes, and never serialises a password', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-creds-'));
    const file = join(dir, 'credentials.yaml');
    writeFileSync(
      file,
      '- organisation: 7\n  email: ha@example.test\n  password: secret-one\n- organisation: "0123"\n  email: p@example.test\n  password: secret-two\n',
    );
    const config = buildStreetManagerConfig({
      STREET_MANAGER_URL: 'https://sm.example.test',
      STREET_MANAGER_EMAIL: 'default@example.test',
      STREET_MANAGER_PASSWORD: 'secret-zero',
      STREET_MANAGER_CREDENTIALS_FILE: file,
    });
    expect(config.credentials.map((c) => [c.id, c.organisation, c.email])).toEqual([
      ['default', undefined, 'default@example.test'],
      ['0007', '0007', 'ha@example.test'],
      ['0123', '0123', 'p@example.test'],
    ]);
    expect(config.credentials[1].password).toBe('secret-one');
    expect(JSON.stringify(config)).not.toMatch(/secret-/);
  });

  it('rejects a credentials file entry without leaking it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sm-creds-'));
    const file = join(dir, 'credentials.json');
    writeFileSync(file, JSON.stringify([{ email: 'x@example.test', password: 'leak-me' }]));
    const found = problems({
      STREET_MANAGER_URL: 'https://sm.example.test',
      STREET_MANAGER_CREDENTIALS_FILE: file,
    });
    expect(found).toContain(
      'STREET_MANAGER_CREDENTIALS_FILE: entry 1 needs organisation (SWA code), email and password',
    );
    expect(found.join('\n')).not.toContain('leak-me');
  });
});
