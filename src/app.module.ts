import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuthModule } from './auth/auth.module';
import { CredentialsGuard } from './auth/credentials.guard';
import { PermissionsGuard } from './auth/permissions.guard';
import { ClockModule } from './common/clock';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { IdempotencyModule } from './idempotency/idempotency.module';
import { WorksModule } from './works/works.module';
import { PermitsModule } from './permits/permits.module';
import { WorkUpdatesModule } from './work-updates/work-updates.module';
import { WorklistsModule } from './worklists/worklists.module';
import { LoggerModule } from './logger.module';
import { NegotiationModule } from './common/negotiation/negotiation.module';
import { RouteTable } from './common/route-table';
import { createValidationPipe } from './common/validation/validation.pipe';
import { configNamespaces } from './config';
import { HealthModule } from './health/health.module';
import { MeModule } from './me/me.module';
import { CacheModule } from './cache/cache.module';
import { RedisModule } from './redis/redis.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { StreetsModule } from './streets/streets.module';
import { InspectionsModule } from './inspections/inspections.module';
import { FixedPenaltyNoticesModule } from './fixed-penalty-notices/fixed-penalty-notices.module';
import { ActivitiesModule } from './activities/activities.module';
import { CommentsModule } from './comments/comments.module';
import { ForwardPlansModule } from './forward-plans/forward-plans.module';
import { Section81sModule } from './section-81s/section-81s.module';
import { PermitAlterationsModule } from './permit-alterations/permit-alterations.module';
import { MetricsModule } from './metrics/metrics.module';
import { InnerApisModule } from './upstreams/inner-apis/inner-apis.module';
import { StreetManagerModule } from './upstreams/street-manager/street-manager.module';
import { StreetManagerTargetModule } from './street-manager-target.module';
import { ClientThrottlerGuard } from './throttling/client-throttler.guard';
import { ThrottlingModule } from './throttling/throttling.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: configNamespaces }),
    ClockModule,
    LoggerModule.forRoot(),
    HealthModule,
    RedisModule,
    AuthModule,
    ThrottlingModule,
    MeModule,
    IdempotencyModule,
    OrganisationsModule,
    StreetsModule,
    InspectionsModule,
    FixedPenaltyNoticesModule,
    ActivitiesModule,
    CommentsModule,
    ForwardPlansModule,
    Section81sModule,
    PermitAlterationsModule,
    WorksModule,
    PermitsModule,
    WorkUpdatesModule,
    WorklistsModule,
    MetricsModule,
    StreetManagerTargetModule,
    StreetManagerModule,
    InnerApisModule,
    // Global guards run in module order, AppModule's own (below) first: negotiation and the response cache after them.
    NegotiationModule,
    CacheModule,
  ],
  providers: [
    // The edge's request pipeline, in this order (global guards run in registration order): who is calling, whether
    // the client's rate limit allows it, whether its permissions do. `useExisting` lets tests replace any one of them.
    { provide: APP_GUARD, useExisting: CredentialsGuard },
    { provide: APP_GUARD, useExisting: ClientThrottlerGuard },
    { provide: APP_GUARD, useExisting: PermissionsGuard },
    RouteTable,
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class AppModule {}
