import type { Worker } from 'bullmq';
import type Redis from 'ioredis';
import { Webhook } from 'standardwebhooks';
import { type RedisConfig, redisConfig } from '../../src/config/redis.config';
import { webhooksConfig } from '../../src/config/webhooks.config';
import { EventLog, type NewGatewayEvent } from '../../src/events/gateway-event';
import { RedisService } from '../../src/redis/redis.service';
import { DeliveryQueue } from '../../src/webhooks/delivery-queue';
import { type BootedApp, bootApp } from '../helpers/boot-app';
import { describeWithRedis, type RedisServer, startRedisServer } from '../helpers/redis-server';
import { KEY } from '../resources/support';
import { eventually, Receiver } from './support';

/*
 * Gateway instances sharing one real redis-server: subscriptions and the delivery log in Redis, deliveries in BullMQ.
 * A short real schedule (100 ms base) and a 1 s lock stand in for the production ones.
 */
let sequence = 0;
function event(type: string, work: string): NewGatewayEvent {
  return {
    organisation: '7374',
    type,
    occurredAt: new Date().toISOString(),
    workReferenceNumber: work,
    objectType: 'work',
    objectReference: work,
    links: [{ rel: 'work', href: `/v1/works/${work}` }],
  };
}

describeWithRedis('webhook delivery shared by instances on one Redis (BullMQ)', () => {
  let redis: RedisServer;
  let receiver: Receiver;
  const apps: BootedApp[] = [];

  const boot = async (): Promise<BootedApp> => {
    const redisSettings: RedisConfig = {
      url: redis.url,
      keyPrefix: 'webhooks-e2e:',
      commandTimeoutMs: 1_000,
      connectTimeoutMs: 1_000,
    };
    const booted = await bootApp({
      overrides: [
        { provide: redisConfig.KEY, useValue: redisSettings },
        {
          provide: webhooksConfig.KEY,
          useValue: {
            ...webhooksConfig(),
            allowLoopback: true,
            retry: { baseDelayMs: 100, maxDelayMs: 5_000, windowMs: 60_000 },
            concurrencyPerReceiver: 64,
            lockDurationMs: 1_000,
            stalledIntervalMs: 500,
          },
        },
      ],
    });
    apps.push(booted);
    return booted;
  };
  const subscribe = async (booted: BootedApp, path: string, eventTypes: string[]) =>
    (
      await booted.http
        .post('/v1/webhook-subscriptions')
        .set(KEY.promoter)
        .send({ url: `${receiver.url}${path}`, eventTypes })
        .expect(201)
    ).body as {
      id: string;
      secret: string;
    };
  const append = (booted: BootedApp, e: NewGatewayEvent) =>
    booted.app.get(EventLog).append(e, `redis-key-${++sequence}`);
  const deliveries = async (booted: BootedApp, id: string) =>
    (
      await booted.http
        .get(`/v1/webhook-subscriptions/${id}/deliveries?limit=100`)
        .set(KEY.promoter)
        .expect(200)
    ).body.results as {
      id: string;
      status: string;
      attempts: { responseStatus: number | null }[];
    }[];

  beforeAll(async () => {
    redis = await startRedisServer();
    receiver = new Receiver();
    await receiver.start();
  });

  afterAll(async () => {
    await receiver?.stop();
    for (const booted of apps) {
      await booted.close().catch(() => undefined);
    }
    await redis?.stop();
  });

  it('delivers each event once per subscription, whichever instance appended it and whichever delivers', async () => {
    const [a, b] = [await boot(), await boot()];
    const subscription = await subscribe(b, '/shared', ['work.*']);
    // Created on B, visible on A: the store is Redis.
    await a.http.get(`/v1/webhook-subscriptions/${subscription.id}`).set(KEY.promoter).expect(200);
    for (let i = 0; i < 10; i++) {
      await append(i % 2 ? a : b, event('work.created', `SHARED${i}`));
    }
    const log = await eventually('every delivery recorded as delivered', async () => {
      const results = await deliveries(a, subscription.id);
      return results.length === 10 && results.every((d) => d.status === 'delivered') ? results : undefined;
    });
    expect(log.map((d) => d.attempts.length)).toEqual(Array(10).fill(1));
    const received = receiver.at('/shared');
    expect(received).toHaveLength(10);
    expect(new Set(received.map((r) => r.headers['webhook-id']))).toEqual(new Set(log.map((d) => d.id)));
    for (const r of received) {
      expect(
        new Webhook(subscription.secret).verify(r.body, r.headers as Record<string, string>),
      ).toMatchObject({ type: 'work.created' });
    }
  });

  it('retries through BullMQ: 500, 500, 200 is three attempts with one webhook-id and growing delays', async () => {
    const [a] = apps;
    receiver.script('/flaky', [500, 500, 200]);
    const subscription = await subscribe(a, '/flaky', ['work.started']);
    await append(a, event('work.started', 'FLAKY1'));
    const [delivery] = await eventually('delivered', async () => {
      const results = await deliveries(a, subscription.id);
      return results[0]?.status === 'delivered' ? results : undefined;
    });
    expect(delivery.attempts.map((x) => x.responseStatus)).toEqual([500, 500, 200]);
    const arrivals = receiver.at('/flaky');
    expect(new Set(arrivals.map((r) => r.headers['webhook-id']))).toEqual(new Set([delivery.id]));
    const stamps = (delivery as unknown as { attempts: { at: string }[] }).attempts.map((x) =>
      Date.parse(x.at),
    );
    expect(stamps[1] - stamps[0]).toBeGreaterThanOrEqual(80);
    expect(stamps[2] - stamps[1]).toBeGreaterThan(stamps[1] - stamps[0]);
  });

  it('loses nothing when the delivering instance dies mid-delivery: another delivers it with the same webhook-id', async () => {
    for (const booted of apps.splice(0)) {
      await booted.close();
    }
    const dying = await boot();
    receiver.script('/crash', ['hold', 200]);
    const subscription = await subscribe(dying, '/crash', ['work.completed']);
    await append(dying, event('work.completed', 'CRASH1'));
    const [held] = await eventually('the attempt in flight', () =>
      receiver.at('/crash').length ? receiver.at('/crash') : undefined,
    );

    // What SIGKILL leaves: the attempt unfinished, its lock no longer renewed, its connections gone, nothing written.
    const queue = dying.app.get<
      DeliveryQueue,
      { worker: Worker; workerConnection: Redis; connection: Redis }
    >(DeliveryQueue);
    dying.app.get(RedisService).client!.disconnect();
    await queue.worker.close(true);
    queue.workerConnection.disconnect();
    queue.connection.disconnect();

    const survivor = await boot();
    const [redelivered] = await eventually(
      'the delivery taken over',
      () => (receiver.at('/crash').length >= 2 ? receiver.at('/crash').slice(1) : undefined),
      20_000,
    );
    expect(redelivered.headers['webhook-id']).toBe(held.headers['webhook-id']);
    expect(redelivered.body).toBe(held.body);
    const [delivery] = await eventually('recorded as delivered by the survivor', async () => {
      const results = await deliveries(survivor, subscription.id);
      return results[0]?.status === 'delivered' ? results : undefined;
    });
    expect(delivery.id).toBe(held.headers['webhook-id']);
    expect(delivery.attempts.map((x) => x.responseStatus)).toEqual([200]);
  });
});
