import { Writable } from 'node:stream';

/** A log destination for bootApp({ logs }) that keeps every JSON line for assertions. */
export class LogCapture extends Writable {
  private buffer = '';
  readonly lines: Record<string, unknown>[] = [];

  override _write(
    chunk: Buffer | string,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.buffer += chunk.toString();
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      if (line.trim()) {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        this.lines.push(parsed);
        this.emit('line', parsed);
      }
      newline = this.buffer.indexOf('\n');
    }
    callback();
  }

  /** Every line written so far, as raw text: handy for "this secret never appears anywhere" assertions. */
  text(): string {
    return this.lines.map((l) => JSON.stringify(l)).join('\n');
  }

  /**
   * Waits until a line matching `predicate` has been written. pino-http writes the access line when the response
   * finishes, which can be just after the client has read it.
   */
  waitFor(
    predicate: (line: Record<string, unknown>) => boolean,
    timeoutMs = 5_000,
  ): Promise<Record<string, unknown>> {
    const found = this.lines.find(predicate);
    if (found) {
      return Promise.resolve(found);
    }
    return new Promise((resolve, reject) => {
      const onLine = (line: Record<string, unknown>): void => {
        if (predicate(line)) {
          clearTimeout(deadline);
          this.off('line', onLine);
          resolve(line);
        }
      };
      const deadline = setTimeout(() => {
        this.off('line', onLine);
        reject(new Error('the expected log line was never written'));
      }, timeoutMs);
      this.on('line', onLine);
    });
  }

  /** The access lines (pino-http's "request completed" / "request errored") of one request id. */
  accessLines(requestId: string): Record<string, unknown>[] {
    return this.lines.filter((l) => l.requestId === requestId && typeof l.responseTime === 'number');
  }
}
