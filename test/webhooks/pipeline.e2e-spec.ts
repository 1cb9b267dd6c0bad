import { Webhook } from 'standardwebhooks';
import { buildEventsConfig, eventsConfig } from '../../src/config/events.config';
import { redisConfig } from '../../src/config/redis.config';
import { webhooksConfig } from '../../src/config/webhooks.config';
import { EventIntake } from '../../src/events/intake/event-intake.service';
import { INTAKE_SCHEDULER, manualScheduler } from '../../src/events/intake/intake-scheduler';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { describeWithRedis, freePort, type RedisServer, startRedisServer } from '../helpers/redis-server';
import { day, KEY } from '../resources/support';
import { eventually, Receiver } from './support';

/*
 * The whole way, on real local servers: a work created through /v1/works → the sandbox (Street Manager) posts a
 * signed SNS notification → the gateway verifies and stores the event → BullMQ delivers it, signed, to a receiver.
 */
describeWithRedis('events end to end: /v1/works → SNS notification → event log → signed webhook', () => {
  let redis: RedisServer;
  let receiver: Receiver;
  let booted: BootedApp;
  /** PUBLIC_BASE_URL: the links in a payload are absolute */
  let publicBase: string;

  beforeAll(async () => {
    redis = await startRedisServer();
    receiver = new Receiver();
    await receiver.start();
    const port = await freePort();
    publicBase = `http://127.0.0.1:${port}`;
    booted = await bootApp({
      app: { publicBaseUrl: publicBase },
      overrides: [
        { provide: redisConfig.KEY, useValue: { ...redisConfig(), url: redis.url, keyPrefix: 'pipeline:' } },
        { provide: eventsConfig.KEY, useValue: { ...buildEventsConfig({}), intake: 'on', backfillMs: 0 } },
        { provide: INTAKE_SCHEDULER, useValue: manualScheduler },
        { provide: webhooksConfig.KEY, useValue: { ...webhooksConfig(), allowLoopback: true } },
      ],
    });
    await booted.app.listen(port, '127.0.0.1');
    const intake = booted.app.get(EventIntake);
    await intake.reconciler.runAll();
    await intake.subscriptions.ensureAll();
    await eventually('the notification subscriptions confirmed', async () => {
      const states = Object.values(await intake.subscriptions.states());
      return states.length > 0 && states.every((s) => s === 'confirmed');
    });
  });

  afterAll(async () => {
    await booted?.close();
    await receiver?.stop();
    await redis?.stop();
  });

  it('delivers the created work’s event to the promoter’s receiver, signed, with links back to /v1', async () => {
    const subscription = (
      await booted.http
        .post('/v1/webhook-subscriptions')
        .set(KEY.promoter)
        .send({ url: `${receiver.url}/promoter`, eventTypes: ['permit.*'] })
        .expect(201)
    ).body as { secret: string };
    const created = await booted.http
      .post('/v1/works')
      .set(KEY.promoter)
      .send({
        promoterSwaCode: '7374',
        highwayAuthoritySwaCode: '4720',
        usrn: 10104523,
        geometry: { type: 'Point', coordinates: [-1.5486, 53.7975] },
        proposedStartDate: day(40),
        proposedEndDate: day(41),
        description: 'Webhook pipeline',
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
      })
      .expect(201);
    const wrn = (created.body as { workReferenceNumber: string }).workReferenceNumber;

    const delivery = await eventually('the webhook', () =>
      receiver
        .at('/promoter')
        .find(
          (r) =>
            (JSON.parse(r.body) as { data: { workReferenceNumber: string } }).data.workReferenceNumber ===
            wrn,
        ),
    );
    const payload = new Webhook(subscription.secret).verify(
      delivery.body,
      delivery.headers as Record<string, string>,
    ) as {
      type: string;
      data: { objectReference: string; links: { rel: string; href: string }[] };
    };
    expect(payload).toMatchObject({
      type: 'permit.submitted',
      data: { workReferenceNumber: wrn, objectType: 'permit' },
    });
    expect(payload.data.links).toEqual([
      { rel: 'work', href: `${publicBase}/v1/works/${wrn}` },
      { rel: 'permit', href: `${publicBase}/v1/permits/${payload.data.objectReference}` },
    ]);
    // The link works for the integrator, with its own credentials.
    await booted.http.get(`/v1/works/${wrn}`).set(KEY.promoter).expect(200);
  });
});
