import Redis from 'ioredis';
import { describeWithRedis, type RedisServer, startRedisServer } from '../../../test/helpers/redis-server';
import { RedisAlarm } from '../../redis/redis-alarm';
import { Registry } from 'prom-client';
import { MemoryEventLog } from '../memory-event-log';
import { IntakeMetrics } from './intake-metrics';
import type { IntakeSettings } from './intake-settings';
import { MemoryIntakeState, RedisIntakeState, type IntakeState } from './intake-state';
import { Reconciler } from './reconciler';
import { type EventApiPage, StreetManagerEventApi } from './street-manager-event-api';
import type { WorkUpdateRow } from './street-manager-events';
import { Subscriptions } from './subscriptions';

const settings: IntakeSettings = {
  enabled: true,
  credentials: [
    { id: '7374', organisation: '7374', topicArn: 'arn:aws:sns:eu-west-2:000000000000:t-7374' },
    { id: '4720', organisation: '4720', topicArn: 'arn:aws:sns:eu-west-2:000000000000:t-4720' },
  ],
  defaultCredentialId: '7374',
  publicBaseUrl: 'https://gateway.example',
  reconcileIntervalMs: 60_000,
  backfillMs: 3_600_000,
  retentionMs: 7 * 86_400_000,
  maxMessageAgeMs: 3_600_000,
};

const row = (id: number, wrn = `W${id}`): WorkUpdateRow => ({
  work_reference_number: wrn,
  update_date_time: new Date(Date.UTC(2026, 11, 5, 10, 0, id)).toISOString(),
  update_id: id,
  event_type: 'permit_granted',
  object_type: 'permit',
  object_reference_number: `${wrn}-01`,
});

/** Street Manager's Event API over a list of rows, recording what it was asked; subscribe takes a turn of the event loop. */
class FakeEventApi extends StreetManagerEventApi {
  readonly rows = new Map<string | undefined, WorkUpdateRow[]>();
  readonly asked: unknown[] = [];
  readonly subscribed: string[] = [];

  workUpdates(
    organisation: string | undefined,
    query: { updateId?: number; startDate?: string; pageSize: number },
  ): Promise<EventApiPage> {
    this.asked.push({ organisation, ...query });
    const all = (this.rows.get(organisation) ?? []).filter((r) =>
      query.updateId !== undefined
        ? r.update_id > query.updateId
        : Date.parse(r.update_date_time) >= Date.parse(query.startDate!),
    );
    const rows = all.slice(0, query.pageSize);
    return Promise.resolve({ rows, nextUpdate: all.length > rows.length ? rows.at(-1)!.update_id : null });
  }

  async subscribe(organisation: string | undefined, endpoint: string): Promise<string> {
    await new Promise((resolve) => setImmediate(resolve));
    this.subscribed.push(`${organisation} ${endpoint}`);
    return `SUB${this.subscribed.length}`;
  }

  readonly unsubscribed: string[] = [];

  unsubscribe(organisation: string | undefined, reference: string): Promise<void> {
    this.unsubscribed.push(`${organisation} ${reference}`);
    return Promise.resolve();
  }
}

const metrics = () => new IntakeMetrics(new Registry());
const storedBy = async (m: IntakeMetrics, source: string) =>
  (await m.stored.get()).values.find((v) => v.labels.source === source)?.value ?? 0;

describe('Subscriptions (memory state, fake Event API)', () => {
  it('subscribes again, ending the old subscription, when the endpoint moved or the confirmation never came', async () => {
    let clock = Date.UTC(2026, 11, 5, 10);
    const api = new FakeEventApi();
    const state = new MemoryIntakeState(() => clock);
    const one = { ...settings, credentials: [settings.credentials[0]] };
    expect(await new Subscriptions(one, state, api, () => clock).ensureAll()).toEqual({
      '7374': 'subscribed',
    });
    clock += 60_000;
    expect(await new Subscriptions(one, state, api, () => clock).ensureAll()).toEqual({ '7374': 'pending' });
    clock += 10 * 60_000;
    expect(await new Subscriptions(one, state, api, () => clock).ensureAll()).toEqual({
      '7374': 'subscribed',
    });
    await state.saveSubscription('7374', { ...(await state.subscription('7374'))!, state: 'confirmed' });
    expect(
      await new Subscriptions(
        { ...one, publicBaseUrl: 'https://moved.example' },
        state,
        api,
        () => clock,
      ).ensureAll(),
    ).toEqual({ '7374': 'subscribed' });
    expect(api.subscribed).toEqual([
      '7374 https://gateway.example/street-manager/notifications/7374',
      '7374 https://gateway.example/street-manager/notifications/7374',
      '7374 https://moved.example/street-manager/notifications/7374',
    ]);
    expect(api.unsubscribed).toEqual(['7374 SUB1', '7374 SUB2']);
    expect(
      await new Subscriptions(
        { ...one, credentials: [{ id: '7374', organisation: '7374' }] },
        state,
        api,
      ).ensureAll(),
    ).toEqual({ '7374': 'no-topic' });
  });
});

