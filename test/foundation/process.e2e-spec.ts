import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The production entry point, dist/main.js, as a child process: configuration is validated at boot with one message
 * naming every bad variable, and SIGTERM ends the process with exit code 0. Builds dist/ first (as `npm start` does).
 */
const ROOT = resolve(__dirname, '..', '..');
const MAIN = resolve(ROOT, 'dist', 'main.js');

/** Only what a shell passes on, so the child sees exactly the variables each test gives it. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

function isFresh(): boolean {
  if (!existsSync(MAIN)) {
    return false;
  }
  const built = statSync(MAIN).mtimeMs;
  const sources = readdirSync(resolve(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  return sources.every((f) => statSync(resolve(ROOT, 'src', f)).mtimeMs <= built);
}

describe('dist/main.js (e2e, child process)', () => {
  beforeAll(async () => {
    if (isFresh()) {
      return; // CI builds before testing; rebuilding would only cost time
    }
    // Type errors elsewhere still emit JavaScript; the tests below then say what is wrong at run time.
    await promisify(execFile)(resolve(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
      cwd: ROOT,
    }).catch(() => undefined);
    expect(existsSync(MAIN)).toBe(true);
  }, 120_000);

  it('refuses to start with bad configuration, naming every bad variable in one message', async () => {
    const bad = {
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      BODY_LIMIT_BYTES: '10',
      PUBLIC_BASE_URL: 'not a url',
      SHUTDOWN_GRACE_MS: '-1',
    };
    const result = await promisify(execFile)(process.execPath, [MAIN], { cwd: ROOT, env: env(bad) }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Invalid configuration:/);
    for (const name of Object.keys(bad)) {
      expect(result.stderr).toContain(`${name}:`);
    }
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  }, 60_000);

  it('serves, then exits 0 on SIGTERM', async () => {
    const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: env({ SHUTDOWN_GRACE_MS: '5000' }) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));

    const url = await new Promise<string>((done, fail) => {
      child.stdout.on('data', () => {
        const match = /listening on (http:\/\/[^"\s]+)/.exec(output);
        if (match?.[1]) {
          done(match[1]);
        }
      });
      void exited.then((code) => fail(new Error(`exited ${code} before listening:\n${output}`)));
    });
    const status = await fetch(`${url}/status`);
    expect(status.status).toBe(200);
    expect(await status.json()).toEqual({ status: 'ok' });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM received: draining in-flight requests');
  }, 60_000);
});
