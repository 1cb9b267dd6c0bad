import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashKey } from '../../src/auth/subscriptions/key-hash';
import { authConfig } from '../../src/config/auth.config';
import { throttlingConfig } from '../../src/config/throttling.config';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { ProbeModule } from '../support/probes/probe.controller';
import { authSettings, throttlingSettings } from '../support';

const HEADER = 'Ocp-Apim-Subscription-Key';
const KEYS = {
  metered: 'metered-key-0001',
  other: 'other-key-0002',
  blinking: 'blinking-key-0003',
  layered: 'layered-key-0004',
  layeredRefused: 'layered-key-0005',
  flooding: 'flooding-key-0006',
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Subscriptions defined in the test, each in its own product. */
function subscriptionsFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'throttle-'));
  dirs.push(dir);
  const file = join(dir, 'subscriptions.json');
  const entry = (id: string, product: string, key: string) => ({
    id,
    name: id,
    product,
    roles: ['streetworks.read'],
    primaryKeyHash: hashKey(key),
  });
  writeFileSync(
    file,
    JSON.stringify({
      subscriptions: [
        entry('metered', 'metered', KEYS.metered),
        entry('other', 'metered', KEYS.other),
        entry('blinking', 'blinking', KEYS.blinking),
        entry('layered', 'layered', KEYS.layered),
        entry('layered-refused', 'layered', KEYS.layeredRefused),
        entry('flooding', 'metered', KEYS.flooding),
      ],
    }),
  );
  return file;
}

describe('throttling per client', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({
      imports: [ProbeModule],
      overrides: [
        { provide: authConfig.KEY, useValue: authSettings({ subscriptionsFile: subscriptionsFile() }) },
        {
          provide: throttlingConfig.KEY,
          useValue: throttlingSettings({
            metered: [{ name: 'per-hour', limit: 3, windowSeconds: 3600 }],
            blinking: [{ name: 'per-second', limit: 1, windowSeconds: 1 }],
            layered: [
              { name: 'per-second', limit: 1000, windowSeconds: 1 },
              { name: 'per-hour', limit: 5, windowSeconds: 3600 },
            ],
            anonymous: [{ name: 'per-hour', limit: 2, windowSeconds: 3600 }],
          }),
        },
      ],
    });
  });
  afterAll(() => booted?.close());

  it('counts down on every response, across routes, and answers 429 with Retry-After past the limit', async () => {
    const first = await booted.http.get('/v1/me').set(HEADER, KEYS.metered).expect(200);
    expect(first.headers['x-ratelimit-limit']).toBe('3');
    expect(first.headers['x-ratelimit-remaining']).toBe('2');
    expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThan(3500);
    expect(first.body.rateLimits).toEqual([
      {
        name: 'per-hour',
        limit: 3,
        windowSeconds: 3600,
        remaining: 2,
        resetsAt: expect.stringMatching(/Z$/),
      },
    ]);

    // another route draws on the same budget: the limit is the client's, not the route's
    const second = await booted.http.get('/v1/security-probes/ABC').set(HEADER, KEYS.metered).expect(200);
    expect(second.headers['x-ratelimit-remaining']).toBe('1');
    const third = await booted.http.get('/v1/security-probes').set(HEADER, KEYS.metered).expect(200);
    expect(third.headers['x-ratelimit-remaining']).toBe('0');

    const refused = await booted.http.get('/v1/me').set(HEADER, KEYS.metered).expect(429);
    expect(refused.body).toEqual({
      error: {
        code: 'TOO_MANY_REQUESTS',
        message: expect.stringMatching(/^rate limit exceeded; try again in \d+ s$/),
        requestId: expect.any(String),
      },
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(refused.headers['x-ratelimit-limit']).toBe('3');
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(refused.headers['x-ratelimit-reset']).toBe(String(retryAfter));
  });

  it("does not let one client's flood throttle another client of the same product", async () => {
    for (let i = 0; i < 3; i++) {
      await booted.http.get('/v1/me').set(HEADER, KEYS.flooding); // its whole budget
    }
    await booted.http.get('/v1/me').set(HEADER, KEYS.flooding).expect(429);
    const res = await booted.http.get('/v1/me').set(HEADER, KEYS.other).expect(200);
    expect(res.headers['x-ratelimit-remaining']).toBe('2');
  });

  it('recovers when the window ends', async () => {
    let refused: { headers: Record<string, string> } | undefined;
    for (let i = 0; i < 10 && !refused; i++) {
      const res = await booted.http.get('/v1/me').set(HEADER, KEYS.blinking);
      if (res.status === 429) {
        refused = res;
      } else {
        expect(res.status).toBe(200);
      }
    }
    expect(refused).toBeDefined();
    expect(refused?.headers['retry-after']).toBe('1');
    booted.clock.advance(1_100);
    const back = await booted.http.get('/v1/me').set(HEADER, KEYS.blinking).expect(200);
    expect(back.headers['x-ratelimit-remaining']).toBe('0');
  });

  it('shows the window closest to running out when a product has several', async () => {
    const res = await booted.http.get('/v1/me').set(HEADER, KEYS.layered).expect(200);
    expect(res.headers['x-ratelimit-limit']).toBe('5');
    expect(res.headers['x-ratelimit-remaining']).toBe('4');
    expect(
      (res.body.rateLimits as { name: string; remaining: number }[]).map((w) => [w.name, w.remaining]),
    ).toEqual([
      ['per-second', 999],
      ['per-hour', 4],
    ]);
  });

  it('keys public routes by IP and never throttles /status', async () => {
    await booted.http.get('/v1/security-probes/public').expect(200).expect('x-ratelimit-remaining', '1');
    await booted.http
      .get('/v1/security-probes/public')
      .set(HEADER, KEYS.other)
      .expect(200)
      .expect('x-ratelimit-remaining', '0');
    await booted.http.get('/v1/security-probes/public').expect(429);
    // with no trusted proxy configured, a forged X-Forwarded-For does not buy a fresh per-IP budget
    await booted.http.get('/v1/security-probes/public').set('X-Forwarded-For', '203.0.113.9').expect(429);
    for (let i = 0; i < 5; i++) {
      const status = await booted.http.get('/status').expect(200);
      expect(status.headers['x-ratelimit-limit']).toBeUndefined();
    }
  });

  it('counts refused permissions against the client too', async () => {
    await booted.http.get('/v1/me').set(HEADER, KEYS.layeredRefused).expect(200);
    await booted.http
      .post('/v1/security-probes')
      .set(HEADER, KEYS.layeredRefused)
      .send({ name: 'x' })
      .expect(403)
      .expect('x-ratelimit-remaining', '3');
  });
});

describe('throttling switched off', () => {
  let booted: BootedApp;

  beforeAll(async () => {
    booted = await bootApp({
      overrides: [
        { provide: authConfig.KEY, useValue: authSettings({ subscriptionsFile: subscriptionsFile() }) },
        {
          provide: throttlingConfig.KEY,
          useValue: throttlingSettings(
            { metered: [{ name: 'per-hour', limit: 1, windowSeconds: 3600 }] },
            false,
          ),
        },
      ],
    });
  });
  afterAll(() => booted?.close());

  it('sends no rate-limit headers and never answers 429', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await booted.http.get('/v1/me').set(HEADER, KEYS.metered).expect(200);
      expect(res.headers['x-ratelimit-limit']).toBeUndefined();
      expect(res.body.rateLimits).toEqual([]);
    }
  });
});