describe('Reconciler (memory state, fake Event API)', () => {
  let clock: number;
  let api: FakeEventApi;
  let state: MemoryIntakeState;
  let log: MemoryEventLog;
  let m: IntakeMetrics;
  let reconciler: Reconciler;

  beforeEach(() => {
    clock = Date.UTC(2026, 11, 5, 10, 30);
    api = new FakeEventApi();
    state = new MemoryIntakeState(() => clock);
    log = new MemoryEventLog(settings.retentionMs, 10_000, () => clock);
    m = metrics();
    reconciler = new Reconciler(
      { ...settings, credentials: [settings.credentials[0]] },
      state,
      api,
      log,
      m,
      () => clock,
    );
  });

  it('starts from the backfill time, keeps that anchor until it sees an update, then reads on by update id', async () => {
    expect(await reconciler.runAll()).toEqual({ '7374': { read: 0, stored: 0 } });
    clock += 120_000;
    api.rows.set('7374', [row(1), row(2)]);
    expect(await reconciler.runAll()).toEqual({ '7374': { read: 2, stored: 2 } });
    api.rows.get('7374')!.push(row(3));
    expect(await reconciler.runAll()).toEqual({ '7374': { read: 1, stored: 1 } });
    expect(api.asked).toEqual([
      { organisation: '7374', startDate: '2026-12-05T09:30:00.000Z', pageSize: 250 },
      { organisation: '7374', startDate: '2026-12-05T09:30:00.000Z', pageSize: 250 },
      { organisation: '7374', updateId: 2, pageSize: 250 },
    ]);
    expect((await log.readAfter('7374', undefined, 10)).map((e) => e.workReferenceNumber)).toEqual([
      'W1',
      'W2',
      'W3',
    ]);
    expect(await storedBy(m, 'reconciler')).toBe(3);
  });

  it('reads a backlog page after page, and stores nothing a notification already brought', async () => {
    await state.saveCursor('7374', { updateId: 0 });
    api.rows.set(
      '7374',
      Array.from({ length: 600 }, (_, i) => row(i + 1)),
    );
    const fromNotification = (await import('./street-manager-events')).fromWorkUpdate(row(300), '7374')!;
    await log.append(fromNotification.event, fromNotification.dedupeKey);
    expect(await reconciler.runAll()).toEqual({ '7374': { read: 600, stored: 599 } });
    expect(await state.cursor('7374')).toEqual({ updateId: 600 });
    expect(await log.readAfter('7374', undefined, 1_000)).toHaveLength(600);
  });

  it('says failed and keeps its cursor when Street Manager fails', async () => {
    await state.saveCursor('7374', { updateId: 5 });
    api.workUpdates = () => Promise.reject(new Error('street manager down'));
    expect(await reconciler.runAll()).toEqual({ '7374': 'failed' });
    expect(await state.cursor('7374')).toEqual({ updateId: 5 });
  });
});

describeWithRedis('Subscriptions and the reconciler across instances (real redis-server)', () => {
  let server: RedisServer;
  const clients: Redis[] = [];
  const instance = async () => {
    const c = new Redis(server.url, {
      keyPrefix: 'co:',
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      lazyConnect: true,
    });
    await c.connect();
    clients.push(c);
    return new RedisIntakeState(c, new RedisAlarm());
  };

  beforeAll(async () => {
    server = await startRedisServer();
  });
  beforeEach(async () => {
    await instance();
    await clients[0].flushall();
  });
  afterEach(() => clients.splice(0).forEach((c) => c.disconnect()));
  afterAll(() => server.stop());

  it('subscribes each credential once however many instances try at once', async () => {
    const api = new FakeEventApi();
    const states: IntakeState[] = await Promise.all(Array.from({ length: 4 }, () => instance()));
    const results = await Promise.all(states.map((s) => new Subscriptions(settings, s, api).ensureAll()));
    expect(api.subscribed.sort()).toEqual([
      '4720 https://gateway.example/street-manager/notifications/4720',
      '7374 https://gateway.example/street-manager/notifications/7374',
    ]);
    expect(results.flatMap((r) => Object.values(r)).filter((o) => o === 'subscribed')).toHaveLength(2);
    expect(await states[3].subscription('7374')).toEqual({
      reference: expect.stringMatching(/^SUB\d$/),
      endpoint: 'https://gateway.example/street-manager/notifications/7374',
      state: 'pending',
      since: expect.any(Number),
    });
  });

  it('lets one instance at a time reconcile a credential, and shares the cursor', async () => {
    const api = new FakeEventApi();
    api.rows.set('7374', [row(1), row(2)]);
    const log = new MemoryEventLog(settings.retentionMs, 1_000);
    const one = { ...settings, credentials: [settings.credentials[0]] };
    const [a, b] = [await instance(), await instance()];
    await a.saveCursor('7374', { updateId: 0 });
    const results = await Promise.all([
      new Reconciler(one, a, api, log, metrics()).runAll(),
      new Reconciler(one, b, api, log, metrics()).runAll(),
    ]);
    expect(results.map((r) => r['7374'])).toEqual(
      expect.arrayContaining(['elsewhere', { read: 2, stored: 2 }]),
    );
    expect(await b.cursor('7374')).toEqual({ updateId: 2 });
  });
});
