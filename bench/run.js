'use strict';
/**
 * npm run bench — measures, in one run on this machine, the full gateway against the floor of facade work.
 * Starts (as child processes, so the load generator does not share their event loops):
 *   the standalone Street Manager sandbox, a bare undici mapping proxy (bench/bare-proxy.js), and the gateway
 *   (auth, throttling, validation, mapping, coordinate conversion, logging all on), then drives each with autocannon.
 * Prints requests/s, p50, p99, peak RSS and the ratios the issues set as targets. Figures, not assertions.
 *   node bench/run.js [--duration 10] [--connections 50] [--only single,list,...]
 */
const { spawn } = require('node:child_process');
const { createHash, randomBytes } = require('node:crypto');
const { mkdtempSync, openSync, writeFileSync, readFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const net = require('node:net');
const autocannon = require('autocannon');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const DURATION = Number(arg('duration', '10'));
const CONNECTIONS = Number(arg('connections', '50'));
const ONLY = arg('only', '').split(',').filter(Boolean);
const root = join(__dirname, '..');
const children = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const logDir = mkdtempSync(join(tmpdir(), 'sw-bench-logs-'));

/**
 * Starts a child with its output going to a file, not a pipe: a pipe drained by this (busy) load-generating
 * process would push back on the child's synchronous log writes and measure our own backpressure instead.
 */
function start(name, args, env, ready) {
  const logFile = join(logDir, `${name.replace(/\W+/g, '-')}.log`);
  const fd = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  children.push(child);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = async () => {
      const out = readFileSync(logFile, 'utf8');
      if (typeof ready === 'string' ? await answers(ready) : ready.test(out)) {
        resolve({ child, out });
      } else if (child.exitCode !== null || Date.now() - started > 30_000) {
        reject(new Error(`${name} did not start:\n${out.slice(-2000)}`));
      } else {
        setTimeout(poll, 100);
      }
    };
    void poll();
  });
}

async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

function peakRssMb(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : NaN;
  } catch {
    return NaN;
  }
}

/** user + system CPU time of a process so far, in microseconds (/proc/PID/stat, clock ticks of 10 ms). */
function cpuMicros(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return NaN;
  }
}

/**
 * Drives one URL and reports req/s, latency and the CPU the serving process spent per request. CPU µs/request is
 * the steadier figure (PERFORMANCE.md): req/s moves with whatever else the 2 cores are doing, and both the bare
 * proxy and the gateway share the same upstream.
 */
async function load(title, url, headers, pid) {
  // a short warm-up so JIT and pools are settled before the measured run
  await autocannon({ url, headers, connections: CONNECTIONS, duration: 2 });
  const cpuBefore = cpuMicros(pid);
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION });
  const cpu = (cpuMicros(pid) - cpuBefore) / Math.max(r.requests.total, 1);
  const non2xx = r.non2xx + r.errors + r.timeouts;
  return { title, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx, total: r.requests.total, cpu };
}

async function json(url, init) {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json().catch(() => null) };
}

function row(r, baseline, rss) {
  const ratio = baseline ? (r.rps / baseline.rps).toFixed(2) + '×' : '';
  const p99ratio = baseline ? (r.p99 / Math.max(baseline.p99, 1)).toFixed(2) + '×' : '';
  const cpuRatio = baseline ? (baseline.cpu / r.cpu).toFixed(2) + '×' : '';
  return `| ${r.title} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${Math.round(r.cpu)} | ${ratio} | ${cpuRatio} | ${p99ratio} | ${rss ?? ''} | ${r.non2xx} |`;
}

let coalescing;
let lb;

