import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';

/**
 * Resolves with the first match of `pattern` in what `stream` of `child` prints (a "listening on" or "ready" line),
 * instead of polling a port: the event the test needs, as soon as it happens. Rejects when the child exits first or
 * nothing matches within `timeoutMs`. The stream keeps flowing afterwards unless `pauseAfter` (a test that wants the
 * pipe to fill up).
 */
export function waitForOutput(
  child: ChildProcess,
  stream: Readable,
  pattern: RegExp,
  options: { what: string; timeoutMs?: number; pauseAfter?: boolean },
): Promise<RegExpExecArray> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const finish = (error?: Error, match?: RegExpExecArray): void => {
      clearTimeout(deadline);
      stream.off('data', onData);
      child.off('exit', onExit);
      if (options.pauseAfter) {
        stream.pause();
      }
      if (error) {
        reject(error);
      } else {
        resolve(match!);
      }
    };
    const onData = (chunk: Buffer | string): void => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        finish(undefined, match);
      }
    };
    const onExit = (code: number | null): void =>
      finish(new Error(`${options.what} exited (${code}) before printing ${pattern}:\n${seen.slice(-2000)}`));
    const deadline = setTimeout(
      () =>
        finish(
          new Error(
            `${options.what} did not print ${pattern} within ${options.timeoutMs ?? 30_000} ms:\n${seen.slice(-2000)}`,
          ),
        ),
      options.timeoutMs ?? 30_000,
    );
    stream.on('data', onData);
    child.once('exit', onExit);
  });
}
