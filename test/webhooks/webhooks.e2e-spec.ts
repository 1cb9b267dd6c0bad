import { Webhook } from 'standardwebhooks';
import { webhooksConfig } from '../../src/config/webhooks.config';
import { EventLog, type NewGatewayEvent } from '../../src/events/gateway-event';
import { HealthRegistry } from '../../src/health/health-registry';
import { MetricsService } from '../../src/metrics/metrics.service';
import { ReceiverHttp } from '../../src/upstreams/http/receiver-http';
import { WEBHOOK_CLOCK } from '../../src/webhooks/clock';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { KEY } from '../resources/support';
import { eventually, FakeClock, Receiver } from './support';

/*
 * Webhook subscriptions and delivery on one instance without Redis (the in-memory queue), against a real receiver on
 * 127.0.0.1 (loopback allowed by the sandbox setting). Time is a FakeClock: retries happen when the test advances it.
 */
const BASE_MS = 1_000;
const config = () => ({
  ...webhooksConfig(),
  allowLoopback: true,
  retry: { baseDelayMs: BASE_MS, maxDelayMs: 60_000, windowMs: 10 * 60_000 },
  disableAfterMs: 24 * 3_600_000,
  // Every subscription here shares one receiver origin: no delivery may wait for a slot (that wait is a clock timer).
  concurrencyPerReceiver: 64,
});

interface DeliveryPage {
  results: {
    id: string;
    status: string;
    nextAttemptAt: string | null;
    attempts: { at: string; responseStatus: number | null; outcome: string }[];
  }[];
}

let sequence = 0;
function event(type: string, work = 'TSR1591199404915', organisation = '7374'): NewGatewayEvent {
  return {
    organisation,
    type,
    occurredAt: new Date().toISOString(),
    workReferenceNumber: work,
    objectType: 'permit',
    objectReference: `${work}-01`,
    links: [
      { rel: 'work', href: `/v1/works/${work}` },
      { rel: 'permit', href: `/v1/permits/${work}-01` },
    ],
  };
}

