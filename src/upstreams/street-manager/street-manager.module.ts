import { Module } from '@nestjs/common';
import { type StreetManagerConfig, streetManagerConfig } from '../../config/street-manager.config';
import { UpstreamHttpModule } from '../http/upstream-http.module';
import { RedisService } from '../../redis/redis.service';
import { RedisSessionStore } from './redis-session.store';
import { InMemorySessionStore, SESSION_STORE, type SessionStore } from './session-store';
import { STREET_MANAGER_ENDPOINTS, resolveEndpoints } from './street-manager-endpoints';
import { StreetManagerSessions } from './street-manager-session';
import { StreetManagerTransport } from './street-manager.transport';
import { StreetManagerLifecycle } from './street-manager.lifecycle';

/**
 * Street Manager as one dependency: endpoints (a real host or the embedded sandbox), sessions per credential and the
 * transport that the per-API typed clients use. Tests replace STREET_MANAGER_ENDPOINTS with
 * `endpointsFromSandbox(theirSandbox)` and SESSION_STORE as needed.
 */
@Module({
  imports: [UpstreamHttpModule],
  providers: [
    {
      provide: STREET_MANAGER_ENDPOINTS,
      inject: [streetManagerConfig.KEY],
      useFactory: (config: StreetManagerConfig) => resolveEndpoints(config),
    },
    {
      provide: SESSION_STORE,
      inject: [RedisService],
      // With REDIS_URL every instance shares one Street Manager sign-in per credential (scale-out).
      useFactory: (redis: RedisService): SessionStore =>
        redis.client ? new RedisSessionStore(redis.client, redis.alarm) : new InMemorySessionStore(),
    },
    StreetManagerSessions,
    StreetManagerTransport,
    StreetManagerLifecycle,
  ],
  exports: [StreetManagerTransport, StreetManagerSessions, STREET_MANAGER_ENDPOINTS, UpstreamHttpModule],
})
export class StreetManagerModule {}
