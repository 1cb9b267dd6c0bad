import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { buildEventsConfig, eventsConfig } from '../../src/config/events.config';
import { redisConfig } from '../../src/config/redis.config';
import { MetricsService } from '../../src/metrics/metrics.service';
import { OperatorServer } from '../../src/metrics/operator-server';
import {
  STREET_MANAGER_ENDPOINTS,
  type StreetManagerEndpoints,
} from '../../src/upstreams/street-manager/street-manager-endpoints';
import { EventLog, type GatewayEvent } from '../../src/events/gateway-event';
import { EventIntake } from '../../src/events/intake/event-intake.service';
import { INTAKE_SCHEDULER, manualScheduler } from '../../src/events/intake/intake-scheduler';
import { IntakeState } from '../../src/events/intake/intake-state';
import { type SnsDelivery, sandboxTopicArn } from '../../src/sandbox/notifications/sns-notifications';
import { signSnsMessage, snsSigningKey } from '../../src/sandbox/notifications/sns-signer';
import type { RunningSandbox } from '../../src/sandbox/sandbox.types';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { describeWithRedis, freePort, type RedisServer, startRedisServer } from '../helpers/redis-server';
import { day, KEY, sandboxUrl } from '../resources/support';
import { eventually } from '../support/eventually';

const until = eventually;

function work(description: string): Record<string, unknown> {
  return {
    promoterSwaCode: '7374',
    highwayAuthoritySwaCode: '4720',
    usrn: 10104523,
    geometry: { type: 'Point', coordinates: [-1.5486, 53.7975] },
    proposedStartDate: day(40),
    proposedEndDate: day(41),
    description,
    locationDescription: 'Outside number 9',
    workType: 'planned',
    ttroRequired: false,
    activityType: 'utility_repair_and_maintenance_works',
    trafficManagementType: 'two_way_signals',
    applicationType: 'permit',
    locationTypes: ['carriageway'],
    closeFootway: 'no',
    excavation: false,
    secondaryContact: 'Site manager',
    secondaryContactNumber: '0113 496 0000',
  };
}

