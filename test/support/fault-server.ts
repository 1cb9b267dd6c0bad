import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type Clock, SYSTEM_CLOCK } from '../../src/common/clock';

export interface FaultServer {
  url: string;
  /** requests received so far, in order, with the time each arrived (on the server's clock) */
  hits: { method: string; url: string; at: number }[];
  close(): Promise<void>;
}

/** A tiny node:http upstream on an ephemeral loopback port whose every answer the test scripts. */
export async function startFaultServer(
  handler: (req: IncomingMessage, res: ServerResponse, hit: number) => void,
  clock: Clock = SYSTEM_CLOCK,
): Promise<FaultServer> {
  const hits: FaultServer['hits'] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    hits.push({ method: req.method ?? '', url: req.url ?? '', at: clock.now() });
    req.resume();
    req.on('end', () => handler(req, res, hits.length));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

export function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
