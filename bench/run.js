'use strict';
/**
 * npm run bench — measures, in one run on this machine, the full gateway against the floor of facade work.
 * Starts (as child processes, so the load generator does not share their event loops):
 *   the standalone Street Manager sandbox, a bare undici mapping proxy (bench/bare-proxy.js), a typical NestJS
 *   gateway (bench/nest-peer.js), a bare Fastify server sending stored bytes (bench/bare-fastify.js) and the gateway
 *   (auth, throttling, validation, mapping, coordinate conversion, logging all on), then drives each with autocannon.
 * Prints requests/s, p50, p99, CPU µs/request of the serving process, RSS and the ratios the issues set as targets.
 * Figures, not assertions. Each row is a function in ROWS (below): add a row there.
 *   node bench/run.js [--duration 10] [--connections 50] [--rounds 3] [--sustained 240] [--only single,list,...] [--compare DIR,...]
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
const ROUNDS = Number(arg('rounds', '3'));
// Total seconds of the sustained row, shared in turns by the three targets; 0 skips it.
const SUSTAINED = Number(arg('sustained', '240'));
const root = join(__dirname, '..');
// Node options for the gateway processes only, e.g. BENCH_GATEWAY_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof".
const GATEWAY_ARGS = [
  ...(process.env.BENCH_GATEWAY_NODE_ARGS ?? '').split(' ').filter(Boolean),
  'dist/main.js',
];
// --compare DIR[,DIR...]: more gateways, each built into a DIR inside the repository (so it finds node_modules), e.g.
// from earlier commits, measured in the same alternating rounds as dist/ (single and cache rows): before/after
// figures that share the machine's noise.
const COMPARE = arg('compare', '').split(',').filter(Boolean);
const compareArgs = (dir) => [...GATEWAY_ARGS.slice(0, -1), join(dir, 'main.js')];
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
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
  });
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

function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
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
async function load(title, url, headers, pid, { paths, duration = DURATION, warmUp = 2 } = {}) {
  // With `paths`, requests go round-robin through them (one counter for all connections), so concurrent requests
  // ask for different resources and single-flight coalescing has nothing to merge.
  let next = 0;
  const requests = paths
    ? [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }]
    : undefined;
  // a short warm-up so JIT and pools are settled before the measured run
  if (warmUp) await autocannon({ url, headers, requests, connections: CONNECTIONS, duration: warmUp });
  const cpuBefore = cpuMicros(pid);
  const r = await autocannon({ url, headers, requests, connections: CONNECTIONS, duration });
  const cpu = (cpuMicros(pid) - cpuBefore) / Math.max(r.requests.total, 1);
  const non2xx = r.non2xx + r.errors + r.timeouts;
  return {
    title,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx,
    total: r.requests.total,
    cpu,
    rss: rssMb(pid),
  };
}

/** Alternating rounds of each target, so drift on the shared cores lands on all of them alike; totals per target. */
async function alternate(targets, rounds = ROUNDS) {
  const sums = targets.map((t) => ({
    title: t.title,
    n: 0,
    requests: 0,
    cpu: 0,
    rps: 0,
    p50: [],
    p99: [],
    non2xx: 0,
    rss: 0,
  }));
  for (let round = 0; round < rounds; round++) {
    for (const [i, t] of targets.entries()) {
      const r = await load(t.title, t.url, t.headers, t.pid, {
        paths: t.paths,
        duration: Math.max(2, Math.round(DURATION / rounds)),
        warmUp: round === 0 ? 2 : 0,
      });
      const s = sums[i];
      s.n++;
      s.requests += r.total;
      s.cpu += r.cpu * r.total;
      s.rps += r.rps;
      s.p50.push(r.p50);
      s.p99.push(r.p99);
      s.non2xx += r.non2xx;
      s.rss = r.rss;
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return sums.map((s) => ({
    title: s.title,
    rps: s.rps / s.n,
    p50: median(s.p50),
    p99: median(s.p99),
    non2xx: s.non2xx,
    total: s.requests,
    cpu: s.cpu / Math.max(s.requests, 1),
    rss: s.rss,
  }));
}

async function json(url, init) {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json().catch(() => null) };
}

function row(r, baseline) {
  const ratio = baseline ? (r.rps / baseline.rps).toFixed(2) + '×' : '';
  const p99ratio = baseline ? (r.p99 / Math.max(baseline.p99, 1)).toFixed(2) + '×' : '';
  const cpuRatio = baseline ? (r.cpu / baseline.cpu).toFixed(2) + '×' : '';
  const cpuDelta = baseline ? `${r.cpu >= baseline.cpu ? '+' : ''}${Math.round(r.cpu - baseline.cpu)}` : '';
  return `| ${r.title} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${Math.round(r.cpu)} | ${ratio} | ${cpuRatio} | ${cpuDelta} | ${p99ratio} | ${r.rss ?? ''} | ${r.non2xx} |`;
}
const HEADER =
  '| what | req/s | p50 ms | p99 ms | CPU µs/req | req/s ÷ base | CPU ÷ base | CPU − base µs | p99 ÷ base | RSS MB | non-2xx |\n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|';

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
  const redis = spawn(
    'redis-server',
    ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  children.push(redis);
  await new Promise((r) => setTimeout(r, 300));
  const redisEnv = { REDIS_URL: `redis://127.0.0.1:${redisPort}`, CACHE_TTL_SECONDS: '{}' };
  const ports = [await freePort(), await freePort()];
  const pids = [];
  for (const p of ports) {
    pids.push(
      (await start(`gateway :${p}`, GATEWAY_ARGS, gatewayEnv(p, redisEnv), `http://127.0.0.1:${p}/status`))
        .child.pid,
    );
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
  const one = await load(
    'one instance (Redis-backed), direct',
    `http://127.0.0.1:${ports[0]}/v1/works/${ref}`,
    auth,
    pids[0],
  );
  const two = await load(
    'two instances (Redis-backed) behind nginx',
    `http://127.0.0.1:${lbPort}/v1/works/${ref}`,
    auth,
    pids[1],
  );
  return `| what | req/s | p50 ms | p99 ms | ratio |\n|---|--:|--:|--:|--:|\n| ${one.title} | ${Math.round(one.rps)} | ${one.p50} | ${one.p99} | 1.00× |\n| ${two.title} | ${Math.round(two.rps)} | ${two.p50} | ${two.p99} | ${(two.rps / one.rps).toFixed(2)}× |`;
}

/** bench/webhooks.js in its own process: one JSON line of figures. */
function webhookRun(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'webhooks.js'), ...args], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    children.push(child);
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop();
      code === 0
        ? resolve(JSON.parse(line))
        : reject(new Error(`bench/webhooks.js ${args.join(' ')} exited ${code}`));
    });
  });
}

