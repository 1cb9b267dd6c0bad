import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { waitForOutput } from '../helpers/child-output';
import { freePort, stopByPid, trackChild } from '../helpers/redis-server';

/**
 * The built gateway (`node dist/main.js`) with its stdout on a pipe nobody reads: once the pipe (64 KiB) and the
 * log buffer are full, log lines are dropped and counted, requests are still answered, and SIGTERM still ends the
 * process within SHUTDOWN_GRACE_MS plus a second. A synchronous logger blocks the event loop on the full pipe, so
 * neither the requests nor the signal handler would run.
 */
const ROOT = join(__dirname, '..', '..');
const GRACE_MS = 1_000;
// The bound is grace + 1 s; the slack is for a loaded two-core machine. A blocked process never exits at all.
const EXIT_DEADLINE_MS = GRACE_MS + 1_000 + 5_000;

async function droppedLines(base: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const match = /^gateway_log_lines_dropped_total (\d+)/m.exec(text);
  return match ? Number(match[1]) : 0;
}

describe('dist/main.js with a stdout nobody reads (e2e, child process)', () => {
  it('keeps answering while stdout is full, counts the dropped lines, and exits in time on SIGTERM', async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const operator = `http://127.0.0.1:${metricsPort}`;
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'main.js')], {
      cwd: ROOT,
      // stdout is a pipe this test stops reading once the gateway says it is listening.
      stdio: ['ignore', 'pipe', 'ignore'],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        METRICS_PORT: String(metricsPort),
        LOG_LEVEL: 'debug',
        // above the boot's own burst of lines (about 17 KB at debug), which is written before stdout can drain
        LOG_BUFFER_BYTES: String(64 * 1024),
        SHUTDOWN_GRACE_MS: String(GRACE_MS),
      },
    });
    trackChild(child);
    const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
    try {
      await waitForOutput(child, child.stdout, /listening on http/, {
        what: 'the gateway',
        pauseAfter: true,
      });

      // Each unauthenticated request writes an access line: drive them until lines are being dropped.
      const batch = async (): Promise<void> => {
        const answers = await Promise.all(
          Array.from({ length: 50 }, () => fetch(`${base}/v1/works/ABC`).then((r) => r.status)),
        );
        expect(new Set(answers)).toEqual(new Set([401]));
      };
      let dropped = 0;
      for (let round = 0; dropped === 0; round++) {
        expect(round).toBeLessThan(200);
        await batch();
        dropped = await droppedLines(operator);
      }

      // stdout is full now: requests are still answered and their lines counted as dropped.
      await batch();
      const status = await fetch(`${base}/status`);
      expect(status.status).toBe(200);
      expect(await status.json()).toEqual({ status: 'ok' });
      expect(await droppedLines(operator)).toBeGreaterThanOrEqual(dropped + 50);

      const sentAt = Date.now();
      child.kill('SIGTERM');
      const deadline = new Promise<'still running'>((done) =>
        setTimeout(() => done('still running'), EXIT_DEADLINE_MS).unref(),
      );
      expect(await Promise.race([exited, deadline])).toBe(0);
      process.stderr.write(
        `stdout blocked: exited ${Date.now() - sentAt} ms after SIGTERM (grace ${GRACE_MS} ms)\n`,
      );
    } finally {
      await stopByPid(child, 1_000, 'SIGKILL');
    }
  }, 60_000);
});
