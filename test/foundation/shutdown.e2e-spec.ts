import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { shutDownGracefully } from '../../src/common/graceful-shutdown';
import { bootApp } from '../helpers/boot-app';
import { SlowProbeState, SlowProbesModule } from '../support/probes/slow-probes.module';

const silent = { log: () => undefined, error: () => undefined, warn: () => undefined };

function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function listening(): Promise<{
  booted: Awaited<ReturnType<typeof bootApp>>;
  port: number;
  state: SlowProbeState;
}> {
  const booted = await bootApp({ imports: [SlowProbesModule] });
  await booted.app.listen(0, '127.0.0.1');
  const port = (booted.app.getHttpServer().address() as AddressInfo).port;
  return { booted, port, state: booted.app.get(SlowProbeState) };
}

describe('graceful shutdown (e2e)', () => {
  it('finishes the in-flight request, refuses new connections, closes pools after the last reply, exits 0', async () => {
    const { booted, port, state } = await listening();
    const inFlight = get(port, '/v1/slow-probes');
    await state.started;

    const exits: number[] = [];
    const shutdown = shutDownGracefully(booted.app, 'test', {
      graceMs: 60_000,
      logger: silent,
      exit: (c) => exits.push(c),
    });
    await new Promise((resolve) => setImmediate(resolve));
    await expect(get(port, '/status')).rejects.toThrow(/ECONNREFUSED/);
    expect(state.events).toEqual(['request started']);

    state.finish();
    await expect(inFlight).resolves.toEqual({ status: 200, body: '{"done":true}' });
    await shutdown;
    expect(state.events).toEqual([
      'request started',
      'request finished',
      'pool closed',
      'application shut down',
    ]);
    expect(exits).toEqual([0]);
  });

  it('exits 1 when draining outlasts the grace period', async () => {
    const { booted, port, state } = await listening();
    const inFlight = get(port, '/v1/slow-probes').catch(() => undefined);
    await state.started;

    const forced = new Promise<number>((resolve) => {
      void shutDownGracefully(booted.app, 'test', { graceMs: 50, logger: silent, exit: resolve });
    });
    expect(await forced).toBe(1);
    expect(state.events).toEqual(['request started']);
    state.finish();
    await inFlight;
    await booted.close().catch(() => undefined);
  });
});