/** One Prometheus sample's value from a /metrics text, e.g. nodejs_eventloop_lag_max_seconds. */
function metricValue(text, name) {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.eE+-]+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

/**
 * The largest bodies the gateway accepts (just under BODY_LIMIT_BYTES, 1 MB), shaped to cost validation the most:
 * one array of ~100,000 items where the DTO allows a handful (issue 13, point 1: once 6.5 s each, the gateway frozen).
 */
function worstBodies(permitRef) {
  const limit = 1024 * 1024 - 1024;
  const fill = (field, item) => {
    const items = [];
    let bytes = 20;
    for (let i = 0; bytes < limit; i++) {
      const value = item(i);
      items.push(value);
      bytes += JSON.stringify(value).length + 1;
    }
    items.pop();
    return JSON.stringify({ [field]: items });
  };
  const distinct = (i) => `c${i}`;
  return [
    ['POST /v1/works, locationTypes: distinct strings', 'POST', '/v1/works', fill('locationTypes', distinct)],
    [
      'POST /v1/works, locationTypes: valid values repeated',
      'POST',
      '/v1/works',
      fill('locationTypes', (i) => ['footway', 'carriageway', 'verge'][i % 3]),
    ],
    [
      'POST /v1/activities, locationTypes: distinct strings',
      'POST',
      '/v1/activities',
      fill('locationTypes', distinct),
    ],
    [
      'POST /v1/section-81s, locationTypes: distinct strings',
      'POST',
      '/v1/section-81s',
      fill('locationTypes', distinct),
    ],
    [
      'POST /v1/fixed-penalty-notices, paymentMethods: distinct',
      'POST',
      '/v1/fixed-penalty-notices',
      fill('paymentMethods', distinct),
    ],
    [
      `PUT /v1/permits/{ref}/assessment, reasonsForRefusal: distinct`,
      'PUT',
      `/v1/permits/${permitRef}/assessment`,
      fill('reasonsForRefusal', distinct),
    ],
  ];
}