describeWithRedis(
  'Street Manager notifications in (sandbox SNS → receiver → event log, real redis-server)',
  () => {
    let redis: RedisServer;
    let inspect: Redis;
    let booted: BootedApp;
    let intake: EventIntake;
    let log: EventLog;
    let sandbox: string;
    let publicBase: string;

    const admin = async (path: string, body?: unknown) => {
      const res = await fetch(`${sandbox}/__admin/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return (await res.json()) as {
        deliveries: SnsDelivery[];
        subscriptions: { reference: string; organisationSwa: string; endpoint: string; confirmed: boolean }[];
      };
    };
    const events = (organisation: string) => log.readAfter(organisation, undefined, 10_000);
    const ofWork = (all: GatewayEvent[], wrn: string) => all.filter((e) => e.workReferenceNumber === wrn);
    const metric = async (name: string, label: string) => {
      const text = await booted.app.get(MetricsService).render();
      const line = text.split('\n').find((l) => l.startsWith(`${name}{${label}}`));
      return line ? Number(line.split(' ').at(-1)) : 0;
    };
    const createWork = async (description: string): Promise<string> => {
      const res = await booted.http.post('/v1/works').set(KEY.promoter).send(work(description)).expect(201);
      return (res.body as { workReferenceNumber: string }).workReferenceNumber;
    };

    /** A change made in Street Manager (through the sandbox's admin route), on promoter 7374's latest work. */
    const change = async (eventType: string): Promise<string> => {
      const res = await fetch(`${sandbox}/__admin/notifications/change`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ promoterSwaCode: '7374', eventType }),
      });
      return ((await res.json()) as { workReferenceNumber: string }).workReferenceNumber;
    };

    beforeAll(async () => {
      redis = await startRedisServer();
      inspect = new Redis(redis.url, { lazyConnect: true });
      await inspect.connect();
      const port = await freePort();
      publicBase = `http://127.0.0.1:${port}`;
      booted = await bootApp({
        app: { publicBaseUrl: publicBase },
        overrides: [
          { provide: redisConfig.KEY, useValue: { ...redisConfig(), url: redis.url, keyPrefix: 'e2e:' } },
          { provide: eventsConfig.KEY, useValue: { ...buildEventsConfig({}), intake: 'on', backfillMs: 0 } },
          { provide: INTAKE_SCHEDULER, useValue: manualScheduler },
        ],
      });
      await booted.app.listen(port, '127.0.0.1');
      sandbox = sandboxUrl(booted);
      intake = booted.app.get(EventIntake);
      log = booted.app.get(EventLog);
      // Anchor every credential's cursor now, then subscribe: SNS posts the confirmations, the receiver confirms them.
      await intake.reconciler.runAll();
      await intake.subscriptions.ensureAll();
      await until('every subscription confirmed', async () => {
        const states = Object.values(await intake.subscriptions.states());
        return states.length > 0 && states.every((s) => s === 'confirmed');
      });
    });
    afterAll(async () => {
      await booted?.close();
      inspect?.disconnect();
      await redis?.stop();
    });

    it('subscribed each credential once, through Street Manager, and the sandbox confirmed every one', async () => {
      const { subscriptions } = await admin('notifications');
      const organisations = subscriptions.map((s) => s.organisationSwa).sort();
      expect(new Set(organisations).size).toBe(organisations.length);
      expect(organisations).toEqual(intake.settings.credentials.map((c) => c.organisation).sort());
      expect(subscriptions.every((s) => s.confirmed)).toBe(true);
      // a second round subscribes nothing new
      expect(Object.values(await intake.subscriptions.ensureAll()).every((s) => s === 'confirmed')).toBe(
        true,
      );
      expect((await admin('notifications')).subscriptions).toHaveLength(subscriptions.length);
    });

    it('a work created through /v1/works reaches the log of each organisation that sees it, signed, verified and stored once', async () => {
      const before = await metric('gateway_events_received_total', 'outcome="stored"');
      const wrn = await createWork('Notified');
      const promoter = await until(
        'the promoter’s event',
        async () => ofWork(await events('7374'), wrn).length > 0 && ofWork(await events('7374'), wrn),
      );
      expect(promoter).toEqual([
        {
          id: expect.stringMatching(/^\d+-\d+$/),
          organisation: '7374',
          type: 'permit.submitted',
          occurredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          workReferenceNumber: wrn,
          objectType: 'permit',
          objectReference: expect.stringMatching(new RegExp(`^${wrn}-\\d+$`)),
          links: [
            { rel: 'work', href: `/v1/works/${wrn}` },
            { rel: 'permit', href: `/v1/permits/${promoter[0].objectReference}` },
          ],
        },
      ]);
      const authority = await until(
        'the authority’s event',
        async () => ofWork(await events('4720'), wrn).length > 0 && ofWork(await events('4720'), wrn),
      );
      expect(authority.map((e) => [e.organisation, e.type])).toEqual([['4720', 'permit.submitted']]);
      expect(await metric('gateway_events_received_total', 'outcome="stored"')).toBeGreaterThanOrEqual(
        before + 2,
      );
      // the reconciler reads the same change from the Event API and stores nothing twice
      await intake.reconciler.runAll();
      expect(ofWork(await events('7374'), wrn).filter((e) => e.type === 'permit.submitted')).toHaveLength(1);
    });

    it('a dropped notification is filled in by the reconciler', async () => {
      await admin('notifications', { drop: 100 });
      const wrn = await change('permit_granted');
      await until('the drop', async () =>
        (await admin('notifications')).deliveries.some((d) => d.status === -1),
      );
      await admin('notifications', { drop: 0 });
      const granted = (all: GatewayEvent[]) => ofWork(all, wrn).filter((e) => e.type === 'permit.granted');
      expect(granted(await events('7374'))).toEqual([]);
      const before = await metric('gateway_events_stored_total', 'source="reconciler"');
      await intake.reconciler.runAll();
      expect(granted(await events('7374'))).toHaveLength(1);
      expect(await metric('gateway_events_stored_total', 'source="reconciler"')).toBeGreaterThanOrEqual(
        before + 1,
      );
    });

    it('a duplicated notification (SNS redelivering, same MessageId) is stored once; signature version 2 is verified too', async () => {
      await admin('notifications', { duplicate: 100, signatureVersion: '2' });
      const wrn = await change('permit_revoked');
      const pair = await until('both copies answered', async () => {
        const copies = (await admin('notifications')).deliveries.filter(
          (d) => d.signatureVersion === '2' && d.status === 200 && d.type === 'Notification',
        );
        const byId = new Map<string, number>();
        copies.forEach((d) => byId.set(d.messageId, (byId.get(d.messageId) ?? 0) + 1));
        return [...byId.values()].some((n) => n === 2) && copies;
      });
      expect(pair.length).toBeGreaterThanOrEqual(2);
      await admin('notifications', { duplicate: 0, signatureVersion: '1' });
      expect(ofWork(await events('7374'), wrn).filter((e) => e.type === 'permit.revoked')).toHaveLength(1);
      expect(await metric('gateway_events_received_total', 'outcome="duplicate"')).toBeGreaterThanOrEqual(1);
    });

    it.each(['bad-signature', 'unsigned', 'wrong-topic', 'untrusted-certificate'])(
      'a %s notification is refused, counted and stored nowhere',
      async (kind) => {
        // a real change first, stored: the forgery copies it with an update id and reference Street Manager never issued
        const stored = (await events('7374')).length;
        await change('permit_granted');
        await until('the real notification', async () => (await events('7374')).length > stored);
        const before = await events('7374');
        const refusedBefore = await metric('gateway_events_refused_total', `reason="${kind}"`);
        const keysBefore = (await inspect.keys('e2e:events:*')).sort();
        const { deliveries } = await admin('notifications/forge', { kind, organisation: '7374' });
        expect(deliveries.map((d) => d.status)).toEqual([403]);
        expect(await events('7374')).toEqual(before);
        expect((await inspect.keys('e2e:events:*')).sort()).toEqual(keysBefore);
        expect(await booted.app.get(IntakeState).messageSeen('7374', deliveries[0].messageId)).toBe(false);
        expect(await metric('gateway_events_refused_total', `reason="${kind}"`)).toBe(refusedBefore + 1);
      },
    );

    it('refuses what is not an SNS message, and credentials it does not know', async () => {
      const server = booted.app.getHttpServer();
      const request = (await import('supertest')).default;
      await request(server)
        .post('/street-manager/notifications/7374')
        .set('content-type', 'text/plain')
        .send('not json')
        .expect(400);
      await request(server)
        .post('/street-manager/notifications/9999')
        .set('content-type', 'text/plain')
        .send('{}')
        .expect(404);
      await request(server)
        .post('/street-manager/notifications/7374')
        .set('content-type', 'application/xml')
        .send('<x/>')
        .expect(415);
      await request(server)
        .post('/street-manager/notifications/7374')
        .set('content-type', 'text/plain')
        .send('x'.repeat(400 * 1024))
        .expect(413);
    });

    it('serves /v1/work-updates from the caller’s organisation’s log, in its contract, without an upstream call', async () => {
      const stats = async () =>
        ((await (await fetch(`${sandbox}/__admin/stats`)).json()) as { requests: Record<string, number> })
          .requests.event;
      const wrn = await change('permit_refused');
      // Reconcile before counting: every credential's log then holds every change made so far (a notification still
      // on its way is a duplicate and appends nothing), so no log moves while the test reads it, whatever ran
      // before (an earlier test's unsubscribe, a late SNS retry).
      await intake.reconciler.runAll();
      expect(ofWork(await events('7374'), wrn).map((e) => e.type)).toContain('permit.refused');
      const eventCallsBefore = await stats();
      const all: {
        updateId: number;
        workReferenceNumber: string;
        eventType: string;
        objectType: string;
        updatedAt: string;
        links: unknown[];
      }[] = [];
      let href = '/v1/work-updates?after=0&limit=3';
      let drained = false;
      for (let page = 0; page < 100; page++) {
        const res = await booted.http.get(href).set(KEY.promoter).expect(200);
        all.push(...(res.body.results as typeof all));
        const next = (res.body.links as { rel: string; href: string }[]).find((l) => l.rel === 'next')!.href;
        if (res.body.results.length === 0) {
          expect(next).toBe(href);
          drained = true;
          break;
        }
        expect(res.body.metadata.cursor).toEqual({
          count: res.body.results.length,
          nextAfter: all.at(-1)!.updateId,
        });
        href = next;
      }
      // the feed ended on an empty page (the log's end), not at the loop's bound
      expect(drained).toBe(true);
      expect(await stats()).toBe(eventCallsBefore);
      const logged = await events('7374');
      expect(all).toHaveLength(logged.length);
      expect(all.map((u) => u.updateId)).toEqual([...all.map((u) => u.updateId)].sort((a, b) => a - b));
      expect(all.find((u) => u.workReferenceNumber === wrn && u.eventType === 'permit_refused')).toEqual({
        updateId: expect.any(Number),
        workReferenceNumber: wrn,
        eventType: 'permit_refused',
        objectType: 'permit',
        updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        links: [{ rel: 'work', href: `/v1/works/${wrn}`, type: 'GET' }],
      });
      // another organisation reads its own log only
      const authority = await booted.http
        .get('/v1/work-updates?after=0&limit=500')
        .set(KEY.authority)
        .expect(200);
      expect((authority.body.results as typeof all).length).toBe((await events('4720')).length);
      const since = await booted.http
        .get(`/v1/work-updates?since=${encodeURIComponent(logged.at(-1)!.occurredAt)}`)
        .set(KEY.promoter)
        .expect(200);
      expect((since.body.results as typeof all).map((u) => u.workReferenceNumber)).toContain(
        logged.at(-1)!.workReferenceNumber,
      );
    });

    it('unsubscribes on an operator’s request, and confirms no subscription it did not ask for', async () => {
      const operator = await booted.app.get(OperatorServer).listen(0, '127.0.0.1');
      const health = (await (await fetch(`${operator}/healthcheck`)).json()) as {
        details: Record<string, { status: string; subscriptions?: Record<string, string> }>;
      };
      expect(health.details.events).toMatchObject({
        status: 'up',
        subscriptions: { '7374': 'confirmed', '4720': 'confirmed' },
      });
      const metrics = await (await fetch(`${operator}/metrics`)).text();
      expect(metrics).toMatch(/^gateway_events_received_total\{outcome="confirmed"\} [1-9]/m);
      expect(metrics).toMatch(/^# TYPE gateway_events_refused_total counter$/m);

      const ours = (await admin('notifications')).subscriptions.find((s) => s.organisationSwa === '7374')!;
      const res = await fetch(`${operator}/street-manager/notifications/unsubscribe?credential=7374`, {
        method: 'POST',
      });
      expect([res.status, await res.json()]).toEqual([200, { outcome: 'unsubscribed' }]);
      expect((await admin('notifications')).subscriptions.map((s) => s.organisationSwa)).not.toContain(
        '7374',
      );
      const goodbye = await until('the UnsubscribeConfirmation answered', async () =>
        (await admin('notifications')).deliveries.find(
          (d) => d.type === 'UnsubscribeConfirmation' && d.subscription === ours.reference,
        ),
      );
      expect(goodbye.status).toBe(200);
      expect((await intake.subscriptions.states())['7374']).toBe('none');

      // Someone subscribes our receiver for 7374 behind our back: the confirmation comes, correctly signed, and is refused.
      const refusedBefore = await metric('gateway_events_refused_total', 'reason="unexpected-confirmation"');
      const running = booted.app.get<StreetManagerEndpoints>(STREET_MANAGER_ENDPOINTS)
        .sandbox as RunningSandbox;
      const user = running.users.find((u) => u.organisationSwaCode === '7374')!;
      const signIn = await fetch(`${sandbox}/v6/work/authenticate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ emailAddress: user.email, password: user.password }),
      });
      const { idToken } = (await signIn.json()) as { idToken: string };
      const subscribed = await fetch(`${sandbox}/v6/event/api-notifications/subscribe`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', token: idToken },
        body: JSON.stringify({ api_endpoint: ours.endpoint }),
      });
      const { subscription_reference_number: reference } = (await subscribed.json()) as {
        subscription_reference_number: string;
      };
      const confirmation = await until('the uninvited confirmation answered', async () =>
        (await admin('notifications')).deliveries.find(
          (d) => d.type === 'SubscriptionConfirmation' && d.subscription === reference,
        ),
      );
      expect(confirmation.status).toBe(403);
      expect(
        (await admin('notifications')).subscriptions.find((s) => s.reference === reference)?.confirmed,
      ).toBe(false);
      expect(await metric('gateway_events_refused_total', 'reason="unexpected-confirmation"')).toBe(
        refusedBefore + 1,
      );
    });
  },
);

// Its own redis-server and app: killing Redis must not take the other tests' store with it, whatever order they run in.
describeWithRedis('Street Manager notifications in while Redis is down', () => {
  let redis: RedisServer;
  let booted: BootedApp;
  let sandbox: string;
  let publicBase: string;

  beforeAll(async () => {
    redis = await startRedisServer();
    const port = await freePort();
    publicBase = `http://127.0.0.1:${port}`;
    booted = await bootApp({
      app: { publicBaseUrl: publicBase },
      overrides: [
        { provide: redisConfig.KEY, useValue: { ...redisConfig(), url: redis.url, keyPrefix: 'e2e:' } },
        { provide: eventsConfig.KEY, useValue: { ...buildEventsConfig({}), intake: 'on', backfillMs: 0 } },
        { provide: INTAKE_SCHEDULER, useValue: manualScheduler },
      ],
    });
    await booted.app.listen(port, '127.0.0.1');
    sandbox = sandboxUrl(booted);
  });
  afterAll(async () => {
    await booted?.close();
    await redis?.stop();
  });

  it('answers 503 and stores nothing while Redis is down, so SNS delivers the notification again', async () => {
    const key = await snsSigningKey();
    const message = signSnsMessage(
      {
        Type: 'Notification',
        MessageId: randomUUID(),
        TopicArn: sandboxTopicArn('7374'),
        Timestamp: new Date().toISOString(),
        Message: JSON.stringify({
          event_reference: 777_000_001,
          event_type: 'PERMIT_GRANTED',
          event_time: new Date().toISOString(),
          object_type: 'PERMIT',
          object_reference: 'NGN777-01',
          version: 1,
          object_data: { work_reference_number: 'NGN777' },
        }),
      },
      key,
      `${sandbox}/__sns/${key.fileName}`,
      '2',
    );
    await redis.kill();
    const res = await fetch(`${publicBase}/street-manager/notifications/7374`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain; charset=UTF-8' },
      body: JSON.stringify(message),
    });
    expect([res.status, await res.json()]).toEqual([503, { outcome: 'retry' }]);
  });
});

describe('Street Manager notifications in, without Redis (one instance, memory)', () => {
  let booted: BootedApp;

  afterAll(() => booted?.close());

  it('receives, verifies and stores in memory, and reconciles what was dropped', async () => {
    const port = await freePort();
    booted = await bootApp({
      app: { publicBaseUrl: `http://127.0.0.1:${port}` },
      overrides: [
        { provide: redisConfig.KEY, useValue: { ...redisConfig(), url: undefined } },
        { provide: eventsConfig.KEY, useValue: { ...buildEventsConfig({}), intake: 'on', backfillMs: 0 } },
        { provide: INTAKE_SCHEDULER, useValue: manualScheduler },
      ],
    });
    await booted.app.listen(port, '127.0.0.1');
    const sandbox = sandboxUrl(booted);
    const intake = booted.app.get(EventIntake);
    const log = booted.app.get(EventLog);
    expect(log.constructor.name).toBe('MemoryEventLog');
    await intake.reconciler.runAll();
    await intake.subscriptions.ensureAll();
    await until('subscriptions confirmed', async () =>
      Object.values(await intake.subscriptions.states()).every((s) => s === 'confirmed'),
    );
    const post = (path: string, body: unknown) =>
      fetch(`${sandbox}/__admin/notifications${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const change = async (eventType: string) =>
      (
        (await (await post('/change', { promoterSwaCode: '7374', eventType })).json()) as {
          workReferenceNumber: string;
        }
      ).workReferenceNumber;

    const wrn = await change('permit_granted');
    await until('the notification stored', async () =>
      (await log.readAfter('7374', undefined, 10_000)).some(
        (e) => e.workReferenceNumber === wrn && e.type === 'permit.granted',
      ),
    );
    await post('', { drop: 100 });
    const dropped = await change('permit_cancelled');
    const isCancelled = (e: GatewayEvent) =>
      e.workReferenceNumber === dropped && e.type === 'permit.cancelled';
    expect((await log.readAfter('7374', undefined, 10_000)).filter(isCancelled)).toEqual([]);
    await intake.reconciler.runAll();
    const cancelled = (await log.readAfter('7374', undefined, 10_000)).filter(
      (e) => e.workReferenceNumber === dropped && e.type === 'permit.cancelled',
    );
    expect(cancelled).toHaveLength(1);
  });
});