describe('webhook subscriptions and delivery (memory)', () => {
  let booted: BootedApp;
  let receiver: Receiver;
  let clock: FakeClock;
  let log: EventLog;

  const subscribe = async (path: string, eventTypes: string[], extra: Record<string, unknown> = {}) => {
    const res = await booted.http
      .post('/v1/webhook-subscriptions')
      .set(KEY.promoter)
      .send({ url: `${receiver.url}${path}`, eventTypes, ...extra })
      .expect(201);
    return res.body as { id: string; secret: string; links: { rel: string; href: string }[] };
  };
  const append = (e: NewGatewayEvent) => log.append(e, `key-${++sequence}`);
  const deliveries = async (id: string) =>
    (await booted.http.get(`/v1/webhook-subscriptions/${id}/deliveries`).set(KEY.promoter).expect(200))
      .body as DeliveryPage;
  const deadLetters = async (id: string) =>
    (
      (await booted.http.get(`/v1/webhook-subscriptions/${id}/dead-letters`).set(KEY.promoter).expect(200))
        .body as DeliveryPage
    ).results;
  /** Advances the clock to the next retry, then waits for the receiver to see it. */
  const nextRetry = async (path: string, count: number) => {
    const at = await eventually(
      'a retry to be scheduled',
      () => clock.nextAt() !== Infinity && clock.nextAt(),
    );
    clock.advanceTo(at);
    await eventually(`attempt ${count} at ${path}`, () => receiver.at(path).length >= count || undefined);
  };

  beforeAll(async () => {
    receiver = new Receiver();
    await receiver.start();
    clock = new FakeClock();
    booted = await bootApp({
      overrides: [
        { provide: webhooksConfig.KEY, useValue: config() },
        { provide: WEBHOOK_CLOCK, useValue: clock },
      ],
    });
    log = booted.app.get(EventLog);
  });

  afterAll(async () => {
    await booted?.close();
    await receiver?.stop();
  });

  it('delivers an appended event, signed per Standard Webhooks, with our payload and links back to /v1', async () => {
    const subscription = await subscribe('/ok', ['permit.*']);
    expect(subscription.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const appended = (await append(event('permit.granted')))!;
    const [delivery] = await eventually('the delivery', () =>
      receiver.at('/ok').length ? receiver.at('/ok') : undefined,
    );

    const payload = new Webhook(subscription.secret).verify(
      delivery.body,
      delivery.headers as Record<string, string>,
    );
    expect(payload).toEqual({
      type: 'permit.granted',
      timestamp: appended.occurredAt,
      data: {
        eventId: appended.id,
        workReferenceNumber: 'TSR1591199404915',
        objectType: 'permit',
        objectReference: 'TSR1591199404915-01',
        links: [
          { rel: 'work', href: '/v1/works/TSR1591199404915' },
          { rel: 'permit', href: '/v1/permits/TSR1591199404915-01' },
        ],
      },
    });
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(
        delivery.body,
        delivery.headers as Record<string, string>,
      ),
    ).toThrow();

    const log1 = await eventually('the delivery log', async () => {
      const page = await deliveries(subscription.id);
      return page.results[0]?.status === 'delivered' ? page : undefined;
    });
    expect(log1.results).toHaveLength(1);
    expect(log1.results[0]).toMatchObject({
      id: delivery.headers['webhook-id'],
      status: 'delivered',
      attempts: [{ responseStatus: 200, outcome: 'delivered' }],
    });
  });

  it('reports delivery in /healthcheck and counts it on /metrics', async () => {
    const health = await booted.http.get('/healthcheck');
    expect((health.body as { details: Record<string, unknown> }).details['webhook-delivery']).toEqual({
      status: 'up',
    });
    const check = booted.app
      .get(HealthRegistry)
      .entries()
      .find(([name]) => name === 'webhook-delivery')![1];
    expect(await check(new AbortController().signal)).toEqual({
      engine: 'memory',
      waiting: 0,
      delayed: 0,
      active: 0,
      failed: 0,
    });
    const metrics = await booted.app.get(MetricsService).render();
    expect(metrics).toMatch(/gateway_webhook_deliveries_total\{outcome="delivered"\} 1/);
    expect(metrics).toMatch(/gateway_webhook_delivery_lag_seconds_count 1/);
  });

  it('does not deliver events of other types, other works or other organisations', async () => {
    const subscription = await subscribe('/filtered', ['work.created'], {
      workReferenceNumbers: ['WANTED1'],
    });
    await append(event('work.created', 'OTHER1'));
    await append(event('permit.granted', 'WANTED1'));
    await append(event('work.created', 'WANTED1', '4720'));
    await append(event('work.created', 'WANTED1'));
    const [only] = await eventually('the wanted delivery', () =>
      receiver.at('/filtered').length ? receiver.at('/filtered') : undefined,
    );
    expect(
      (JSON.parse(only.body) as { data: { workReferenceNumber: string } }).data.workReferenceNumber,
    ).toBe('WANTED1');
    expect((await deliveries(subscription.id)).results).toHaveLength(1);
  });

  it('retries a receiver answering 500 twice: three attempts, the same webhook-id, growing delays', async () => {
    receiver.script('/flaky', [500, 500, 200]);
    const subscription = await subscribe('/flaky', ['permit.granted']);
    await append(event('permit.granted'));
    await eventually('the first attempt', () => receiver.at('/flaky').length >= 1 || undefined);
    await nextRetry('/flaky', 2);
    await nextRetry('/flaky', 3);

    const attempts = receiver.at('/flaky');
    expect(new Set(attempts.map((a) => a.headers['webhook-id'])).size).toBe(1);
    const page = await eventually('delivered', async () => {
      const p = await deliveries(subscription.id);
      return p.results[0]?.status === 'delivered' ? p : undefined;
    });
    const times = page.results[0].attempts.map((a) => Date.parse(a.at));
    expect(page.results[0].attempts.map((a) => a.responseStatus)).toEqual([500, 500, 200]);
    const [first, second] = [times[1] - times[0], times[2] - times[1]];
    expect(first).toBeGreaterThanOrEqual(BASE_MS * 0.8);
    expect(first).toBeLessThanOrEqual(BASE_MS * 1.2);
    expect(second).toBeGreaterThanOrEqual(BASE_MS * 4 * 0.8);
    expect(second).toBeGreaterThan(first);
  });

  it('disables a subscription whose receiver answers 410, keeps later events as dead letters, and replays them once enabled', async () => {
    receiver.script('/gone', [410, 200]);
    const subscription = await subscribe('/gone', ['permit.*']);
    await append(event('permit.granted'));
    const disabled = await eventually('the subscription disabled', async () => {
      const res = await booted.http
        .get(`/v1/webhook-subscriptions/${subscription.id}`)
        .set(KEY.promoter)
        .expect(200);
      return res.body.enabled === false ? (res.body as { disabledReason: string }) : undefined;
    });
    expect(disabled.disabledReason).toBe('receiver-gone');
    await append(event('permit.refused'));

    const dead = await deadLetters(subscription.id);
    expect(dead.map((d) => d.status)).toEqual(['dead', 'dead']);
    expect(receiver.at('/gone')).toHaveLength(1);

    await booted.http
      .post(`/v1/webhook-subscriptions/${subscription.id}/replays`)
      .set(KEY.promoter)
      .send({ deadLetters: true })
      .expect(409);
    await booted.http
      .put(`/v1/webhook-subscriptions/${subscription.id}`)
      .set(KEY.promoter)
      .send({ url: `${receiver.url}/gone`, eventTypes: ['permit.*'], enabled: true })
      .expect(200);
    const replay = await booted.http
      .post(`/v1/webhook-subscriptions/${subscription.id}/replays`)
      .set(KEY.promoter)
      .send({ deadLetters: true })
      .expect(202);
    expect(replay.body).toEqual({ queued: 2, truncated: false });
    await eventually('both replayed', () => receiver.at('/gone').length >= 3 || undefined);
    const ids = dead.map((d) => d.id).sort();
    expect(
      receiver
        .at('/gone')
        .slice(1)
        .map((r) => r.headers['webhook-id'])
        .sort(),
    ).toEqual(ids);
    expect(await deadLetters(subscription.id)).toEqual([]);
  });

  it('replays every matching event since a time, with the webhook-ids they had', async () => {
    const since = new Date(Date.now() - 1_000).toISOString();
    const subscription = await subscribe('/replay', ['work.started']);
    await append(event('work.started', 'REPLAY1'));
    await append(event('work.started', 'REPLAY2'));
    await eventually('two deliveries', () => receiver.at('/replay').length >= 2 || undefined);
    const res = await booted.http
      .post(`/v1/webhook-subscriptions/${subscription.id}/replays`)
      .set(KEY.promoter)
      .send({ since })
      .expect(202);
    expect(res.body).toEqual({ queued: 2, truncated: false });
    await eventually('two replays', () => receiver.at('/replay').length >= 4 || undefined);
    const ids = receiver.at('/replay').map((r) => r.headers['webhook-id']);
    expect(ids.slice(2).sort()).toEqual(ids.slice(0, 2).sort());
  });

  it('rotates the secret: both secrets sign during the grace period', async () => {
    const subscription = await subscribe('/rotated', ['permit.*']);
    const rotated = await booted.http
      .post(`/v1/webhook-subscriptions/${subscription.id}/secrets`)
      .set(KEY.promoter)
      .expect(201);
    expect(rotated.body.secret).not.toBe(subscription.secret);
    await append(event('permit.granted'));
    const [delivery] = await eventually('the delivery', () =>
      receiver.at('/rotated').length ? receiver.at('/rotated') : undefined,
    );
    const headers = delivery.headers as Record<string, string>;
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(rotated.body.secret as string).verify(delivery.body, headers)).toBeTruthy();
    expect(new Webhook(subscription.secret).verify(delivery.body, headers)).toBeTruthy();
  });

  it('sends a test delivery on request, whatever the types', async () => {
    const subscription = await subscribe('/test', ['permit.granted']);
    const res = await booted.http
      .post(`/v1/webhook-subscriptions/${subscription.id}/test-deliveries`)
      .set(KEY.promoter)
      .expect(202);
    expect(res.body).toMatchObject({ eventType: 'webhook.test', test: true, status: 'pending' });
    const [delivery] = await eventually('the test delivery', () =>
      receiver.at('/test').length ? receiver.at('/test') : undefined,
    );
    expect(
      new Webhook(subscription.secret).verify(delivery.body, delivery.headers as Record<string, string>),
    ).toMatchObject({ type: 'webhook.test' });
    expect(delivery.headers['webhook-id']).toBe(res.body.id);
  });

  it('keeps subscriptions to their organisation: another one gets 404 everywhere', async () => {
    const subscription = await subscribe('/mine', ['*']);
    for (const path of ['', '/deliveries', '/dead-letters']) {
      const res = await booted.http
        .get(`/v1/webhook-subscriptions/${subscription.id}${path}`)
        .set(KEY.authority)
        .expect(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    await booted.http.delete(`/v1/webhook-subscriptions/${subscription.id}`).set(KEY.authority).expect(404);
    const list = await booted.http.get('/v1/webhook-subscriptions').set(KEY.authority).expect(200);
    expect(list.body.results).toEqual([]);
    await booted.http.delete(`/v1/webhook-subscriptions/${subscription.id}`).set(KEY.promoter).expect(204);
    await booted.http.get(`/v1/webhook-subscriptions/${subscription.id}`).set(KEY.promoter).expect(404);
  });

  it('lists with paging and never shows the secret again', async () => {
    const res = await booted.http.get('/v1/webhook-subscriptions?limit=2').set(KEY.promoter).expect(200);
    expect(res.body.results).toHaveLength(2);
    expect(res.body.metadata.resultset).toMatchObject({ offset: 0, limit: 2, countIsLowerBound: false });
    expect((res.body as { links: { rel: string }[] }).links.map((l) => l.rel)).toContain('next-page');
    expect(JSON.stringify(res.body)).not.toContain('whsec_');
  });

  it('bounds every input, in the error body', async () => {
    const post = (body: Record<string, unknown>) =>
      booted.http.post('/v1/webhook-subscriptions').set(KEY.promoter).send(body);
    const cases: [Record<string, unknown>, number][] = [
      [{ url: `${receiver.url}/x`, eventTypes: Array.from({ length: 51 }, (_, i) => `t${i}.x`) }, 400],
      [{ url: `${receiver.url}/x`, eventTypes: [] }, 400],
      [{ url: `${receiver.url}/x`, eventTypes: ['Permit Granted'] }, 400],
      [{ url: `https://example.com/${'a'.repeat(2050)}`, eventTypes: ['*'] }, 400],
      [{ url: 'ftp://example.com/x', eventTypes: ['*'] }, 400],
      [
        {
          url: `${receiver.url}/x`,
          eventTypes: ['*'],
          workReferenceNumbers: Array.from({ length: 101 }, (_, i) => `W${i}`),
        },
        400,
      ],
      [{ url: `${receiver.url}/x`, eventTypes: ['*'], description: 'd'.repeat(201) }, 400],
    ];
    for (const [body, status] of cases) {
      const res = await post(body).expect(status);
      expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    await booted.http.get('/v1/webhook-subscriptions/not-an-id').set(KEY.promoter).expect(400);
    await booted.http
      .post('/v1/webhook-subscriptions/3f1b8a52-6c0e-4d3a-9b7f-2a9c4e1d7b60/replays')
      .set(KEY.promoter)
      .send({})
      .expect(404);
  });

  // Last: it moves the clock by minutes, past the signature timestamp tolerance the other tests verify with.
  it('gives a permanently failing receiver up after the retry window: a dead letter the integrator replays', async () => {
    receiver.script('/down', [503]);
    const subscription = await subscribe('/down', ['permit.*']);
    await append(event('permit.granted'));
    await eventually('the first attempt', () => receiver.at('/down').length >= 1 || undefined);
    for (let n = 2; ; n++) {
      const page = await eventually('the attempt recorded', async () => {
        const p = await deliveries(subscription.id);
        return p.results[0]?.attempts.length === n - 1 ? p : undefined;
      });
      if (page.results[0].status === 'dead') {
        break;
      }
      await nextRetry('/down', n);
    }
    const dead = await deadLetters(subscription.id);
    expect(dead).toHaveLength(1);
    const attempts = receiver.at('/down');
    // 1 s, 4 s, 16 s, then every 60 s (the cap), ±20 %, until the next would start past the 10 min window.
    const span = Date.parse(dead[0].attempts.at(-1)!.at) - Date.parse(dead[0].attempts[0].at);
    expect(span).toBeLessThanOrEqual(10 * 60_000);
    expect(span).toBeGreaterThan(10 * 60_000 - 72_000);
    expect(new Set(dead[0].attempts.map((a) => a.responseStatus))).toEqual(new Set([503]));

    receiver.script('/down', [200]);
    await booted.http
      .post(`/v1/webhook-subscriptions/${subscription.id}/redeliveries`)
      .set(KEY.promoter)
      .send({ deliveryId: dead[0].id })
      .expect(202);
    await eventually('the redelivery', () => receiver.at('/down').length >= 7 || undefined);
    expect(receiver.at('/down')[6].headers['webhook-id']).toBe(attempts[0].headers['webhook-id']);
  });
});

describe('webhook SSRF refusals (loopback not allowed)', () => {
  let booted: BootedApp;
  let receiver: Receiver;
  /** receiver.test resolves to a public address when subscribed, then to 127.0.0.1: a DNS rebinding */
  let rebound = false;

  beforeAll(async () => {
    receiver = new Receiver();
    await receiver.start();
    const resolve = (host: string) => Promise.resolve(answer(host));
    const answer = (host: string) => {
      if (host === 'receiver.test') {
        return [{ address: rebound ? '127.0.0.1' : '93.184.215.14', family: 4 }];
      }
      if (host === 'metadata.test') {
        return [{ address: '169.254.169.254', family: 4 }];
      }
      if (host === 'mixed.test') {
        return [
          { address: '93.184.215.14', family: 4 },
          { address: '10.0.0.5', family: 4 },
        ];
      }
      return [
        { address: '127.0.0.1', family: 4 },
        { address: '::1', family: 6 },
      ];
    };
    booted = await bootApp({
      overrides: [
        { provide: webhooksConfig.KEY, useValue: { ...config(), allowLoopback: false } },
        { provide: ReceiverHttp, useValue: new ReceiverHttp(resolve) },
      ],
    });
  });

  afterAll(async () => {
    await booted?.close();
    await receiver?.stop();
  });

  it.each([
    ['loopback', () => `${receiver.url}/x`],
    ['a private network', () => 'http://10.1.2.3/x'],
    ['the metadata service', () => 'http://169.254.169.254/latest/meta-data'],
    ['IPv6 loopback', () => 'http://[::1]:8080/x'],
    ['IPv4-mapped loopback', () => 'http://[::ffff:127.0.0.1]/x'],
    ['a host name resolving to loopback', () => 'http://localhost/x'],
    ['a host name resolving to the metadata service', () => 'https://metadata.test/x'],
    ['a host name with one private address among public ones', () => 'https://mixed.test/x'],
  ])('refuses a subscription to %s with a 422 on url', async (_what, url) => {
    const res = await booted.http
      .post('/v1/webhook-subscriptions')
      .set(KEY.promoter)
      .send({ url: url(), eventTypes: ['*'] })
      .expect(422);
    expect(res.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'url', message: expect.stringMatching(/webhooks may not reach/) }],
    });
  });

  it('checks again at every delivery: a host that now resolves to loopback is refused and nothing is sent', async () => {
    const created = await booted.http
      .post('/v1/webhook-subscriptions')
      .set(KEY.promoter)
      .send({ url: `http://receiver.test:${new URL(receiver.url).port}/rebound`, eventTypes: ['*'] })
      .expect(201);
    rebound = true;
    await booted.app.get(EventLog).append(event('permit.granted'), `rebound-${Date.now()}`);
    const delivery = await eventually('the refused attempt', async () => {
      const res = await booted.http
        .get(`/v1/webhook-subscriptions/${created.body.id}/deliveries`)
        .set(KEY.promoter)
        .expect(200);
      const [first] = (res.body as DeliveryPage).results;
      return first?.attempts.length ? first : undefined;
    });
    expect(delivery).toMatchObject({
      status: 'retrying',
      attempts: [{ outcome: 'refused', responseStatus: null, error: expect.stringMatching(/loopback/) }],
    });
    expect(receiver.received).toEqual([]);
  });
});
