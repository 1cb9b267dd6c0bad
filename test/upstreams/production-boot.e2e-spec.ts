import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/*
 * A gateway configured with a real Street Manager never loads the embedded sandbox: not its code, its seed data nor
 * its demo passwords. Boots the built AppModule (dist/, built by the e2e globalSetup) in a child process, because
 * only a plain Node process has a require.cache that tells which files were loaded.
 */
const ROOT = join(__dirname, '..', '..');

const BOOT = `
require('reflect-metadata');
const { NestFactory } = require('@nestjs/core');
const { AppModule } = require('./dist/app.module');
NestFactory.createApplicationContext(AppModule, { logger: false }).then(async (app) => {
  const loaded = Object.keys(require.cache).map((p) => p.slice(process.cwd().length + 1)).filter((p) => /^(dist|src)\\/sandbox\\//.test(p));
  await app.close();
  process.stdout.write(JSON.stringify(loaded));
}, (e) => { process.stderr.write(String(e && e.stack)); process.exit(1); });
`;

function bootAndListSandboxFiles(env: Record<string, string>): string[] {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('STREET_MANAGER_') && k !== 'REDIS_URL'),
  );
  const result = spawnSync(process.execPath, ['-e', BOOT], {
    cwd: ROOT,
    env: { ...clean, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) {
    throw new Error(`the gateway did not boot (${result.status}):\n${result.stderr.slice(-2000)}`);
  }
  return JSON.parse(result.stdout) as string[];
}

describe('production boot', () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'app.module.js'))) {
      throw new Error(
        'dist/app.module.js is missing: run npm run build (the e2e globalSetup does it when src/ is newer)',
      );
    }
  });

  it('with STREET_MANAGER_URL set, loads nothing from src/sandbox', () => {
    const loaded = bootAndListSandboxFiles({
      // nothing listens there: booting makes no Street Manager call
      STREET_MANAGER_URL: 'http://127.0.0.1:9',
      STREET_MANAGER_EMAIL: 'gateway@example.org',
      STREET_MANAGER_PASSWORD: 'not-used',
    });
    expect(loaded).toEqual([]);
  });

  it('without it, starts the embedded sandbox (so the check above can see sandbox files)', () => {
    const loaded = bootAndListSandboxFiles({});
    expect(loaded).toEqual(
      expect.arrayContaining([
        'dist/sandbox/sandbox.js',
        'dist/sandbox/data/seed.js',
        'dist/sandbox/sandbox-endpoints.js',
      ]),
    );
  });
});