function which(cmd) {
  return require('node:child_process').spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/**
 * Two gateway instances sharing a real redis-server behind nginx, against one instance, same upstream. On a 2-core
 * machine that also runs the upstream and the load generator, this shows the balancing overhead more than the gain.
 */
async function twoInstances(gatewayEnv, auth, ref) {
  if (!which('nginx') || !which('redis-server')) {
    return 'skipped: needs nginx and redis-server on PATH (apt-get install nginx-light redis-server)';
  }
  const dir = mkdtempSync(join(tmpdir(), 'sw-lb-'));
  const redisPort = await freePort();
  const redis = spawn('redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  children.push(redis);
  await new Promise((r) => setTimeout(r, 300));
  const redisEnv = { REDIS_URL: `redis://127.0.0.1:${redisPort}`, CACHE_TTL_SECONDS: '{}' };
  const ports = [await freePort(), await freePort()];
  const pids = [];
  for (const p of ports) {
    pids.push((await start(`gateway :${p}`, ['dist/main.js'], gatewayEnv(p, redisEnv), `http://127.0.0.1:${p}/status`)).child.pid);
  }
  const lbPort = await freePort();
  writeFileSync(
    join(dir, 'nginx.conf'),
    `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 4096; }
http { access_log off; upstream gw { ${ports.map((p) => `server 127.0.0.1:${p};`).join(' ')} keepalive 64; }
  server { listen 127.0.0.1:${lbPort}; location / { proxy_pass http://gw; proxy_http_version 1.1; proxy_set_header Connection ""; } } }`,
  );
  const nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  children.push(nginx);
  await new Promise((r) => setTimeout(r, 500));
  const one = await load('one instance (Redis-backed), direct', `http://127.0.0.1:${ports[0]}/v1/works/${ref}`, auth, pids[0]);
  const two = await load('two instances (Redis-backed) behind nginx', `http://127.0.0.1:${lbPort}/v1/works/${ref}`, auth, pids[1]);
  return `| what | req/s | p50 ms | p99 ms | ratio |\n|---|--:|--:|--:|--:|\n| ${one.title} | ${Math.round(one.rps)} | ${one.p50} | ${one.p99} | 1.00× |\n| ${two.title} | ${Math.round(two.rps)} | ${two.p50} | ${two.p99} | ${(two.rps / one.rps).toFixed(2)}× |`;
}

async function main() {
  const sandboxPort = await freePort();
  const sandbox = await start('sandbox', ['dist/sandbox/standalone.js', '--port', String(sandboxPort)], {}, /Seeded users:[\s\S]*\n\s*\S+ \S+ \S+ \/ \S+\n/);
  const users = [...sandbox.out.matchAll(/^\s+(\S+) (\S+) (\S+) \/ (\S+)$/gm)].map((m) => ({ type: m[1], swa: m[2], email: m[3], password: m[4] }));
  const user = users.find((u) => u.type === 'promoter');
  const sm = `http://127.0.0.1:${sandboxPort}`;

  const login = await json(`${sm}/v3/work/authenticate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ emailAddress: user.email, password: user.password }),
  });
  const token = login.body.idToken;
  const list = await json(`${sm}/v3/reporting/permits`, { headers: { token } });
  const ref = list.body.rows[0].work_reference_number;

  const proxyPort = await freePort();
  const proxy = await start('bare proxy', ['bench/bare-proxy.js', sm, String(proxyPort), user.email, user.password], {}, /ready/);

  const key = randomBytes(24).toString('base64url');
  const dir = mkdtempSync(join(tmpdir(), 'sw-bench-'));
  const subscriptions = join(dir, 'subscriptions.json');
  writeFileSync(
    subscriptions,
    JSON.stringify({
      subscriptions: [
        {
          id: 'bench',
          name: 'Benchmark client',
          product: 'bench',
          roles: ['streetworks.read', 'streetworks.promoter.write'],
          enabled: true,
          primaryKeyHash: createHash('sha256').update(key).digest('hex'),
        },
      ],
    }),
  );
  const gatewayEnv = (port, extra = {}) => ({
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    STREET_MANAGER_URL: sm,
    STREET_MANAGER_EMAIL: user.email,
    STREET_MANAGER_PASSWORD: user.password,
    SUBSCRIPTIONS_FILE: subscriptions,
    // The outbound pacer stays on at a rate the sandbox can take (its default, 20/s per credential, protects the
    // real Street Manager and would make the pacer, not the gateway, what is measured).
    STREET_MANAGER_RATE_PER_SECOND: '10000',
    STREET_MANAGER_RATE_BURST: '10000',
    STREET_MANAGER_BULKHEAD_SIZE: '256',
    // Throttling stays on (every request is counted) with limits the benchmark does not reach.
    THROTTLE_PRODUCTS: JSON.stringify({ bench: [{ name: 'per-second', limit: 10_000_000, windowSeconds: 1 }, { name: 'per-day', limit: 1_000_000_000, windowSeconds: 86_400 }] }),
    ...extra,
  });
  // The main comparison runs with the response cache off, so every request really goes upstream.
  const gatewayPort = await freePort();
  const gateway = await start('gateway', ['dist/main.js'], gatewayEnv(gatewayPort, { CACHE_TTL_SECONDS: "{}" }), `http://127.0.0.1:${gatewayPort}/status`);
  const auth = { 'ocp-apim-subscription-key': key };

  const check = await json(`http://127.0.0.1:${gatewayPort}/v1/works/${ref}`, { headers: auth });
  if (check.status !== 200) {
    throw new Error(`gateway GET /v1/works/${ref} answered ${check.status}: ${JSON.stringify(check.body)}`);
  }

  const results = [];
  const want = (name) => ONLY.length === 0 || ONLY.includes(name);
  if (want('single')) {
    const direct = await load('Street Manager sandbox, direct: GET /v3/work/works/{ref}', `${sm}/v3/work/works/${ref}`, { token }, sandbox.child.pid);
    const bare = await load('bare undici mapping proxy: GET /works/{ref}', `http://127.0.0.1:${proxyPort}/works/${ref}`, {}, proxy.child.pid);
    const full = await load('gateway: GET /v1/works/{ref}', `http://127.0.0.1:${gatewayPort}/v1/works/${ref}`, auth, gateway.child.pid);
    results.push({ group: 'single work', rows: [[direct], [bare], [full, bare]] });
  }
  if (want('list')) {
    const direct = await load('Street Manager sandbox, direct: GET /v3/reporting/permits', `${sm}/v3/reporting/permits`, { token }, sandbox.child.pid);
    const bare = await load('bare undici mapping proxy: GET /works', `http://127.0.0.1:${proxyPort}/works`, {}, proxy.child.pid);
    const full = await load('gateway: GET /v1/works?limit=20', `http://127.0.0.1:${gatewayPort}/v1/works?limit=20`, auth, gateway.child.pid);
    results.push({ group: 'list of works', rows: [[direct], [bare], [full, bare]] });
  }

  if (want('cache')) {
    const port = await freePort();
    const cached = await start('gateway (cache on)', ['dist/main.js'], gatewayEnv(port, { CACHE_TTL_SECONDS: '{"works":3600}' }), `http://127.0.0.1:${port}/status`);
    const bare = await load('bare undici mapping proxy: GET /works/{ref}', `http://127.0.0.1:${proxyPort}/works/${ref}`, {}, proxy.child.pid);
    const hit = await load('gateway, cache hit: GET /v1/works/{ref}', `http://127.0.0.1:${port}/v1/works/${ref}`, auth, cached.child.pid);
    results.push({ group: 'cache hit (issue 5 target ≥ 1.0× the bare proxy)', rows: [[bare], [hit, bare]] });
    cached.child.kill('SIGTERM');
  }
  if (want('coalescing')) {
    // 200 identical requests at once with the cache off: how many reach Street Manager? Measured twice: with the
    // sandbox answering at once (requests still arriving while the first upstream call completes) and with 500 ms
    // of upstream latency (all 200 in flight together, as when Street Manager is slow, which is when it matters).
    const burst = async () => {
      const before = (await json(`${sm}/__admin/stats`)).body.requests.work;
      const answers = await Promise.all(
        Array.from({ length: 200 }, () => fetch(`http://127.0.0.1:${gatewayPort}/v1/works/${ref}`, { headers: auth }).then((r) => r.status)),
      );
      const after = (await json(`${sm}/__admin/stats`)).body.requests.work;
      return { requests: answers.length, ok: answers.filter((s) => s === 200).length, upstreamCalls: after - before };
    };
    const fast = await burst();
    await fetch(`${sm}/__admin/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ api: 'work', latencyMs: 500 }) });
    const slow = await burst();
    await fetch(`${sm}/__admin/faults`, { method: 'DELETE' });
    coalescing = { fast, slow };
  }
  if (want('instances')) {
    lb = await twoInstances(gatewayEnv, auth, ref);
  }

  const rss = { sandbox: peakRssMb(sandbox.child.pid), proxy: peakRssMb(proxy.child.pid), gateway: peakRssMb(gateway.child.pid) };
  console.log(`\nstreetworks-gateway benchmark — ${new Date().toISOString()}, node ${process.version}, ${CONNECTIONS} connections, ${DURATION} s per run`);
  for (const g of results) {
    console.log(`\n### ${g.group}\n| what | req/s | p50 ms | p99 ms | CPU µs/req | req/s ÷ bare proxy | bare proxy CPU ÷ this CPU | p99 ÷ bare proxy | peak RSS MB | non-2xx |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|`);
    for (const [r, base] of g.rows) {
      const who = r.title.startsWith('gateway') ? rss.gateway : r.title.startsWith('bare') ? rss.proxy : rss.sandbox;
      console.log(row(r, base, who));
    }
  }
  if (coalescing) {
    const line = (label, c) => `| ${label} | ${c.requests} | ${c.ok} | ${c.upstreamCalls} |`;
    console.log(`\n### coalescing: 200 identical concurrent GET /v1/works/{ref}, cache off\n| upstream | requests | answered 200 | Street Manager work-API calls |\n|---|--:|--:|--:|\n${line('answers at once', coalescing.fast)}\n${line('answers after 500 ms', coalescing.slow)}`);
  }
  if (lb) {
    console.log(`\n### two instances behind a load balancer vs one\n${lb}`);
  }
  console.log(`\nTargets: gateway ≥ 0.6× the bare proxy's req/s, p99 ≤ 2× (issue 3); a cache hit ≥ 1.0× (issue 5).`);
  console.log('"bare proxy CPU ÷ this CPU" is the same ratio measured in CPU per request, which does not depend on the shared upstream.');
}

function stopAll() {
  for (const c of children) {
    if (c.exitCode === null) c.kill('SIGTERM');
  }
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));
main()
  .then(() => process.exit(0))
  .catch((e) => {
    console.error(e);
    process.exit(1);
  });