/** The rows, in the order they run and print. Each gets the started processes and returns a table group. */
const ROWS = {
  async single(c) {
    const others = [];
    for (const dir of COMPARE) {
      const port = await freePort();
      others.push({
        dir,
        port,
        ...(await start(
          `gateway ${dir}`,
          compareArgs(dir),
          c.gatewayEnv(port, { CACHE_TTL_SECONDS: '{}' }),
          `http://127.0.0.1:${port}/status`,
        )),
      });
    }
    const [bare, full, nest, ...compared] = await alternate([
      {
        title: 'bare undici mapping proxy: GET /works/{ref}',
        url: `http://127.0.0.1:${c.proxyPort}`,
        headers: {},
        pid: c.proxy.child.pid,
        paths: c.distinct('/works'),
      },
      {
        title: 'gateway: GET /v1/works/{ref}',
        url: `http://127.0.0.1:${c.gatewayPort}`,
        headers: c.auth,
        pid: c.gateway.child.pid,
        paths: c.distinct('/v1/works'),
      },
      {
        title: 'typical NestJS gateway: GET /v1/works/{ref}',
        url: `http://127.0.0.1:${c.peerPort}`,
        headers: c.auth,
        pid: c.peer.child.pid,
        paths: c.distinct('/v1/works'),
      },
      ...others.map((o) => ({
        title: `gateway built in ${o.dir}: GET /v1/works/{ref}`,
        url: `http://127.0.0.1:${o.port}`,
        headers: c.auth,
        pid: o.child.pid,
        paths: c.distinct('/v1/works'),
      })),
    ]);
    for (const o of others) o.child.kill('SIGTERM');
    const rows = [
      [bare],
      [full, bare],
      [nest, bare],
      [{ ...nest, title: 'typical NestJS gateway, base = gateway' }, full],
      ...compared.map((r) => [r, bare]),
    ];
    return {
      group: `single work, distinct works (the headline: ${c.refs.length} works round-robin, cache off; base = bare proxy, last row base = gateway)`,
      rows,
    };
  },
  async identical(c) {
    const bare = await load(
      'bare undici mapping proxy: GET /works/{ref}',
      `http://127.0.0.1:${c.proxyPort}/works/${c.ref}`,
      {},
      c.proxy.child.pid,
    );
    const full = await load(
      'gateway: GET /v1/works/{ref}',
      `http://127.0.0.1:${c.gatewayPort}/v1/works/${c.ref}`,
      c.auth,
      c.gateway.child.pid,
    );
    return {
      group:
        'coalescing figure: one work asked for by every request (single-flight merges concurrent upstream calls)',
      rows: [[bare], [full, bare]],
    };
  },
  async list(c) {
    // A fresh token: the one from the start may have expired in a long run.
    const direct = await load(
      'Street Manager sandbox, direct: GET /v6/reporting/permits',
      `${c.sm}/v6/reporting/permits`,
      { token: await c.signIn() },
      c.sandbox.child.pid,
    );
    const bare = await load(
      'bare undici mapping proxy: GET /works',
      `http://127.0.0.1:${c.proxyPort}/works`,
      {},
      c.proxy.child.pid,
    );
    const full = await load(
      'gateway: GET /v1/works?limit=20',
      `http://127.0.0.1:${c.gatewayPort}/v1/works?limit=20`,
      c.auth,
      c.gateway.child.pid,
    );
    const compared = [];
    for (const dir of COMPARE) {
      const port = await freePort();
      const other = await start(
        `gateway ${dir} (list)`,
        compareArgs(dir),
        c.gatewayEnv(port, { CACHE_TTL_SECONDS: '{}' }),
        `http://127.0.0.1:${port}/status`,
      );
      compared.push(
        await load(
          `gateway built in ${dir}: GET /v1/works?limit=20`,
          `http://127.0.0.1:${port}/v1/works?limit=20`,
          c.auth,
          other.child.pid,
        ),
      );
      other.child.kill('SIGTERM');
    }
    return {
      group: 'list of works',
      rows: [[direct], [bare], [full, bare], ...compared.map((r) => [r, bare])],
    };
  },
  async cache(c) {
    const port = await freePort();
    const cached = await start(
      'gateway (cache on)',
      GATEWAY_ARGS,
      c.gatewayEnv(port, { CACHE_TTL_SECONDS: '{"works":3600}' }),
      `http://127.0.0.1:${port}/status`,
    );
    // The floor serves the very bytes and headers of a hit, minus those that differ per response.
    const hit = await fetch(`http://127.0.0.1:${port}/v1/works/${c.ref}`, { headers: c.auth });
    const headers = Object.fromEntries(
      [...hit.headers].filter(
        ([k]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(k),
      ),
    );
    const stored = join(mkdtempSync(join(tmpdir(), 'sw-floor-')), 'stored.json');
    writeFileSync(stored, JSON.stringify({ headers, body: await hit.text() }));
    const floorPort = await freePort();
    const floor = await start(
      'bare Fastify, stored bytes',
      ['bench/bare-fastify.js', String(floorPort), stored],
      {},
      /ready/,
    );
    const others = [];
    for (const dir of COMPARE) {
      const otherPort = await freePort();
      others.push({
        dir,
        port: otherPort,
        ...(await start(
          `gateway ${dir} (cache on)`,
          compareArgs(dir),
          c.gatewayEnv(otherPort, { CACHE_TTL_SECONDS: '{"works":3600}' }),
          `http://127.0.0.1:${otherPort}/status`,
        )),
      });
    }
    const [bare, gw, ...compared] = await alternate([
      {
        title: 'bare Fastify sending the stored bytes and headers',
        url: `http://127.0.0.1:${floorPort}/works/${c.ref}`,
        headers: {},
        pid: floor.child.pid,
      },
      {
        title: 'gateway, cache hit: GET /v1/works/{ref}',
        url: `http://127.0.0.1:${port}/v1/works/${c.ref}`,
        headers: c.auth,
        pid: cached.child.pid,
      },
      ...others.map((o) => ({
        title: `gateway built in ${o.dir}, cache hit`,
        url: `http://127.0.0.1:${o.port}/v1/works/${c.ref}`,
        headers: c.auth,
        pid: o.child.pid,
      })),
    ]);
    cached.child.kill('SIGTERM');
    floor.child.kill('SIGTERM');
    for (const o of others) o.child.kill('SIGTERM');
    return {
      group: 'cache hit (target: CPU − base ≤ 60 µs)',
      rows: [[bare], [gw, bare], ...compared.map((r) => [r, bare])],
    };
  },
  async webhooks() {
    // Appended to the event log as the intake does, delivered to a receiver process: memory and BullMQ, a burst
    // (throughput; latency then includes the backlog) and a steady 100 events/s (latency at that load).
    const runs = [
      ['--events', '2000'],
      ['--events', '1000', '--rate', '100'],
    ];
    if (which('redis-server')) {
      runs.push(['--events', '2000', '--redis'], ['--events', '1000', '--rate', '100', '--redis']);
    }
    const lines = [];
    for (const args of runs) {
      const r = await webhookRun(args);
      lines.push(
        `| ${r.engine} | ${r.rate === 'burst' ? 'burst of ' + r.events : r.rate + '/s'} | ${r.delivered}/${r.events} | ${r.duplicates} | ${r.eventsPerSecond} | ${r.p50} | ${r.p99} |`,
      );
    }
    return {
      group: 'webhook delivery: events appended → receiver (one subscription, receiver in its own process)',
      table:
        '| queue | load | delivered | duplicates | events/s delivered | p50 ms append→delivered | p99 ms |\n|---|---|--:|--:|--:|--:|--:|',
      lines,
    };
  },
  async largestBodies(c) {
    // A gateway of its own: a key with every write permission (validation runs after the permission check) and a
    // known operator port, whose /metrics has the event loop's max delay (prom-client's monitorEventLoopDelay,
    // reset at each scrape).
    const key = randomBytes(24).toString('base64url');
    const file = join(mkdtempSync(join(tmpdir(), 'sw-bench-bodies-')), 'subscriptions.json');
    writeFileSync(
      file,
      JSON.stringify({
        subscriptions: [
          {
            id: 'bodies',
            name: 'Largest bodies',
            product: 'bench',
            enabled: true,
            roles: ['streetworks.read', 'streetworks.promoter.write', 'streetworks.authority.write'],
            primaryKeyHash: createHash('sha256').update(key).digest('hex'),
          },
        ],
      }),
    );
    const [port, metricsPort] = [await freePort(), await freePort()];
    const gw = await start(
      'gateway (largest bodies)',
      ['dist/main.js'],
      c.gatewayEnv(port, { SUBSCRIPTIONS_FILE: file, METRICS_PORT: String(metricsPort), LOG_LEVEL: 'warn' }),
      `http://127.0.0.1:${port}/status`,
    );
    const base = `http://127.0.0.1:${port}`;
    const permits = await json(`${c.sm}/v6/reporting/permits`, { headers: { token: c.token } });
    const permitRef = permits.body.rows[0].permit_reference_number;
    const scrape = async () => (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    const lines = [];
    const rounds = Math.max(3, Math.round(DURATION));
    for (const [title, method, path, body] of worstBodies(permitRef)) {
      await scrape(); // resets the event-loop histogram
      // /status asked every 5 ms meanwhile: its worst latency is how long any other caller was held up
      let probing = true;
      let statusMax = 0;
      const probe = (async () => {
        while (probing) {
          const t = performance.now();
          await fetch(`${base}/status`).then((r) => r.arrayBuffer());
          statusMax = Math.max(statusMax, performance.now() - t);
          await new Promise((r) => setTimeout(r, 5));
        }
      })();
      const times = [];
      let status;
      for (let i = 0; i < rounds; i++) {
        const t = performance.now();
        const res = await fetch(`${base}${path}`, {
          method,
          headers: { 'content-type': 'application/json', 'ocp-apim-subscription-key': key },
          body,
        });
        await res.arrayBuffer();
        times.push(performance.now() - t);
        status = res.status;
      }
      probing = false;
      await probe;
      const lagMax = metricValue(await scrape(), 'nodejs_eventloop_lag_max_seconds') * 1000;
      times.sort((a, b) => a - b);
      lines.push(
        `| ${title} | ${Math.round(Buffer.byteLength(body) / 1024)} | ${status} | ${Math.round(times[Math.floor(times.length / 2)])} | ${Math.round(times[times.length - 1])} | ${Math.round(statusMax)} | ${Math.round(lagMax)} |`,
      );
    }
    gw.child.kill('SIGTERM');
    return {
      group: `largest allowed bodies, worst case for validation (${rounds} sequential requests each, /status probed every 5 ms meanwhile)`,
      table:
        '| body | KiB | status | answer p50 ms | answer max ms | /status max ms meanwhile | gateway event-loop max delay ms |\n|---|--:|--:|--:|--:|--:|--:|',
      lines,
    };
  },
  async sustained(c) {
    if (SUSTAINED <= 0) return null;
    // Turns of 20 s each, so every target is measured across the whole span and each one's drift shows.
    const targets = [
      ['bare proxy', `http://127.0.0.1:${c.proxyPort}`, {}, c.proxy.child.pid, c.distinct('/works')],
      ['gateway', `http://127.0.0.1:${c.gatewayPort}`, c.auth, c.gateway.child.pid, c.distinct('/v1/works')],
      ['NestJS peer', `http://127.0.0.1:${c.peerPort}`, c.auth, c.peer.child.pid, c.distinct('/v1/works')],
    ];
    const turns = Math.max(1, Math.round(SUSTAINED / 20 / targets.length));
    const lines = [];
    const started = Date.now();
    for (let turn = 0; turn < turns; turn++) {
      const cells = [];
      for (const [title, url, headers, pid, paths] of targets) {
        const r = await load(title, url, headers, pid, { paths, duration: 20, warmUp: 0 });
        cells.push(
          `${Math.round(r.cpu)} µs, ${Math.round(r.rps)}/s, ${r.rss} MB${r.non2xx ? `, ${r.non2xx} non-2xx` : ''}`,
        );
      }
      lines.push(`| ${Math.round((Date.now() - started) / 1000)} s | ${cells.join(' | ')} |`);
    }
    return {
      group: `sustained: distinct works, ${turns} turns of 20 s each (CPU µs/request, req/s and RSS per serving process over time)`,
      table: '| elapsed | bare proxy | gateway | NestJS peer |\n|---|--:|--:|--:|',
      lines,
    };
  },
};

/** Rows that start what they need themselves: `--only webhooks` runs without the sandbox, proxy and peers. */
const SELF_CONTAINED = new Set(['webhooks']);

async function main() {
  if (ONLY.length > 0 && ONLY.every((name) => SELF_CONTAINED.has(name))) {
    for (const name of ONLY) {
      const g = await ROWS[name]();
      console.log(`\n### ${g.group}\n${g.table}`);
      g.lines.forEach((line) => console.log(line));
    }
    return;
  }
  const sandboxPort = await freePort();
  const sandbox = await start(
    'sandbox',
    ['dist/sandbox/standalone.js', '--port', String(sandboxPort)],
    {},
    /Seeded users:[\s\S]*\n\s*\S+ \S+ \S+ \/ \S+\n/,
  );
  const users = [...sandbox.out.matchAll(/^\s+(\S+) (\S+) (\S+) \/ (\S+)$/gm)].map((m) => ({
    type: m[1],
    swa: m[2],
    email: m[3],
    password: m[4],
  }));
  const user = users.find((u) => u.type === 'promoter');
  const sm = `http://127.0.0.1:${sandboxPort}`;

  const signIn = async () =>
    (
      await json(`${sm}/v6/work/authenticate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ emailAddress: user.email, password: user.password }),
      })
    ).body.idToken;
  const token = await signIn();
  const list = await json(`${sm}/v6/reporting/permits`, { headers: { token } });
  const ref = list.body.rows[0].work_reference_number;

  const proxyPort = await freePort();
  const proxy = await start(
    'bare proxy',
    ['bench/bare-proxy.js', sm, String(proxyPort), user.email, user.password],
    {},
    /ready/,
  );

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
    // The operator listener on a free port: the bench starts several gateways, and 9464 may be taken on this box.
    METRICS_PORT: '0',
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
    THROTTLE_PRODUCTS: JSON.stringify({
      bench: [
        { name: 'per-second', limit: 10_000_000, windowSeconds: 1 },
        { name: 'per-day', limit: 1_000_000_000, windowSeconds: 86_400 },
      ],
    }),
    ...extra,
  });
  // The main comparison runs with the response cache off, so every request really goes upstream.
  const gatewayPort = await freePort();
  const gateway = await start(
    'gateway',
    GATEWAY_ARGS,
    gatewayEnv(gatewayPort, { CACHE_TTL_SECONDS: '{}' }),
    `http://127.0.0.1:${gatewayPort}/status`,
  );
  const auth = { 'ocp-apim-subscription-key': key };

  const check = await json(`http://127.0.0.1:${gatewayPort}/v1/works/${ref}`, { headers: auth });
  if (check.status !== 200) {
    throw new Error(`gateway GET /v1/works/${ref} answered ${check.status}: ${JSON.stringify(check.body)}`);
  }

  // Every work the demo promoter can see (221 in the seeded sandbox): the distinct-works rows cycle through them.
  const refs = [];
  for (let offset = 0; ; offset += 100) {
    const page = await json(`http://127.0.0.1:${gatewayPort}/v1/works?limit=100&offset=${offset}`, {
      headers: auth,
    });
    const found = (page.body?.results ?? []).map((w) => w.workReferenceNumber);
    refs.push(...found);
    if (found.length < 100) break;
  }
  const distinct = (prefix) => refs.map((r) => `${prefix}/${r}`);

  const peerPort = await freePort();
  const peer = await start(
    'NestJS peer',
    ['bench/nest-peer.js', sm, String(peerPort), user.email, user.password, key],
    {},
    /ready/,
  );
  // The peer must do the bare proxy's work, no less: the same mapped body for the same work.
  const [peerBody, bareBody] = await Promise.all([
    json(`http://127.0.0.1:${peerPort}/v1/works/${ref}`, { headers: auth }),
    json(`http://127.0.0.1:${proxyPort}/works/${ref}`),
  ]);
  if (peerBody.status !== 200 || JSON.stringify(peerBody.body) !== JSON.stringify(bareBody.body)) {
    throw new Error(
      `NestJS peer answered ${peerBody.status}, not the bare proxy's body: ${JSON.stringify(peerBody.body).slice(0, 300)}`,
    );
  }
  const ctx = {
    sm,
    token,
    signIn,
    ref,
    refs,
    auth,
    distinct,
    sandbox,
    proxy,
    proxyPort,
    peer,
    peerPort,
    gateway,
    gatewayPort,
    gatewayEnv,
  };
  const results = [];
  const want = (name) => ONLY.length === 0 || ONLY.includes(name);
  for (const [name, rowFn] of Object.entries(ROWS)) {
    if (want(name)) {
      const out = await rowFn(ctx);
      if (out) results.push(out);
    }
  }
  if (want('coalescing')) {
    // 200 identical requests at once with the cache off: how many reach Street Manager? Measured twice: with the
    // sandbox answering at once (requests still arriving while the first upstream call completes) and with 500 ms
    // of upstream latency (all 200 in flight together, as when Street Manager is slow, which is when it matters).
    const burst = async () => {
      const before = (await json(`${sm}/__admin/stats`)).body.requests.work;
      const answers = await Promise.all(
        Array.from({ length: 200 }, () =>
          fetch(`http://127.0.0.1:${gatewayPort}/v1/works/${ref}`, { headers: auth }).then((r) => r.status),
        ),
      );
      const after = (await json(`${sm}/__admin/stats`)).body.requests.work;
      return {
        requests: answers.length,
        ok: answers.filter((s) => s === 200).length,
        upstreamCalls: after - before,
      };
    };
    const fast = await burst();
    await fetch(`${sm}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api: 'work', latencyMs: 500 }),
    });
    const slow = await burst();
    await fetch(`${sm}/__admin/faults`, { method: 'DELETE' });
    coalescing = { fast, slow };
  }
  if (want('instances')) {
    lb = await twoInstances(gatewayEnv, auth, ref);
  }

  console.log(
    `\nstreetworks-gateway benchmark — ${new Date().toISOString()}, node ${process.version}, ${CONNECTIONS} connections, ${DURATION} s per row (${ROUNDS} alternating rounds), ${refs.length} distinct works`,
  );
  for (const g of results) {
    console.log(`\n### ${g.group}\n${g.table ?? HEADER}`);
    for (const line of g.lines ?? g.rows.map(([r, base]) => row(r, base))) {
      console.log(line);
    }
  }
  if (coalescing) {
    const line = (label, c) => `| ${label} | ${c.requests} | ${c.ok} | ${c.upstreamCalls} |`;
    console.log(
      `\n### coalescing: 200 identical concurrent GET /v1/works/{ref}, cache off\n| upstream | requests | answered 200 | Street Manager work-API calls |\n|---|--:|--:|--:|\n${line('answers at once', coalescing.fast)}\n${line('answers after 500 ms', coalescing.slow)}`,
    );
  }
  if (lb) {
    console.log(`\n### two instances behind a load balancer vs one\n${lb}`);
  }
  console.log(
    '\nTargets (issue 11), distinct works: gateway CPU ≤ 1.5× the bare proxy, p99 ≤ 2×, NestJS peer CPU ≥ 2× the gateway;',
  );
  console.log(
    'a cache hit within 60 µs CPU per request of the bare Fastify server. CPU µs/req is the steadier figure on shared cores.',
  );
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
