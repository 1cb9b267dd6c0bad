import { Module } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { UpstreamHttpModule } from '../http/upstream-http.module';
import { RedisService } from '../../redis/redis.service';
import { EventApiClient } from './event-api.client';
import { GeojsonApiClient } from './geojson-api.client';
import { LookupApiClient } from './lookup-api.client';
import { PartyApiClient } from './party-api.client';
import { RedisSessionStore } from './redis-session.store';
import { ReportingApiClient } from './reporting-api.client';
import { MemorySessionStore } from './memory-session.store';
import { SESSION_STORE, type SessionStore } from './session.store';
import { StreetManagerSessions } from './street-manager-session';
import { StreetManagerTransport } from './street-manager.transport';
import { StreetManagerLifecycle } from './street-manager.lifecycle';
import { WorkApiClient } from './work-api.client';
import { WorklistApiClient } from './worklist-api.client';

const CLIENTS = [
  WorkApiClient,
  ReportingApiClient,
  PartyApiClient,
  LookupApiClient,
  GeojsonApiClient,
  EventApiClient,
  WorklistApiClient,
];

/**
 * Street Manager as one dependency: sessions per credential, the transport, and the typed client per API, each
 * provided once. The endpoints (STREET_MANAGER_ENDPOINTS) come from AppModule's StreetManagerTargetModule; tests
 * replace them with `endpointsFromSandbox(theirSandbox)` and SESSION_STORE as needed.
 */
@Module({
  imports: [UpstreamHttpModule],
  providers: [
    {
      provide: SESSION_STORE,
      inject: [RedisService, Clock],
      // With REDIS_URL every instance shares one Street Manager sign-in per credential (scale-out).
      useFactory: (redis: RedisService, clock: Clock): SessionStore =>
        redis.client
          ? new RedisSessionStore(redis.client, redis.alarm, clock)
          : new MemorySessionStore(() => clock.now()),
    },
    StreetManagerSessions,
    StreetManagerTransport,
    StreetManagerLifecycle,
    ...CLIENTS,
  ],
  exports: CLIENTS,
})
export class StreetManagerModule {}
