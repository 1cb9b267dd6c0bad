import {
  Inject,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { Clock } from '../../common/clock';
import { type AppConfig, appConfig } from '../../config/app.config';
import { type EventsConfig, eventsConfig } from '../../config/events.config';
import { HealthRegistry } from '../../health/health-registry';
import { MetricsService } from '../../metrics/metrics.service';
import { OperatorServer } from '../../metrics/operator-server';
import { RedisService } from '../../redis/redis.service';
import { UpstreamHttpModule } from '../../upstreams/http/upstream-http.module';
import { UpstreamHttp } from '../../upstreams/http/upstream-http.service';
import {
  STREET_MANAGER_ENDPOINTS,
  type StreetManagerEndpoints,
} from '../../upstreams/street-manager/street-manager-endpoints';
import { StreetManagerModule } from '../../upstreams/street-manager/street-manager.module';
import { EventsModule } from '../events.module';
import { EventLog } from '../gateway-event';
import { EventApiAdapter } from './event-api.adapter';
import { EventIntake } from './event-intake.service';
import { INTAKE_SCHEDULER, type IntakeScheduler, timerScheduler } from './intake-scheduler';
import { IntakeMetrics } from './intake-metrics';
import { INTAKE_SETTINGS, type IntakeSettings } from './intake-settings';
import { IntakeState, MemoryIntakeState, RedisIntakeState } from './intake-state';
import { NotificationReceiver, SNS_UPSTREAM } from './notification-receiver';
import { LogWorkUpdates } from './log-work-updates';
import { Reconciler } from './reconciler';
import { registerReceiverRoute } from './receiver.route';
import { SNS_CERTIFICATES_UPSTREAM, SnsVerifier } from './sns-verifier';
import { StreetManagerEventApi } from './street-manager-event-api';
import { Subscriptions } from './subscriptions';

/**
 * Resolves the intake's settings; an embedded sandbox (never in production) brings its own topics and certificate
 * URLs, described by the sandbox itself so that nothing here loads src/sandbox.
 */
export function intakeSettings(
  events: EventsConfig,
  app: AppConfig,
  endpoints: StreetManagerEndpoints,
): IntakeSettings {
  const logger = new Logger('EventIntake');
  const sandbox = endpoints.sandbox;
  let publicBaseUrl = app.publicBaseUrl;
  if (publicBaseUrl && app.nodeEnv === 'production' && !publicBaseUrl.startsWith('https://')) {
    logger.error(
      'PUBLIC_BASE_URL is not HTTPS: Street Manager notifications are not subscribed (the reconciler still fills the log)',
    );
    publicBaseUrl = undefined;
  }
  const credentials = endpoints.credentials.map((c) => ({
    id: c.id,
    organisation: c.organisation,
    topicArn:
      events.topics[c.id] ??
      (sandbox?.sns && c.organisation ? sandbox.sns.topicArn(c.organisation) : undefined),
  }));
  const enabled = events.intake === 'on' || (events.intake === 'auto' && app.publicBaseUrl !== undefined);
  const unpinned = credentials.filter((c) => !c.topicArn).map((c) => c.id);
  if (enabled && publicBaseUrl && unpinned.length > 0) {
    logger.warn(
      `no SNS topic pinned (STREET_MANAGER_NOTIFICATION_TOPICS) for ${unpinned.join(', ')}: not subscribed to notifications; the reconciler alone fills their logs`,
    );
  }
  return {
    enabled,
    credentials,
    defaultCredentialId: endpoints.defaultCredentialId,
    publicBaseUrl,
    reconcileIntervalMs: events.reconcileIntervalMs,
    backfillMs: events.backfillMs,
    retentionMs: events.retentionMs,
    maxMessageAgeMs: events.maxMessageAgeMs,
    extraUrlPattern: events.trustedCertUrlPattern ?? sandbox?.sns?.urlPattern,
  };
}

const SNS_SETTINGS = {
  connectTimeoutMs: 2_000,
  headersTimeoutMs: 5_000,
  bodyTimeoutMs: 5_000,
  totalTimeoutMs: 10_000,
  retry: { maxAttempts: 2, baseDelayMs: 200, maxDelayMs: 1_000, budgetRatio: 0.2 },
  breaker: { consecutiveFailures: 10, halfOpenAfterMs: 30_000 },
  bulkhead: { maxConcurrent: 8, maxQueue: 64 },
  maxResponseBytes: 64 * 1024,
};

/**
 * Street Manager events in: the SNS receiver (outside /v1), subscriptions, the reconciler over the Event API cursor,
 * all appending to the EventLog. Off unless EVENT_INTAKE=on, or auto with PUBLIC_BASE_URL set.
 */
@Module({
  imports: [EventsModule, StreetManagerModule, UpstreamHttpModule],
  providers: [
    {
      provide: INTAKE_SETTINGS,
      inject: [eventsConfig.KEY, appConfig.KEY, STREET_MANAGER_ENDPOINTS],
      useFactory: intakeSettings,
    },
    { provide: INTAKE_SCHEDULER, useValue: timerScheduler },
    {
      provide: IntakeState,
      inject: [RedisService, Clock],
      useFactory: (redis: RedisService, clock: Clock): IntakeState =>
        redis.client
          ? new RedisIntakeState(redis.client, redis.alarm)
          : new MemoryIntakeState(() => clock.now()),
    },
    {
      provide: IntakeMetrics,
      inject: [MetricsService],
      useFactory: (metrics: MetricsService) => new IntakeMetrics(metrics.registry),
    },
    LogWorkUpdates,
    { provide: StreetManagerEventApi, useClass: EventApiAdapter },
    {
      provide: SnsVerifier,
      inject: [UpstreamHttp, INTAKE_SETTINGS, Clock],
      useFactory: (http: UpstreamHttp, settings: IntakeSettings, clock: Clock) =>
        new SnsVerifier(
          http,
          { extraUrlPattern: settings.extraUrlPattern, maxMessageAgeMs: settings.maxMessageAgeMs },
          () => clock.now(),
        ),
    },
    {
      provide: NotificationReceiver,
      inject: [INTAKE_SETTINGS, IntakeState, SnsVerifier, EventLog, UpstreamHttp, IntakeMetrics, Clock],
      useFactory: (
        settings: IntakeSettings,
        state: IntakeState,
        verifier: SnsVerifier,
        log: EventLog,
        http: UpstreamHttp,
        metrics: IntakeMetrics,
        clock: Clock,
      ) => new NotificationReceiver(settings, state, verifier, log, http, metrics, () => clock.now()),
    },
    {
      provide: Subscriptions,
      inject: [INTAKE_SETTINGS, IntakeState, StreetManagerEventApi, Clock],
      useFactory: (settings: IntakeSettings, state: IntakeState, api: StreetManagerEventApi, clock: Clock) =>
        new Subscriptions(settings, state, api, () => clock.now()),
    },
    {
      provide: Reconciler,
      inject: [INTAKE_SETTINGS, IntakeState, StreetManagerEventApi, EventLog, IntakeMetrics, Clock],
      useFactory: (
        settings: IntakeSettings,
        state: IntakeState,
        api: StreetManagerEventApi,
        log: EventLog,
        metrics: IntakeMetrics,
        clock: Clock,
      ) => new Reconciler(settings, state, api, log, metrics, () => clock.now()),
    },
    {
      provide: EventIntake,
      inject: [INTAKE_SETTINGS, Subscriptions, Reconciler, Clock],
      useFactory: (
        settings: IntakeSettings,
        subscriptions: Subscriptions,
        reconciler: Reconciler,
        clock: Clock,
      ) => new EventIntake(settings, subscriptions, reconciler, () => clock.now()),
    },
  ],
  exports: [EventIntake, INTAKE_SETTINGS, LogWorkUpdates],
})
export class EventIntakeModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private cancel?: () => void;

  constructor(
    @Inject(INTAKE_SETTINGS) private readonly settings: IntakeSettings,
    @Inject(INTAKE_SCHEDULER) private readonly scheduler: IntakeScheduler,
    private readonly intake: EventIntake,
    private readonly receiver: NotificationReceiver,
    private readonly http: UpstreamHttp,
    private readonly health: HealthRegistry,
    private readonly adapterHost: HttpAdapterHost,
    private readonly operator: OperatorServer,
  ) {}

  onModuleInit(): void {
    this.http.register(SNS_UPSTREAM, SNS_SETTINGS);
    this.http.register(SNS_CERTIFICATES_UPSTREAM, SNS_SETTINGS);
    if (!this.settings.enabled) {
      return;
    }
    this.health.register('events', () => this.intake.health());
    this.operator.addAction('/street-manager/notifications/unsubscribe', async (query) => {
      const outcome = await this.intake.subscriptions.unsubscribe(query.get('credential') ?? '');
      return { status: outcome === 'unknown-credential' ? 404 : 200, body: { outcome } };
    });
    this.operator.addAction('/street-manager/notifications/subscribe', async () => ({
      status: 200,
      body: await this.intake.subscriptions.ensureAll(),
    }));
    this.operator.addAction('/street-manager/notifications/reconcile', async () => ({
      status: 200,
      body: await this.intake.reconciler.runAll(),
    }));
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (fastify && typeof fastify.register === 'function') {
      registerReceiverRoute(fastify, this.receiver);
    }
  }

  onApplicationBootstrap(): void {
    if (this.settings.enabled) {
      this.cancel = this.scheduler.every(this.settings.reconcileIntervalMs, 1_000, () => this.intake.tick());
    }
  }

  onApplicationShutdown(): void {
    this.cancel?.();
  }
}
