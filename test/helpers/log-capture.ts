import { Writable } from 'node:stream';

/** A log destination for bootApp({ logs }) that keeps every JSON line for assertions. */
export class LogCapture extends Writable {
  private buffer = '';
  readonly lines: Record<string, unknown>[] = [];

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.buffer += chunk.toString();
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      if (line.trim()) {
        this.lines.push(JSON.parse(line) as Record<string, unknown>);
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
  async waitFor(predicate: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> {
    for (let turn = 0; turn < 200; turn++) {
      const found = this.lines.find(predicate);
      if (found) {
        return found;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('the expected log line was never written');
  }

  /** The access lines (pino-http's "request completed" / "request errored") of one request id. */
  accessLines(requestId: string): Record<string, unknown>[] {
    return this.lines.filter((l) => l.requestId === requestId && typeof l.responseTime === 'number');
  }
}
