import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { HealthStatus } from '../health/health-status';
import { MetricsService } from './metrics.service';

/**
 * The operator listener, apart from the public port (Prometheus' usual way): /metrics lists every client and route,
 * and /healthcheck here carries each check's detail (sign-in state per organisation, error texts), so neither is
 * reachable where callers are. A plain Node server: two GET routes need none of the API's pipeline.
 */
export type OperatorAction = (query: URLSearchParams) => Promise<{ status: number; body: unknown }>;

@Injectable()
export class OperatorServer implements OnApplicationShutdown {
  private server?: Server;
  private readonly actions = new Map<string, OperatorAction>();

  constructor(
    private readonly metrics: MetricsService,
    private readonly health: HealthStatus,
  ) {}

  /** Starts listening (main.ts; tests that read it pass port 0) and resolves with the base URL. */
  async listen(port: number, host: string): Promise<string> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.requestTimeout = 10_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    return `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  }

  /** A POST route on this port only (operators' actions, e.g. unsubscribing from Street Manager notifications). */
  addAction(path: string, action: OperatorAction): void {
    this.actions.set(path, action);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server?.listening) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const [path, query] = (req.url ?? '/').split('?');
    try {
      const action = this.actions.get(path);
      if (action && req.method === 'POST') {
        const { status, body } = await action(new URLSearchParams(query ?? ''));
        return send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n', { allow: 'GET, HEAD' });
      }
      if (path === '/metrics') {
        return send(res, 200, this.metrics.contentType, await this.metrics.render());
      }
      if (path === '/healthcheck') {
        const detail = await this.health.detail();
        return send(
          res,
          detail.status === 'ok' ? 200 : 503,
          'application/json; charset=utf-8',
          JSON.stringify(detail),
        );
      }
      send(res, 404, 'text/plain; charset=utf-8', 'not found\n');
    } catch {
      send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
    }
  }
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
