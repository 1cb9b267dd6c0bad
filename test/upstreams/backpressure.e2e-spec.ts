import { streetManagerConfig } from '../../src/config/street-manager.config';
import { MetricsService } from '../../src/metrics/metrics.service';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { clearFaults, KEY, sandboxStats, setFault, testStreetManagerConfig, validWork } from '../support';

const WORK = '/v1/works/NGN0002163600';

async function workCalls(booted: BootedApp): Promise<number> {
  const stats = await sandboxStats(booted);
  return stats.requests.work;
}

async function pacerRefusals(booted: BootedApp): Promise<number> {
  const metric = await booted.app.get(MetricsService).upstreamCalls.get();
  return metric.values.filter((v) => v.labels.outcome === 'pacer_full').reduce((sum, v) => sum + v.value, 0);
}

describe('backpressure: the pacer waits at most STREET_MANAGER_PACER_MAX_WAIT_MS (issue 13, point 8)', () => {
  let booted: BootedApp;

  // A gateway per test: each starts with a full pacer and no session, whichever test ran before.
  beforeEach(async () => {
    const base = testStreetManagerConfig();
    booted = await bootApp({
      overrides: [
        {
          provide: streetManagerConfig.KEY,
          // One call every 10 s after a burst of 4 (the sign-in and a few reads): the next caller would wait ~10 s.
          useValue: { ...base, pacer: { ratePerSecond: 0.1, burst: 4, maxWaitMs: 1_000 } },
        },
      ],
    });
  });
  afterEach(() => booted?.close());

  it('serves within the burst, then answers 503 UPSTREAM_BUSY with Retry-After at once instead of queueing', async () => {
    await booted.http.get(WORK).set(KEY.demo).expect(200);
    const before = { calls: await workCalls(booted), refusals: await pacerRefusals(booted) };
    const answers = [];
    for (let i = 0; i < 4; i++) {
      answers.push(await booted.http.get(WORK).set(KEY.demo));
    }
    const busy = answers.filter((a) => a.status === 503);
    // the burst held 4 tokens: the sign-in and the first read took 2, so at most 2 more reads went out
    expect(answers.map((a) => a.status)).toEqual([200, 200, 503, 503]);
    for (const answer of busy) {
      expect(answer.body).toEqual({
        error: {
          code: 'UPSTREAM_BUSY',
          message:
            'Street Manager is being called as fast as its rate limit allows; try again after Retry-After seconds',
          requestId: expect.any(String),
        },
      });
      // the queue holds ~10 s per call; the caller may come back once it is within the 1 s it may wait
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(8);
      expect(Number(answer.headers['retry-after'])).toBeLessThanOrEqual(20);
    }
    expect(await workCalls(booted)).toBe(before.calls + 2);
    expect(await pacerRefusals(booted)).toBe(before.refusals + 2);
  });

  it('releases an Idempotency-Key refused this way (nothing was sent), so a retry is handled afresh', async () => {
    const work = validWork();
    let status = 200;
    for (let i = 0; i < 5 && status !== 503; i++) {
      status = (await booted.http.get(WORK).set(KEY.demo)).status; // spends the burst, as the callers before this one would
    }
    const post = () =>
      booted.http.post('/v1/works').set(KEY.promoter).set('Idempotency-Key', 'busy-then-retried').send(work);
    const first = await post().expect(503);
    const retry = await post().expect(503);
    expect([first.body.error.code, retry.body.error.code]).toEqual(['UPSTREAM_BUSY', 'UPSTREAM_BUSY']);
    // not a replay of a stored outcome: the key was let go
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
  });
});

describe('a stalled Street Manager: the answer and its time agree with the README', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    const base = testStreetManagerConfig();
    booted = await bootApp({
      overrides: [
        {
          provide: streetManagerConfig.KEY,
          useValue: { ...base, upstream: { ...base.upstream, headersTimeoutMs: 300, totalTimeoutMs: 5_000 } },
        },
      ],
    });
    // signed in before the fault, so the stall is the read's own
    await booted.http.get(WORK).set(KEY.demo).expect(200);
  });
  afterAll(async () => {
    await clearFaults(booted);
    await booted?.close();
  });

  it('gives 504 UPSTREAM_TIMEOUT once STREET_MANAGER_HEADERS_TIMEOUT_MS has passed, after one attempt, well before the deadline', async () => {
    await setFault(booted, { api: 'work', latencyMs: 20_000 });
    const calls = await workCalls(booted);
    const started = Date.now();
    const res = await booted.http.get(WORK).set(KEY.demo).expect(504);
    const elapsed = Date.now() - started;
    expect(res.body.error.code).toBe('UPSTREAM_TIMEOUT');
    // a timed-out attempt is not retried (the next would meet the same stall): the 504 comes at the headers timeout
    expect(await workCalls(booted)).toBe(calls + 1);
    expect(elapsed).toBeLessThan(5_000);
  });
});
