import { Logger, Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { type EventsConfig, eventsConfig } from '../config/events.config';
import { RedisService } from '../redis/redis.service';
import { EventOrganisations } from './event-organisations';
import { EventLog } from './gateway-event';
import { MemoryEventLog } from './memory-event-log';
import { RedisEventLog } from './redis-event-log';

/** The one place the event log is chosen: Redis streams with REDIS_URL (shared, survives restarts), else memory. */
export function createEventLog(
  config: EventsConfig,
  redis: RedisService,
  now: () => number = Date.now,
): EventLog {
  if (redis.client) {
    return new RedisEventLog(
      redis.client,
      redis.alarm,
      config.retentionMs,
      config.maxEventsPerOrganisation,
      now,
    );
  }
  new Logger('EventLog').warn(
    'REDIS_URL is not set: the event log is kept in this process only; events do not survive a restart and are not shared with other instances',
  );
  return new MemoryEventLog(config.retentionMs, config.maxEventsPerOrganisation, now);
}

@Module({
  providers: [
    EventOrganisations,
    {
      provide: EventLog,
      inject: [eventsConfig.KEY, RedisService, Clock],
      useFactory: (config: EventsConfig, redis: RedisService, clock: Clock) =>
        createEventLog(config, redis, () => clock.now()),
    },
  ],
  exports: [EventLog, EventOrganisations],
})
export class EventsModule {}
