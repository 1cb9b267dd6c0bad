import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashKey } from '../../src/auth/subscriptions/key-hash';
import { Permission } from '../../src/auth/permissions';
import { waitForOutput } from '../helpers/child-output';
import { validWork } from '../support';
import {
  describeWithRedis,
  freePort,
  type RedisServer,
  startRedisServer,
  stopByPid,
  trackChild,
} from '../helpers/redis-server';

/*
 * Two real gateway processes (`node dist/main.js`) and the standalone sandbox, sharing one real redis-server: what a
 * deployment behind a load balancer does. dist/ is built by the e2e globalSetup when src/ is newer.
 */
const ROOT = join(__dirname, '..', '..');
const LIMIT = 10;
const KEYS = {
  limited: 'scale-out-limited-key-0123456789abcdef',
  writer: 'scale-out-writer-key-0123456789abcdef',
  reader: 'scale-out-reader-key-0123456789abcdef',
};
const as = (key: string) => ({ 'Ocp-Apim-Subscription-Key': key });

interface Started {
  child: ChildProcess;
  output: () => string;
}

function startNode(script: string, args: string[], env: Record<string, string>): Started {
  const child = spawn(process.execPath, [join(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  trackChild(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Waits for the line a started process prints once it is ready. */
function waitFor(what: string, started: Started, pattern: RegExp): Promise<RegExpExecArray> {
  return waitForOutput(started.child, started.child.stdout!, pattern, { what });
}

describeWithRedis('two gateway instances sharing one Redis', () => {
  let redis: RedisServer;
  let sandbox: Started;
  let sandboxUrl: string;
  const gateways: { url: string; started: Started }[] = [];
  let dir: string;

  const stats = async () =>
    (await (await fetch(`${sandboxUrl}/__admin/stats`)).json()) as {
      authentications: number;
      refreshes: number;
      requests: Record<string, number>;
    };
  const get = (instance: number, path: string, key: string, headers: Record<string, string> = {}) =>
    fetch(`${gateways[instance].url}${path}`, { headers: { ...as(key), ...headers } });

  beforeAll(async () => {
    for (const built of ['dist/main.js', 'dist/sandbox/standalone.js']) {
      if (!existsSync(join(ROOT, built))) {
        throw new Error(
          `${built} is missing: run npm run build (the e2e globalSetup does it when src/ is newer)`,
        );
      }
    }
    redis = await startRedisServer();
    dir = mkdtempSync(join(tmpdir(), 'scale-out-'));
    const subscriptions = join(dir, 'subscriptions.json');
    writeFileSync(
      subscriptions,
      JSON.stringify({
        subscriptions: [
          {
            id: 'scale-limited',
            name: 'Small limit',
            product: 'tiny',
            roles: [Permission.READ],
            organisation: '7374',
            primaryKeyHash: hashKey(KEYS.limited),
          },
          {
            id: 'scale-writer',
            name: 'Writer',
            product: 'roomy',
            roles: [Permission.READ, Permission.PROMOTER_WRITE],
            organisation: '7374',
            primaryKeyHash: hashKey(KEYS.writer),
          },
          {
            id: 'scale-reader',
            name: 'Reader',
            product: 'roomy',
            roles: [Permission.READ],
            organisation: '7374',
            primaryKeyHash: hashKey(KEYS.reader),
          },
        ],
      }),
    );

    const sandboxPort = await freePort();
    sandbox = startNode('dist/sandbox/standalone.js', ['--port', String(sandboxPort)], {});
    sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    const line = await waitFor('the sandbox', sandbox, /promoter 7374 (\S+) \/ (\S+)\n/);
    const promoter = { email: line[1], password: line[2] };

    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const started = startNode('dist/main.js', [], {
        PORT: String(port),
        METRICS_PORT: '0',
        HOST: '127.0.0.1',
        NODE_ENV: 'test',
        LOG_LEVEL: 'info', // for the "listening on" line this test waits for
        SHUTDOWN_GRACE_MS: '500',
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: 'scale:',
        STREET_MANAGER_URL: sandboxUrl,
        STREET_MANAGER_EMAIL: promoter.email,
        STREET_MANAGER_PASSWORD: promoter.password,
        STREET_MANAGER_ORGANISATION: '7374',
        SUBSCRIPTIONS_FILE: subscriptions,
        THROTTLE_PRODUCTS: JSON.stringify({
          tiny: [{ name: 'per-minute', limit: LIMIT, windowSeconds: 60 }],
          roomy: [{ name: 'per-second', limit: 10_000, windowSeconds: 1 }],
        }),
        CACHE_TTL_SECONDS: JSON.stringify({ works: 60 }),
      });
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`gateway ${i + 1}`, started, /listening on http/);
      gateways.push({ url, started });
    }
    await fetch(`${sandboxUrl}/__admin/stats/reset`, { method: 'POST' });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(gateways.map((g) => stopByPid(g.started.child)));
    if (sandbox) {
      await stopByPid(sandbox.child);
    }
    await redis?.stop();
    if (dir) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('both instances together sign in to Street Manager once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        get(i % 2, `/v1/works?limit=1&offset=${i}`, KEYS.reader).then((r) => r.status),
      ),
    );
    expect(answers).toEqual(Array(20).fill(200));
    const after = await stats();
    expect(after.authentications).toBe(1);
    expect(after.refreshes).toBe(0);
  });

  it("holds a client's rate limit globally: requests allowed over both instances sum to the limit", async () => {
    // One at a time, alternating: sent together, one instance could take the whole budget before the other asks.
    const statuses: { instance: number; status: number }[] = [];
    for (let i = 0; i < 3 * LIMIT; i++) {
      statuses.push({ instance: i % 2, status: (await get(i % 2, '/v1/me', KEYS.limited)).status });
    }
    const allowed = statuses.filter((s) => s.status === 200);
    expect(allowed).toHaveLength(LIMIT);
    expect(new Set(allowed.map((s) => s.instance))).toEqual(new Set([0, 1]));
    expect(statuses.filter((s) => s.status === 429)).toHaveLength(2 * LIMIT);
  });

  it('replays an Idempotency-Key POST on the other instance with the first result', async () => {
    const body = JSON.stringify(validWork());
    const post = (instance: number) =>
      fetch(`${gateways[instance].url}/v1/works`, {
        method: 'POST',
        headers: {
          ...as(KEYS.writer),
          'content-type': 'application/json',
          'Idempotency-Key': 'scale-out-create-1',
        },
        body,
      });
    const first = await post(0);
    const firstBody = await first.text();
    expect(first.status).toBe(201);
    const before = await stats();
    const replay = await post(1);
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.headers.get('location')).toBe(first.headers.get('location'));
    expect(await replay.text()).toBe(firstBody);
    expect((await stats()).requests.work).toBe(before.requests.work);
  });

  it("serves one instance's cached answer from the other without calling Street Manager", async () => {
    const list = (await (await get(0, '/v1/works?limit=1', KEYS.reader)).json()) as {
      results: { workReferenceNumber: string }[];
    };
    const path = `/v1/works/${encodeURIComponent(list.results[0].workReferenceNumber)}`;
    const first = await get(0, path, KEYS.reader);
    expect(first.status).toBe(200);
    const firstBody = await first.text();
    const before = await stats();
    const second = await get(1, path, KEYS.reader);
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect((await stats()).requests).toEqual(before.requests);
    const notModified = await get(1, path, KEYS.reader, { 'If-None-Match': first.headers.get('etag')! });
    expect(notModified.status).toBe(304);
  });

  it('reports Redis in /healthcheck on both instances', async () => {
    for (const g of gateways) {
      const health = (await (await fetch(`${g.url}/healthcheck`)).json()) as {
        details: Record<string, { status: string }>;
      };
      expect(health.details.redis).toMatchObject({ status: 'up' });
    }
  });
});
