import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/webhooks/clock';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What a path answers, call after call: a status, or `hold` (never answer until the test releases it). */
export type Script = (number | 'hold')[];

/**
 * A webhook receiver on 127.0.0.1: records every request and answers each path from its script (the last entry
 * repeats; 200 when a path has none).
 */
export class Receiver {
  readonly received: Received[] = [];
  private readonly scripts = new Map<string, Script>();
  private readonly calls = new Map<string, number>();
  private readonly held: ServerResponse[] = [];
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const path = req.url ?? '/';
        this.received.push({ path, headers: req.headers, body });
        const n = this.calls.get(path) ?? 0;
        this.calls.set(path, n + 1);
        const script = this.scripts.get(path) ?? [200];
        const answer = script[Math.min(n, script.length - 1)];
        if (answer === 'hold') {
          this.held.push(res);
          return;
        }
        res.statusCode = answer;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  script(path: string, script: Script): void {
    this.scripts.set(path, script);
    this.calls.delete(path);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    for (const res of this.held) {
      res.destroy();
    }
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A clock the test moves: timers fire only when `advance` passes their time. */
export class FakeClock implements Clock {
  private readonly timers = new Map<number, { at: number; callback: () => void }>();
  private nextHandle = 1;

  constructor(private current = Date.now()) {}

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.timers.set(handle, { at: this.current + ms, callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** The earliest pending timer, if any. */
  nextAt(): number | undefined {
    return Math.min(...[...this.timers.values()].map((t) => t.at));
  }

  advanceTo(at: number): void {
    this.current = Math.max(this.current, at);
    for (const [handle, timer] of [...this.timers.entries()].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at <= this.current) {
        this.timers.delete(handle);
        timer.callback();
      }
    }
  }
}

/** Waits for I/O the test set off (a delivery reaching the receiver), never for time to pass. */
export { eventually } from '../support/eventually';
