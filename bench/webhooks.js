'use strict';
/**
 * Webhook delivery throughput and latency: events appended to the gateway's event log (as the intake does) are
 * delivered to a receiver in another process. Reports events/s delivered and p50/p99 from append to arrival.
 * Needs dist/ (npm run build). With --redis, the delivery runs on BullMQ over a local redis-server.
 * Without --rate, events come in bursts of 50 as fast as the log takes them (throughput; latency then includes the
 * backlog); with --rate N, N events per second (latency at that load).
 *   node bench/webhooks.js [--events 2000] [--rate 100] [--redis]
 */
const { fork, spawn } = require('node:child_process');
const { join } = require('node:path');
const net = require('node:net');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const EVENTS = Number(arg('events', '2000'));
const REDIS = process.argv.includes('--redis');
const RATE = Number(arg('rate', '0'));
const dist = join(__dirname, '..', 'dist');

const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  let redis;
  if (REDIS) {
    const port = await freePort();
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    await new Promise((r) => setTimeout(r, 300));
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
  }
  Object.assign(process.env, {
    NODE_ENV: 'development',
    WEBHOOK_ALLOW_LOOPBACK: 'true',
    LOG_LEVEL: 'warn',
    METRICS_PORT: '0',
  });
  require('reflect-metadata');
  const { NestFactory } = require('@nestjs/core');
  const { AppModule } = require(join(dist, 'app.module'));
  const { configureApp, createAdapter } = require(join(dist, 'app.setup'));
  const { DEFAULT_SANDBOX_KEYS } = require(join(dist, 'config', 'auth.config'));
  const { EventLog } = require(join(dist, 'events', 'gateway-event'));

  const receiver = fork(join(__dirname, 'webhook-receiver.js'));
  const { port: receiverPort } = await new Promise((resolve) => receiver.once('message', resolve));

  const app = await NestFactory.create(AppModule, createAdapter(), { logger: ['error', 'warn'] });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const created = await fetch(`${base}/v1/webhook-subscriptions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'ocp-apim-subscription-key': DEFAULT_SANDBOX_KEYS.promoter,
    },
    body: JSON.stringify({ url: `http://127.0.0.1:${receiverPort}/hook`, eventTypes: ['*'] }),
  });
  if (created.status !== 201)
    throw new Error(`subscription refused: ${created.status} ${await created.text()}`);

  const log = app.get(EventLog);
  const appendedAt = new Map();
  const started = Date.now();
  const batch = RATE > 0 ? Math.max(1, Math.round(RATE / 100)) : 50;
  for (let i = 0; i < EVENTS; i += batch) {
    if (RATE > 0) {
      // Paced: batch events every 10 ms at most, so the rate holds without a timer per event.
      const due = started + (i / RATE) * 1000;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
    }
    await Promise.all(
      Array.from({ length: Math.min(batch, EVENTS - i) }, async (_, j) => {
        const t = Date.now();
        const e = await log.append(
          {
            organisation: '7374',
            type: 'permit.granted',
            occurredAt: new Date().toISOString(),
            workReferenceNumber: `BENCH${i + j}`,
            objectType: 'permit',
            objectReference: `BENCH${i + j}-01`,
            links: [{ rel: 'permit', href: `/v1/permits/BENCH${i + j}-01` }],
          },
          `bench-${started}-${i + j}`,
        );
        appendedAt.set(e.id, t);
      }),
    );
  }
  let arrivals = [];
  for (let tries = 0; tries < 600 && arrivals.length < EVENTS; tries++) {
    await new Promise((r) => setTimeout(r, 100));
    receiver.send('report');
    arrivals = (await new Promise((resolve) => receiver.once('message', resolve))).arrivals;
  }
  const latencies = arrivals.map(([id, at]) => at - appendedAt.get(id)).sort((a, b) => a - b);
  const last = Math.max(...arrivals.map(([, at]) => at));
  const result = {
    engine: REDIS ? 'bullmq' : 'memory',
    rate: RATE > 0 ? RATE : 'burst',
    events: EVENTS,
    delivered: arrivals.length,
    duplicates: arrivals.length - new Set(arrivals.map(([id]) => id)).size,
    eventsPerSecond: Math.round((arrivals.length / (last - started)) * 1000),
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
  };
  console.log(JSON.stringify(result));
  receiver.kill();
  await app.close();
  redis?.kill();
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
