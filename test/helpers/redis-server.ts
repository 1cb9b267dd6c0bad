import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { waitForOutput } from './child-output';

/**
 * A real `redis-server` for tests: started on a free loopback port with no persistence, stopped by its PID.
 * When redis-server is not installed the suites that need it are skipped with a loud message on a developer's machine
 * and fail in CI (CI=true), where `.ci/run` installs it.
 */
export const REDIS_SERVER_AVAILABLE =
  spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;

const IN_CI = Boolean(process.env.CI);

/** `describe` when redis-server exists; otherwise a skip (developer machine) or a failing suite (CI). */
export function describeWithRedis(name: string, body: () => void): void {
  if (REDIS_SERVER_AVAILABLE) {
    describe(name, body);
    return;
  }
  if (IN_CI) {
    describe(name, () => {
      it('needs redis-server on PATH', () => {
        throw new Error(
          'redis-server is not installed: .ci/run must install it (apt-get install redis-server)',
        );
      });
    });
    return;
  }
  process.stderr.write(
    `\n!!! SKIPPED "${name}": redis-server is not on PATH. Install it (apt-get install redis-server) for the full suite.\n\n`,
  );
  describe.skip(name, body);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Children still running, killed by PID if the test process exits before their afterAll ran. */
const running = new Set<ChildProcess>();
let exitHandlerInstalled = false;

export function trackChild(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (!exitHandlerInstalled) {
    exitHandlerInstalled = true;
    process.once('exit', () => {
      for (const c of running) {
        if (c.pid !== undefined) {
          try {
            process.kill(c.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
    });
  }
}

/** Sends `signal` to the PID, then SIGKILL if it has not exited after `graceMs`; resolves once it has exited. */
export async function stopByPid(
  child: ChildProcess,
  graceMs = 5_000,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, signal);
  const timer = setTimeout(() => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      process.kill(child.pid, 'SIGKILL');
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

export interface RedisServer {
  port: number;
  url: string;
  pid: number;
  /** stops it by PID (SIGKILL: a Redis that vanishes, as in an outage) */
  kill(): Promise<void>;
  /** stops it by PID (SIGTERM) */
  stop(): Promise<void>;
  readonly running: boolean;
}

export async function startRedisServer(port?: number): Promise<RedisServer> {
  const chosen = port ?? (await freePort());
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(chosen),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--protected-mode',
      'yes',
      '--loglevel',
      'notice',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  trackChild(child);
  child.stderr?.resume();
  try {
    await waitForOutput(child, child.stdout, /ready to accept connections/i, {
      what: 'redis-server',
      timeoutMs: 5_000,
    });
  } catch (e) {
    await stopByPid(child, 0, 'SIGKILL');
    throw e;
  }
  child.stdout?.resume();
  return {
    port: chosen,
    url: `redis://127.0.0.1:${chosen}`,
    pid: child.pid!,
    kill: () => stopByPid(child, 0, 'SIGKILL'),
    stop: () => stopByPid(child),
    get running() {
      return child.exitCode === null && child.signalCode === null;
    },
  };
}
